'use client';

import { Menu } from 'lucide-react';
import { usePathname } from 'next/navigation';
import { lazy, Suspense, useRef, useState } from 'react';
import { badgeText, useReviewsWaiting } from '@/components/reviews-link';
import { fa } from '@/messages/fa';

const loadDrawer = () => import('./drawer-dialog');
const DrawerDialog = lazy(loadDrawer);

/**
 * Below md the navigation lives in a drawer, opened by the top bar's menu button. It closes on
 * navigation: it is open only on the page it was opened on.
 */
export function NavDrawer() {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  // Mounted from the first opening on, so that closing (by any means) hands focus back.
  const [loaded, setLoaded] = useState(false);
  const [shownPath, setShownPath] = useState(pathname);
  const button = useRef<HTMLButtonElement>(null);
  if (shownPath !== pathname) {
    // A new page (a link, or back and forward): the drawer closes.
    setShownPath(pathname);
    setOpen(false);
  }
  return (
    <>
      <button
        ref={button}
        type="button"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => {
          setLoaded(true);
          setOpen(true);
        }}
        // Fetch the drawer's code as the finger or the focus gets there, so it opens at once.
        onPointerEnter={() => void loadDrawer()}
        onFocus={() => void loadDrawer()}
        className="relative rounded-lg p-2 text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 md:hidden"
      >
        <Menu aria-hidden="true" className="h-5 w-5" />
        <span className="sr-only">{fa.shell.menu}</span>
        <WaitingBadge />
      </button>
      {loaded ? (
        <Suspense>
          <DrawerDialog open={open} onClose={() => setOpen(false)} menuButton={button} />
        </Suspense>
      ) : null}
    </>
  );
}

/** On the closed menu, the review inbox's count: the phone's navigation is out of sight until opened. */
function WaitingBadge() {
  const count = useReviewsWaiting();
  if (!count) return null;
  return (
    <>
      <span data-testid="menu-reviews-count" aria-hidden="true" className="absolute -top-0.5 -end-0.5 min-w-5 rounded-full bg-amber-700 px-1 text-center text-xs leading-5 font-bold text-white">
        {badgeText(count)}
      </span>
      <span className="sr-only">{fa.shell.menuReviewsWaiting(badgeText(count))}</span>
    </>
  );
}

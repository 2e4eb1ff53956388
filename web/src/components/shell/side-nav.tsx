'use client';

import { House } from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { ReviewsLink } from '@/components/reviews-link';
import { fa } from '@/messages/fa';
import { NAV_LINK, NavTree } from './nav-tree';
import { routeOf } from './route';
import { useBranch } from './use-branch';

/**
 * The navigation: home, the review inbox with how many contents wait for the caller, and the
 * organizations' tree. The same in the desktop column and in the phone's drawer.
 */
export function SideNav({ onNavigate }: { onNavigate?: () => void }) {
  const route = routeOf(usePathname());
  const branch = useBranch(route);
  return (
    <nav aria-label={fa.shell.navigation} className="flex flex-col gap-3">
      <ul className="flex flex-col gap-0.5">
        <li>
          <Link href="/" onClick={onNavigate} aria-current={route.kind === 'home' ? 'page' : undefined} className={`${NAV_LINK} flex items-center gap-2`}>
            <House aria-hidden="true" className="h-4 w-4 text-slate-500" />
            {fa.shell.home}
          </Link>
        </li>
      </ul>
      <ReviewsLink current={route.kind === 'reviews'} onNavigate={onNavigate} />
      <NavTree route={route} branch={branch} onNavigate={onNavigate} />
    </nav>
  );
}

import Link from 'next/link';
import type { ReactNode } from 'react';
import { NotificationBell } from '@/components/notification-bell';
import { StepUpDialog } from '@/components/step-up-dialog';
import { SECURITY_PATH } from '@/lib/step-up';
import { fa } from '@/messages/fa';
import { Breadcrumbs } from './breadcrumbs';
import { NavDrawer } from './nav-drawer';
import { SideNav } from './side-nav';
import { SignOutButton } from './sign-out-button';
import { UserBadge } from './user-badge';

/**
 * The frame of every dashboard page, rendered on the server: the top bar, the navigation (a column
 * on the right from md up, a drawer below), the breadcrumbs and the page. Only its interactive
 * parts are client components.
 */
export function AppShell({ children }: { children: ReactNode }) {
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only rounded-lg bg-white px-3 py-2 text-sm text-indigo-700 focus:not-sr-only focus:fixed focus:top-2 focus:right-2 focus:z-50 focus:ring-2 focus:ring-indigo-600"
      >
        {fa.shell.skipToContent}
      </a>
      <header className="sticky top-0 z-30 border-b border-slate-200 bg-white">
        <div className="flex h-14 items-center gap-2 px-3 md:px-4">
          <NavDrawer />
          <Link href="/" className="rounded-lg px-1 text-lg font-bold text-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600">
            {fa.appName}
          </Link>
          <div className="ms-auto flex min-w-0 items-center gap-2">
            <UserBadge className="hidden max-w-60 md:flex" />
            <NotificationBell />
            <Link
              href={SECURITY_PATH}
              className="hidden rounded-lg px-3 py-1.5 text-sm text-indigo-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 md:inline-block"
            >
              {fa.shell.security}
            </Link>
            <SignOutButton className="hidden md:inline-block" />
          </div>
        </div>
      </header>
      <div className="md:flex">
        <aside className="hidden w-72 shrink-0 overflow-y-auto border-e border-slate-200 bg-white p-3 md:sticky md:top-14 md:block md:h-[calc(100vh-3.5rem)]">
          <SideNav />
        </aside>
        <div className="min-w-0 flex-1">
          <Breadcrumbs />
          <main id="main" tabIndex={-1} className="mx-auto max-w-6xl p-3 focus:outline-none md:p-6">
            {children}
          </main>
        </div>
      </div>
      <StepUpDialog />
    </div>
  );
}

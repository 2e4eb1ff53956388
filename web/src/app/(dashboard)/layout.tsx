'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { ReactNode } from 'react';
import { NotificationBell } from '@/components/notification-bell';
import { ReviewsLink } from '@/components/reviews-link';
import { StepUpDialog } from '@/components/step-up-dialog';
import { useMe } from '@/lib/hooks';
import { SECURITY_PATH } from '@/lib/step-up';
import { fa } from '@/messages/fa';

export default function DashboardLayout({ children }: { children: ReactNode }) {
  const router = useRouter();
  const me = useMe();
  async function signOut() {
    await fetch('/bff/auth/logout', { method: 'POST' });
    router.replace('/sign-in');
  }
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <nav className="relative mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 p-3" aria-label={fa.appName}>
          <Link href="/" className="text-lg font-bold text-indigo-700">
            {fa.appName}
          </Link>
          <div className="flex items-center gap-3 text-sm">
            {me.data ? (
              <span className="text-slate-600" dir="ltr">
                {me.data.name ?? me.data.phone}
              </span>
            ) : null}
            <ReviewsLink />
            <NotificationBell />
            <Link href={SECURITY_PATH} className="rounded-lg px-3 py-1.5 text-indigo-700 hover:bg-slate-100">
              {fa.shell.security}
            </Link>
            <button type="button" onClick={() => void signOut()} className="rounded-lg px-3 py-1.5 text-slate-700 ring-1 ring-slate-300 hover:bg-slate-100">
              {fa.shell.signOut}
            </button>
          </div>
        </nav>
      </header>
      <main className="mx-auto max-w-6xl p-3 md:p-6">{children}</main>
      <StepUpDialog />
    </div>
  );
}

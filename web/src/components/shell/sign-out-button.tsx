'use client';

import { useRouter } from 'next/navigation';
import { fa } from '@/messages/fa';

export function SignOutButton({ className = '' }: { className?: string }) {
  const router = useRouter();
  async function signOut() {
    await fetch('/bff/auth/logout', { method: 'POST' });
    router.replace('/sign-in');
  }
  return (
    <button
      type="button"
      onClick={() => void signOut()}
      className={`rounded-lg px-3 py-1.5 text-sm text-slate-700 ring-1 ring-slate-300 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 ${className}`}
    >
      {fa.shell.signOut}
    </button>
  );
}

'use client';

import { UserRound } from 'lucide-react';
import { useMe } from '@/lib/hooks';
import { fa } from '@/messages/fa';
import { PhoneNumber } from './phone-number';

/** Who is signed in: their name in its own direction, or without one their phone. */
export function UserBadge({ className = '' }: { className?: string }) {
  const me = useMe();
  if (!me.data) return null;
  return (
    <p className={`flex min-w-0 items-center gap-1.5 text-sm text-slate-700 ${className}`}>
      <UserRound aria-hidden="true" className="h-4 w-4 shrink-0 text-slate-500" />
      <span className="sr-only">{fa.shell.account}: </span>
      {me.data.name ? (
        <span dir="auto" className="truncate">
          {me.data.name}
        </span>
      ) : (
        <PhoneNumber phone={me.data.phone} className="truncate" />
      )}
    </p>
  );
}

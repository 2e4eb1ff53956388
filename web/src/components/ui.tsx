'use client';

import Link from 'next/link';
import type { ButtonHTMLAttributes, InputHTMLAttributes, ReactNode } from 'react';
import { ApiError } from '@/lib/api';
import { SECURITY_PATH } from '@/lib/step-up';
import { formatNumber, formatUsd } from '@/lib/format';
import { errorMessage, fa, limitExceededMessage } from '@/messages/fa';

export function Button({ className = '', variant = 'primary', ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'secondary' | 'danger' }) {
  const styles = {
    primary: 'bg-indigo-600 text-white hover:bg-indigo-700',
    secondary: 'bg-white text-slate-800 ring-1 ring-slate-300 hover:bg-slate-100',
    danger: 'bg-rose-600 text-white hover:bg-rose-700',
  }[variant];
  return <button className={`rounded-lg px-4 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-50 ${styles} ${className}`} {...props} />;
}

/** A labelled input; `hint` (an example, the accepted forms) is read after the label as the input's description. */
export function Field({ label, id, hint, 'aria-describedby': describedBy, ...props }: InputHTMLAttributes<HTMLInputElement> & { label: string; id: string; hint?: ReactNode }) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="flex flex-col gap-1 text-sm">
      <label htmlFor={id} className="font-medium text-slate-700">
        {label}
      </label>
      <input
        id={id}
        aria-describedby={[hintId, describedBy].filter(Boolean).join(' ') || undefined}
        className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-base focus:border-indigo-500 focus:outline-none"
        {...props}
      />
      {hint ? (
        <span id={hintId} className="text-xs text-slate-600">
          {hint}
        </span>
      ) : null}
    </div>
  );
}

export function Card({ children, className = '' }: { children: ReactNode; className?: string }) {
  return <section className={`rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 md:p-6 ${className}`}>{children}</section>;
}

/** Lines of grey where the content will be, announced politely as loading (`label`, «در حال بارگذاری…» by default). */
export function Loading({ label = fa.loading, lines = 3 }: { label?: string; lines?: number }) {
  return (
    <div role="status" className="flex flex-col gap-3 p-6">
      <span className="sr-only">{label}</span>
      {Array.from({ length: lines }, (_, index) => (
        <span key={index} aria-hidden="true" className="skeleton h-4" style={{ width: `${100 - ((index * 17) % 45)}%` }} />
      ))}
    </div>
  );
}

/** What to do about an empty list: a link (`href`) or a button (`onClick`). */
export type EmptyAction = { label: string; href: string } | { label: string; onClick: () => void };

/** An empty list or page: says why it is empty and, with `action`, offers the way out. */
export function Empty({ children, action }: { children: ReactNode; action?: EmptyAction }) {
  if (!action) return <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-slate-600">{children}</p>;
  return (
    <div className="flex flex-col items-center gap-3 rounded-lg border border-dashed border-slate-300 p-6 text-center text-slate-600">
      <p>{children}</p>
      {'href' in action ? (
        <Link
          href={action.href}
          className="rounded-lg bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          {action.label}
        </Link>
      ) : (
        <Button type="button" onClick={action.onClick}>
          {action.label}
        </Button>
      )}
    </div>
  );
}

/** The API's error in Persian, with the request id for support. */
export function ErrorBanner({ error }: { error: unknown }) {
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : undefined;
  return (
    <div role="alert" className="rounded-lg bg-rose-50 p-3 text-sm text-rose-800 ring-1 ring-rose-200">
      <p>
        {apiError?.code === 'USAGE_LIMIT_EXCEEDED'
          ? limitExceededMessage(apiError.details, (value, limit) => (limit === 'monthlyCostLimitUsd' ? formatUsd(String(value)) : formatNumber(Number(value))))
          : errorMessage(apiError?.code, apiError?.details)}
        {apiError?.code === 'TWO_FACTOR_ENROLMENT_REQUIRED' ? (
          <>
            {' '}
            <Link href={SECURITY_PATH} className="font-medium underline">
              {fa.stepUp.goToSecurity}
            </Link>
          </>
        ) : null}
      </p>
      {apiError?.requestId ? (
        <p className="mt-1 text-xs text-rose-700">
          {fa.requestId}: <span dir="ltr">{apiError.requestId}</span>
        </p>
      ) : null}
    </div>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const colors: Record<string, string> = {
    DRAFT: 'bg-slate-100 text-slate-700',
    IN_PROGRESS: 'bg-sky-100 text-sky-800',
    REVIEW: 'bg-amber-100 text-amber-800',
    APPROVED: 'bg-emerald-100 text-emerald-800',
    REJECTED: 'bg-rose-100 text-rose-800',
  };
  return <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${colors[status] ?? ''}`}>{fa.status[status] ?? status}</span>;
}

/** A small label beside a name: a member invited who has not signed in yet. */
export function Badge({ children, title, tone = 'slate' }: { children: ReactNode; title?: string; tone?: 'slate' | 'amber' | 'emerald' }) {
  const colors = { slate: 'bg-slate-100 text-slate-700', amber: 'bg-amber-100 text-amber-800', emerald: 'bg-emerald-100 text-emerald-800' }[tone];
  return (
    <span title={title} className={`rounded-full px-2 py-0.5 text-xs font-medium ${colors}`}>
      {children}
    </span>
  );
}

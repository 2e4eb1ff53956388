'use client';

import * as Dialog from '@radix-ui/react-dialog';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { api, ApiError } from '@/lib/api';
import { toPersianDigits } from '@/lib/format';
import { approvalBaseline, baselineKind, REJECTION_CATEGORIES, type RejectionCategory } from '@/lib/review';
import { reads } from '@/lib/queries';
import type { Content, Version } from '@/lib/types';
import { useRead } from '@/lib/use-read';
import { fa } from '@/messages/fa';
import { DiffView } from './diff-view';
import { ApproveButton, RejectButton } from './review-buttons';
import { Button, ErrorBanner } from './ui';

type Reviewed = Pick<Content, 'id' | 'currentVersion' | 'lastReview'>;

const digits = (n: number) => toPersianDigits(String(n));

/** Open and closed, by the dialog's own button or by the page (its keyboard shortcut) when it passes `open`. */
type Opening = { open?: boolean; onOpenChange?: (open: boolean) => void };

function useOpening({ open, onOpenChange }: Opening): [boolean, (open: boolean) => void] {
  const [own, setOwn] = useState(false);
  return [open ?? own, (next) => (onOpenChange ? onOpenChange(next) : setOwn(next))];
}

/** A wide right-to-left panel: the approve dialog holds a two-column diff. */
function ReviewPanel({ title, description, action, children }: { title: string; description: string; action: ReactNode; children: ReactNode }) {
  return (
    <Dialog.Portal>
      <Dialog.Overlay className="fixed inset-0 bg-slate-900/40" />
      <Dialog.Content dir="rtl" className="fixed top-1/2 left-1/2 flex max-h-[90vh] w-[min(94vw,48rem)] -translate-x-1/2 -translate-y-1/2 flex-col gap-3 overflow-y-auto rounded-xl bg-white p-5 shadow-xl">
        <Dialog.Title className="text-lg font-bold">{title}</Dialog.Title>
        <Dialog.Description className="text-sm text-slate-600">{description}</Dialog.Description>
        {children}
        <div className="flex gap-2">
          {action}
          <Dialog.Close asChild>
            <Button variant="secondary">{fa.cancel}</Button>
          </Dialog.Close>
        </div>
      </Dialog.Content>
    </Dialog.Portal>
  );
}

/**
 * 409 CONTENT_VERSION_STALE: someone saved a newer version while the reviewer read this one. Says
 * so in Persian with the current number; the page reloads the content (onChanged), and the dialog
 * then shows the new version.
 */
function StaleNotice({ error }: { error: unknown }) {
  if (!(error instanceof ApiError) || error.code !== 'CONTENT_VERSION_STALE') return <ErrorBanner error={error} />;
  const current = Number(error.details.currentVersion);
  return (
    <div role="alert" className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200" data-testid="stale-version">
      {fa.review.stale(Number.isInteger(current) && current > 0 ? digits(current) : '')}
    </div>
  );
}

/**
 * Approve, for ADMINs: the dialog names the version being approved and shows what changed since the
 * version last approved, or last reviewed, or the first one; the approval sends that number, so a
 * version saved meanwhile is never approved unread (409 CONTENT_VERSION_STALE, then the page reloads).
 */
export function ApproveDialog({ content, versions, onChanged, ...opening }: { content: Reviewed; versions: readonly Version[]; onChanged: () => void } & Opening) {
  const [open, setOpen] = useOpening(opening);
  const [comment, setComment] = useState('');
  const version = content.currentVersion ?? 0;
  const baseline = approvalBaseline(content, versions);
  const diff = useRead(reads.diff(content.id, baseline ?? 0, version), { enabled: open && baseline !== null });
  const approve = useMutation({
    mutationFn: (input: { version: number; comment: string }) => api<Content>(`contents/${content.id}/approve`, { method: 'POST', body: input.comment ? input : { version: input.version } }),
    onSuccess: () => {
      setOpen(false);
      setComment('');
      onChanged();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'CONTENT_VERSION_STALE') onChanged();
    },
  });
  const kind = baselineKind(content, versions);
  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) approve.reset();
      }}
    >
      <Dialog.Trigger asChild>
        <ApproveButton />
      </Dialog.Trigger>
      <ReviewPanel
        title={fa.review.approveTitle(digits(version))}
        description={baseline === null ? fa.review.noBaseline(digits(version)) : fa.review.changesSince(digits(baseline), fa.review.baseline[kind])}
        action={
          <Button disabled={approve.isPending || version < 1} onClick={() => approve.mutate({ version, comment: comment.trim() })}>
            {fa.review.approveVersion(digits(version))}
          </Button>
        }
      >
        {baseline !== null ? (
          <section aria-label={fa.review.diffLabel(digits(baseline), digits(version))} className="rounded-lg ring-1 ring-slate-200">
            {diff.data ? <DiffView diff={diff.data} /> : diff.error ? <ErrorBanner error={diff.error} /> : <p className="p-3 text-sm text-slate-500">{fa.loading}</p>}
          </section>
        ) : null}
        <label htmlFor="approve-comment" className="flex flex-col gap-1 text-sm">
          <span>{fa.content.comment}</span>
          <textarea id="approve-comment" dir="auto" rows={3} className="rounded-lg border border-slate-300 px-3 py-2" value={comment} onChange={(e) => setComment(e.target.value)} />
        </label>
        {approve.error ? <StaleNotice error={approve.error} /> : null}
      </ReviewPanel>
    </Dialog.Root>
  );
}

/** Reject, for ADMINs: a category (Persian labels) and a reason, for the version the reviewer read. */
export function RejectDialog({ content, onChanged, ...opening }: { content: Reviewed; onChanged: () => void } & Opening) {
  const [open, setOpen] = useOpening(opening);
  const [reason, setReason] = useState('');
  const [category, setCategory] = useState<RejectionCategory>('OTHER');
  const version = content.currentVersion ?? 0;
  const reject = useMutation({
    mutationFn: () => api<Content>(`contents/${content.id}/reject`, { method: 'POST', body: { reason: reason.trim(), category, ...(version > 0 && { version }) } }),
    onSuccess: () => {
      setOpen(false);
      setReason('');
      setCategory('OTHER');
      onChanged();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'CONTENT_VERSION_STALE') onChanged();
    },
  });
  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) reject.reset();
      }}
    >
      <Dialog.Trigger asChild>
        <RejectButton />
      </Dialog.Trigger>
      <ReviewPanel
        title={fa.content.rejectTitle}
        description={fa.review.rejectVersion(digits(version))}
        action={
          <Button variant="danger" disabled={!reason.trim() || reject.isPending} onClick={() => reject.mutate()}>
            {fa.content.reject}
          </Button>
        }
      >
        <label htmlFor="reject-category" className="flex flex-col gap-1 text-sm">
          <span>{fa.review.category}</span>
          <select id="reject-category" className="rounded-lg border border-slate-300 bg-white px-3 py-2" value={category} onChange={(e) => setCategory(e.target.value as RejectionCategory)}>
            {REJECTION_CATEGORIES.map((value) => (
              <option key={value} value={value}>
                {fa.review.categories[value]}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor="reject-reason" className="flex flex-col gap-1 text-sm">
          <span>{fa.content.reason}</span>
          <textarea id="reject-reason" dir="auto" rows={3} className="rounded-lg border border-slate-300 px-3 py-2" value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
        {reject.error ? <StaleNotice error={reject.error} /> : null}
      </ReviewPanel>
    </Dialog.Root>
  );
}

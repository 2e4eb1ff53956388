'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useState } from 'react';
import { ContentComments } from '@/components/content-comments';
import { DiffPanel } from '@/components/editor/diff-panel';
import { GenerationBox } from '@/components/editor/generation-box';
import { Kbd } from '@/components/editor/kbd';
import { LazyShortcutsDialog } from '@/components/editor/lazy-shortcuts-dialog';
import { GenerationEstimateNote } from '@/components/generation-estimate';
import { LazyReviewDialogs } from '@/components/lazy-review-dialogs';
import { ReviewDueDate } from '@/components/review-due-date';
import { StyleIssues } from '@/components/style-issues';
import { Button, Card, ErrorBanner, Loading, StatusBadge } from '@/components/ui';
import { api } from '@/lib/api';
import { shortcutOf } from '@/lib/editor-shortcuts';
import { formatDateTime, formatNumber, toPersianDigits } from '@/lib/format';
import { can, useOrganizationRole } from '@/lib/hooks';
import { useLiveGeneration } from '@/lib/live-generation';
import { queryKeys, reads } from '@/lib/queries';
import type { Content, ContentDetail, Version } from '@/lib/types';
import { useRead } from '@/lib/use-read';
import { useShortcuts } from '@/lib/use-shortcuts';
import { fa } from '@/messages/fa';

/** The API lists the newest hundred versions first; the page shows them oldest first. */
const oldestFirst = (versions: Version[]) => [...versions].reverse();
const EDIT = shortcutOf('edit');
const digits = (n: number) => toPersianDigits(String(n));
// The editor, its live checks and its personal-data warnings load when editing starts (E or «ویرایش متن»), in a box the text area's height.
const BodyEditor = dynamic(() => import('@/components/editor/body-editor').then((editor) => editor.BodyEditor), {
  ssr: false,
  loading: () => (
    <p role="status" className="min-h-[21.5rem] rounded-lg border border-slate-300 p-3 text-slate-500">
      {fa.loading}
    </p>
  ),
});

export function ContentPage({ id }: { id: string }) {
  const queries = useQueryClient();
  const content = useRead(reads.content(id));
  const projectId = content.data?.projectId;
  const project = useRead(reads.project(projectId ?? ''), { enabled: Boolean(projectId) });
  const role = useOrganizationRole(project.data?.organizationId);
  const versions = useRead(reads.versions(id), { select: oldestFirst });
  const refresh = () =>
    Promise.all([
      queries.invalidateQueries({ queryKey: queryKeys.content(id) }),
      queries.invalidateQueries({ queryKey: queryKeys.versions(id) }),
      queries.invalidateQueries({ queryKey: queryKeys.comments(id) }),
    ]);
  // The stream opens with the current status: the content rendered on the server is refetched only if it has changed since.
  const live = useLiveGeneration(id, (status, sawGeneration) => (sawGeneration || status !== content.data?.status ? refresh() : Promise.resolve()));
  // The body the editor opened with, while it is open.
  const [editing, setEditing] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'approve' | 'reject' | 'shortcuts' | null>(null);

  // Applying style suggestions saves the body with them as a new manual version.
  const applyStyle = useMutation({
    mutationFn: (body: string) => api<Content>(`contents/${id}`, { method: 'PATCH', body: { body } }),
    onSuccess: refresh,
  });
  const act = useMutation({
    mutationFn: (action: { path: string; method?: string; body?: unknown }) => api(`contents/${id}${action.path}`, { method: action.method ?? 'POST', body: action.body }),
    onSuccess: () => {
      setEditing(null);
      void refresh();
    },
  });

  const c = content.data;
  const busy = c?.status === 'IN_PROGRESS' || live !== null;
  const canEdit = Boolean(c) && can(role, 'EDITOR') && c?.status !== 'APPROVED' && !busy && editing === null;
  const canReview = can(role, 'ADMIN') && c?.status === 'REVIEW';
  useShortcuts([
    { code: EDIT.code, enabled: canEdit, run: () => setEditing(c?.body ?? '') },
    { code: shortcutOf('approve').code, enabled: canReview, run: () => setDialog('approve') },
    { code: shortcutOf('reject').code, enabled: canReview, run: () => setDialog('reject') },
    { code: '?', run: () => setDialog('shortcuts') },
  ]);
  const dialogProps = (name: 'approve' | 'reject' | 'shortcuts') => ({ open: dialog === name, onOpenChange: (open: boolean) => setDialog(open ? name : null) });

  if (content.isLoading) return <Loading />;
  if (content.error || !c) return <ErrorBanner error={content.error} />;
  // An earlier version's text can come back (as a new version, to REVIEW) unless the content is final or being generated.
  const canRestore = can(role, 'EDITOR') && (c.status === 'DRAFT' || c.status === 'REVIEW' || c.status === 'REJECTED') && !busy && editing === null;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-3">
        <Link href={`/projects/${c.projectId}`} className="text-sm text-indigo-700 underline" dir="auto">
          {project.data?.name ?? '…'}
        </Link>
        <h1 className="text-xl font-bold" dir="auto">
          {c.title}
        </h1>
        <StatusBadge status={c.status} />
        <div className="ms-auto">
          <LazyShortcutsDialog {...dialogProps('shortcuts')} />
        </div>
      </div>
      <Card>
        <h2 className="mb-2 font-bold">{fa.project.prompt}</h2>
        <p dir="auto" className="whitespace-pre-wrap text-slate-700">
          {c.prompt}
        </p>
        {c.promptPii.found ? <p className="mt-2 text-sm text-amber-700">{fa.content.promptPii}</p> : null}
        <p className="mt-2 text-xs text-slate-600">
          <bdi dir="ltr">{c.model}</bdi>
        </p>
        {can(role, 'EDITOR') && c.status !== 'APPROVED' ? (
          <>
            <Button className="mt-3" disabled={busy || act.isPending} onClick={() => act.mutate({ path: '/generate' })}>
              {busy ? fa.content.generating : fa.content.generate}
            </Button>
            {busy ? null : <GenerationEstimateNote contentId={c.id} version={`${c.status}:${c.updatedAt}`} />}
          </>
        ) : null}
        {c.lastError ? (
          <p className="mt-2 text-sm text-rose-700">
            {fa.content.lastError}: <bdi dir="auto">{c.lastError.message}</bdi>
          </p>
        ) : null}
      </Card>
      <Card>
        <ReviewDueDate key={c.reviewDueAt ?? 'none'} content={c} canEdit={can(role, 'EDITOR')} onSaved={(answer) => queries.setQueryData(queryKeys.content(id), answer)} />
      </Card>
      <ErrorBanner error={act.error} />
      <Card>
        <h2 className="mb-2 font-bold">{fa.content.body}</h2>
        <GenerationBox live={live}>
          {editing !== null ? (
            <BodyEditor
              contentId={id}
              organizationId={project.data?.organizationId}
              initial={editing}
              onSaved={(answer) => {
                queries.setQueryData(queryKeys.content(id), answer);
                void refresh();
              }}
              onClose={() => setEditing(null)}
            />
          ) : c.body ? (
            <>
              {c.pii.found ? <p className="mb-2 text-sm text-amber-700">{fa.content.piiFound(formatNumber(c.pii.findings.length), [...new Set(c.pii.findings.map((finding) => fa.pii[finding.type] ?? finding.type))].join('، '))}</p> : null}
              <ContentComments contentId={id} version={c.currentVersion ?? 0} body={c.body} findings={c.pii.findings} canComment={can(role, 'EDITOR')} />
              {/* A PATCH answer (set above) has no `style`: the refetch that follows brings it. */}
              <StyleIssues body={c.body} issues={(c as Partial<ContentDetail>).style?.issues ?? []} canApply={can(role, 'EDITOR') && c.status !== 'APPROVED' && !busy} pending={applyStyle.isPending} onApply={(body) => applyStyle.mutate(body)} />
              <ErrorBanner error={applyStyle.error} />
            </>
          ) : (
            <p className="text-slate-500">{fa.content.noBody}</p>
          )}
        </GenerationBox>
        <div className="mt-4 flex flex-wrap gap-2">
          {canEdit ? (
            <Button variant="secondary" aria-keyshortcuts={EDIT.aria} onClick={() => setEditing(c.body ?? '')}>
              {fa.content.edit} <Kbd hidden>{EDIT.keys[0]}</Kbd>
            </Button>
          ) : null}
          <a className="rounded-lg px-4 py-2 text-sm ring-1 ring-slate-300 hover:bg-slate-100" href={`/bff/api/contents/${id}/export?format=markdown`} download>
            {fa.content.exportMarkdown}
          </a>
          <a className="rounded-lg px-4 py-2 text-sm ring-1 ring-slate-300 hover:bg-slate-100" href={`/bff/api/contents/${id}/export?format=json`} download>
            {fa.content.exportJson}
          </a>
        </div>
        {canReview ? (
          <div className="mt-4 flex flex-wrap gap-2 border-t border-slate-100 pt-4">
            <LazyReviewDialogs content={c} versions={versions.data ?? []} onChanged={() => void refresh()} open={dialog === 'approve' || dialog === 'reject' ? dialog : null} onOpenChange={setDialog} />
          </div>
        ) : null}
      </Card>
      <Card>
        <DiffPanel contentId={id} current={c.currentVersion} versions={versions.data ?? []} />
      </Card>
      <Card>
        <h2 className="mb-2 font-bold">{fa.content.versions}</h2>
        <ul className="flex flex-col gap-1 text-sm">
          {versions.data?.map((v) => (
            <li key={v.number} className="flex flex-wrap gap-3">
              <span>{fa.content.version(digits(v.number))}</span>
              <span className="text-slate-600">{fa.content.source[v.source]}</span>
              {v.model ? (
                <bdi dir="ltr" className="text-slate-600">
                  {v.model}
                </bdi>
              ) : null}
              {v.restoredFrom ? <span className="text-slate-600">{fa.review.restoredFrom(digits(v.restoredFrom))}</span> : null}
              <span className="text-slate-600">{formatDateTime(v.createdAt)}</span>
              {canRestore && v.number !== c.currentVersion ? (
                <button type="button" className="text-indigo-700 underline disabled:opacity-50" disabled={act.isPending} aria-label={fa.review.restoreVersion(digits(v.number))} onClick={() => act.mutate({ path: `/versions/${v.number}/restore` })}>
                  {fa.review.restore}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}

'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useParams } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { DiffView } from '@/components/diff-view';
import { GenerationEstimateNote } from '@/components/generation-estimate';
import { ReviewDueDate } from '@/components/review-due-date';
import { ApproveDialog, RejectDialog } from '@/components/review-dialogs';
import { ContentComments } from '@/components/content-comments';
import { PiiWarning } from '@/components/pii-warning';
import { StyleIssues } from '@/components/style-issues';
import { Button, Card, ErrorBanner, Loading, StatusBadge } from '@/components/ui';
import { api } from '@/lib/api';
import { formatDateTime, formatNumber, toPersianDigits } from '@/lib/format';
import { can, useOrganizationRole } from '@/lib/hooks';
import { SseParser } from '@/lib/sse';
import type { Content, ContentDetail, Diff, Project, Version } from '@/lib/types';
import { usePiiScan } from '@/lib/use-pii-scan';
import { fa } from '@/messages/fa';

/** How long the page waits before it opens the stream again after the server ended it. */
const RECONNECT_AFTER_MS = 3000;

/**
 * Follows the content's event stream while the page is open: live text while it is generated.
 * The API ends a stream when the access token expires (`end` `session_expired`) or when it shuts
 * down: the page then opens it again (the BFF refreshes the token). A member removed from the
 * organization (`access_revoked`) is not reconnected.
 */
function useLiveGeneration(contentId: string, onSettled: () => void) {
  const [text, setText] = useState<string | null>(null);
  // The stream lives as long as the page: a new callback on each render must not reopen it.
  const settled = useRef(onSettled);
  settled.current = onSettled;
  useEffect(() => {
    const abort = new AbortController();
    const follow = async (): Promise<'reconnect' | 'stop'> => {
      const response = await fetch(`/bff/api/contents/${contentId}/events`, { signal: abort.signal, headers: { accept: 'text/event-stream' } });
      if (!response.ok || !response.body) return 'stop';
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      const parser = new SseParser();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return 'reconnect';
        for (const event of parser.push(value)) {
          const data = event.data as { status?: string; text?: string; reason?: string };
          if (event.event === 'end') return data.reason === 'access_revoked' ? 'stop' : 'reconnect';
          if (event.event === 'status' && data.status === 'IN_PROGRESS') setText('');
          else if (event.event === 'delta') setText((current) => (current ?? '') + (data.text ?? ''));
          else if (event.event === 'status') {
            setText(null);
            settled.current();
          }
        }
      }
    };
    void (async () => {
      try {
        while ((await follow()) === 'reconnect' && !abort.signal.aborted) {
          await new Promise((resolve) => setTimeout(resolve, RECONNECT_AFTER_MS));
        }
      } catch {
        // Closed with the page, or the stream dropped: the content itself is still fetched.
      }
    })();
    return () => abort.abort();
  }, [contentId]);
  return text;
}

export default function ContentPage() {
  const { id } = useParams<{ id: string }>();
  const queries = useQueryClient();
  const content = useQuery({ queryKey: ['content', id], queryFn: () => api<Content>(`contents/${id}`) });
  const project = useQuery({ queryKey: ['project', content.data?.projectId], queryFn: () => api<Project>(`projects/${content.data?.projectId}`), enabled: Boolean(content.data) });
  const role = useOrganizationRole(project.data?.organizationId);
  // The API lists versions a page at a time: the newest hundred, shown oldest first.
  const versions = useQuery({ queryKey: ['versions', id], queryFn: async () => (await api<Version[]>(`contents/${id}/versions?order=desc&limit=100`)).reverse() });
  const refresh = () => {
    void queries.invalidateQueries({ queryKey: ['content', id] });
    void queries.invalidateQueries({ queryKey: ['versions', id] });
  };
  const live = useLiveGeneration(id, refresh);
  const [editing, setEditing] = useState<string | null>(null);
  // The version just saved, while the editor stays open to show the personal data it still has.
  const [saved, setSaved] = useState<Content | null>(null);
  // The draft as /pii/redact returned it: the scan of the text before it is no longer shown.
  const [redacted, setRedacted] = useState<string | null>(null);
  const draftScan = usePiiScan(editing ?? '', { enabled: editing !== null });
  const edit = (body: string | null) => {
    setEditing(body);
    setSaved(null);
    setRedacted(null);
  };
  const [compare, setCompare] = useState<{ from: number; to: number } | null>(null);
  const diff = useQuery({ queryKey: ['diff', id, compare], queryFn: () => api<Diff>(`contents/${id}/diff?from=${compare?.from}&to=${compare?.to}`), enabled: Boolean(compare) });

  // A save whose new body still has personal data keeps the editor open and lists what it found.
  const save = useMutation({
    mutationFn: (body: string) => api<Content>(`contents/${id}`, { method: 'PATCH', body: { body } }),
    onSuccess: (answer) => {
      queries.setQueryData(['content', id], answer);
      refresh();
      if (answer.pii.found) {
        setEditing(answer.body ?? '');
        setSaved(answer);
        setRedacted(null);
      } else edit(null);
    },
  });
  // Applying style suggestions saves the body with them as a new manual version.
  const applyStyle = useMutation({
    mutationFn: (body: string) => api<Content>(`contents/${id}`, { method: 'PATCH', body: { body } }),
    onSuccess: refresh,
  });
  const act = useMutation({
    mutationFn: (action: { path: string; method?: string; body?: unknown }) => api(`contents/${id}${action.path}`, { method: action.method ?? 'POST', body: action.body }),
    onSuccess: () => {
      edit(null);
      refresh();
    },
  });

  if (content.isLoading) return <Loading />;
  if (content.error || !content.data) return <ErrorBanner error={content.error} />;
  const c = content.data;
  const busy = c.status === 'IN_PROGRESS' || live !== null;
  const numbers = versions.data?.map((v) => v.number) ?? [];
  // Until the draft changes, the findings shown are those of the version just saved.
  const justSaved = saved !== null && editing === saved.body ? saved : null;
  const draftWarning = !justSaved && draftScan && !(redacted === editing && draftScan.text !== editing) ? draftScan : undefined;
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
      </div>
      <Card>
        <h2 className="mb-2 font-bold">{fa.project.prompt}</h2>
        <p dir="auto" className="whitespace-pre-wrap text-slate-700">
          {c.prompt}
        </p>
        {c.promptPii.found ? <p className="mt-2 text-sm text-amber-700">{fa.content.promptPii}</p> : null}
        <p className="mt-2 text-xs text-slate-500" dir="ltr">
          {c.model}
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
            {fa.content.lastError}: {c.lastError.message}
          </p>
        ) : null}
      </Card>
      <Card>
        <ReviewDueDate key={c.reviewDueAt ?? 'none'} content={c} canEdit={can(role, 'EDITOR')} onSaved={(answer) => queries.setQueryData(['content', id], answer)} />
      </Card>
      <ErrorBanner error={act.error} />
      <Card>
        <h2 className="mb-2 font-bold">{fa.content.body}</h2>
        {live !== null ? (
          <div dir="auto" className="whitespace-pre-wrap leading-8 text-slate-700" data-testid="live-text" aria-live="polite">
            {live}
          </div>
        ) : editing !== null ? (
          <div className="flex flex-col gap-2">
            <label htmlFor="body" className="sr-only">
              {fa.content.body}
            </label>
            <textarea id="body" dir="auto" rows={10} className="rounded-lg border border-slate-300 p-3" value={editing} onChange={(e) => setEditing(e.target.value)} />
            {justSaved ? (
              <PiiWarning
                saved
                text={justSaved.body ?? ''}
                findings={justSaved.pii.findings}
                draft={editing}
                onRedact={(text) => {
                  setEditing(text);
                  setRedacted(text);
                }}
              />
            ) : draftWarning ? (
              <PiiWarning
                text={draftWarning.text}
                findings={draftWarning.findings}
                draft={editing}
                onRedact={(text) => {
                  setEditing(text);
                  setRedacted(text);
                }}
              />
            ) : null}
            <ErrorBanner error={save.error} />
            <div className="flex gap-2">
              <Button disabled={save.isPending || justSaved !== null} onClick={() => save.mutate(editing)}>
                {fa.content.saveEdit}
              </Button>
              <Button variant="secondary" onClick={() => edit(null)}>
                {justSaved ? fa.piiWarning.close : fa.cancel}
              </Button>
            </div>
          </div>
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
        <div className="mt-4 flex flex-wrap gap-2">
          {can(role, 'EDITOR') && c.status !== 'APPROVED' && !busy && editing === null ? (
            <Button variant="secondary" onClick={() => edit(c.body ?? '')}>
              {fa.content.edit}
            </Button>
          ) : null}
          <a className="rounded-lg px-4 py-2 text-sm ring-1 ring-slate-300 hover:bg-slate-100" href={`/bff/api/contents/${id}/export?format=markdown`} download>
            {fa.content.exportMarkdown}
          </a>
          <a className="rounded-lg px-4 py-2 text-sm ring-1 ring-slate-300 hover:bg-slate-100" href={`/bff/api/contents/${id}/export?format=json`} download>
            {fa.content.exportJson}
          </a>
        </div>
        {can(role, 'ADMIN') && c.status === 'REVIEW' ? (
          <div className="mt-4 flex flex-wrap gap-2 border-t border-slate-100 pt-4">
            <ApproveDialog content={c} versions={versions.data ?? []} onChanged={refresh} />
            <RejectDialog content={c} onChanged={refresh} />
          </div>
        ) : null}
      </Card>
      <Card>
        <h2 className="mb-2 font-bold">{fa.content.versions}</h2>
        <ul className="flex flex-col gap-1 text-sm">
          {versions.data?.map((v) => (
            <li key={v.number} className="flex flex-wrap gap-3">
              <span>{fa.content.version(toPersianDigits(String(v.number)))}</span>
              <span className="text-slate-500">{fa.content.source[v.source]}</span>
              {v.restoredFrom ? <span className="text-slate-500">{fa.review.restoredFrom(toPersianDigits(String(v.restoredFrom)))}</span> : null}
              <span className="text-slate-500">{formatDateTime(v.createdAt)}</span>
              {canRestore && v.number !== c.currentVersion ? (
                <button type="button" className="text-indigo-700 underline disabled:opacity-50" disabled={act.isPending} aria-label={fa.review.restoreVersion(toPersianDigits(String(v.number)))} onClick={() => act.mutate({ path: `/versions/${v.number}/restore` })}>
                  {fa.review.restore}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
        {numbers.length >= 2 ? (
          <Button className="mt-3" variant="secondary" onClick={() => setCompare({ from: numbers[numbers.length - 2] ?? 1, to: numbers[numbers.length - 1] ?? 1 })}>
            {fa.content.compare} ({toPersianDigits(`${numbers[numbers.length - 2]} ← ${numbers[numbers.length - 1]}`)})
          </Button>
        ) : null}
        {diff.data ? <DiffView diff={diff.data} /> : null}
        <ErrorBanner error={diff.error} />
      </Card>
    </div>
  );
}

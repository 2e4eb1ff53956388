'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { api } from '@/lib/api';
import { paragraphDirection, selectionRange, sentenceRanges, type CommentHighlight, type PiiRange, type TextRange } from '@/lib/comment-ranges';
import { formatDateTime, toPersianDigits } from '@/lib/format';
import { queryKeys, reads } from '@/lib/queries';
import type { ContentComment } from '@/lib/types';
import { useRead } from '@/lib/use-read';
import { fa } from '@/messages/fa';
import { CommentedText } from './commented-text';
import { Button, ErrorBanner } from './ui';

/** A sentence short enough for a select's option. */
const shorten = (text: string) => (text.length > 90 ? `${text.slice(0, 88)}…` : text);

/**
 * The current body with its comments: highlights of the anchored ranges in the text, the list
 * beside it (quote, comment, resolve), and, for editors, a comment on the text they select. The
 * selection is turned into UTF-16 offsets of the body string (what the API counts) from the DOM;
 * without a mouse, a sentence is picked from a list instead.
 */
export function ContentComments({
  contentId,
  version,
  body,
  findings,
  canComment,
}: {
  contentId: string;
  version: number;
  body: string;
  findings: PiiRange[];
  canComment: boolean;
}) {
  const queries = useQueryClient();
  // The anchors are computed for the current version: the page invalidates them with each new one.
  const comments = useRead(reads.comments(contentId));
  const key = queryKeys.comments(contentId);
  const bodyRef = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState<TextRange | null>(null);
  const [note, setNote] = useState('');
  const [showResolved, setShowResolved] = useState(false);
  const [active, setActive] = useState<string | null>(null);
  const noteId = useId();

  useEffect(() => {
    if (!canComment) return;
    // A new selection inside the body replaces the pending one; a click elsewhere (the form) keeps it.
    const onSelection = () => {
      const root = bodyRef.current;
      if (!root) return;
      const range = selectionRange(root, document.getSelection(), body);
      if (range) setSelected(range);
    };
    document.addEventListener('selectionchange', onSelection);
    return () => document.removeEventListener('selectionchange', onSelection);
  }, [body, canComment]);

  const add = useMutation({
    mutationFn: (input: { range: TextRange; text: string }) =>
      api<ContentComment>(`contents/${contentId}/comments`, { method: 'POST', body: { version, ...input.range, body: input.text } }),
    onSuccess: () => {
      setSelected(null);
      setNote('');
      void queries.invalidateQueries({ queryKey: key });
    },
  });
  const resolve = useMutation({
    mutationFn: (commentId: string) => api<ContentComment>(`comments/${commentId}/resolve`, { method: 'POST' }),
    onSuccess: () => void queries.invalidateQueries({ queryKey: key }),
  });

  const sentences = sentenceRanges(body);
  const all = comments.data ?? [];
  const resolvedCount = all.filter((c) => c.resolved).length;
  const shown = all.filter((c) => showResolved || !c.resolved);
  const highlights: CommentHighlight[] = shown.flatMap((c) => (c.anchor ? [{ id: c.id, start: c.anchor.start, end: c.anchor.end, resolved: c.resolved }] : []));

  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(16rem,1fr)]">
      <div className="flex flex-col gap-3">
        <CommentedText text={body} findings={findings} highlights={highlights} activeId={active} bodyRef={bodyRef} />
        {canComment ? (
          <label htmlFor={`${noteId}-sentence`} className="flex flex-wrap items-center gap-2 text-sm">
            <span className="font-medium text-slate-700">{fa.editor.commentSentence}</span>
            <select
              id={`${noteId}-sentence`}
              className="max-w-full min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-2 py-1"
              value={selected ? `${selected.start}-${selected.end}` : ''}
              onChange={(event) => {
                const [start, end] = event.target.value.split('-').map(Number);
                setSelected(event.target.value ? { start: start!, end: end! } : null);
              }}
            >
              <option value="">{fa.editor.chooseSentence}</option>
              {selected && !sentences.some((r) => r.start === selected.start && r.end === selected.end) ? (
                <option value={`${selected.start}-${selected.end}`} dir="auto">
                  {shorten(body.slice(selected.start, selected.end))}
                </option>
              ) : null}
              {sentences.map((r) => (
                <option key={r.start} value={`${r.start}-${r.end}`} dir="auto">
                  {shorten(body.slice(r.start, r.end))}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {canComment ? (
          selected ? (
            <form
              className="flex flex-col gap-2 rounded-lg bg-sky-50 p-3 ring-1 ring-sky-200"
              onSubmit={(event) => {
                event.preventDefault();
                if (note.trim()) add.mutate({ range: selected, text: note });
              }}
            >
              <p className="text-sm text-slate-600">
                {fa.comments.selected}: <q dir={paragraphDirection(body, selected.start)} className="[unicode-bidi:isolate]" data-testid="selected-quote">{body.slice(selected.start, selected.end)}</q>
              </p>
              <label htmlFor={noteId} className="text-sm font-medium text-slate-700">
                {fa.comments.label}
              </label>
              <textarea id={noteId} dir="auto" rows={3} className="rounded-lg border border-slate-300 bg-white px-3 py-2" value={note} onChange={(e) => setNote(e.target.value)} />
              <ErrorBanner error={add.error} />
              <div className="flex gap-2">
                <Button type="submit" disabled={add.isPending || !note.trim()}>
                  {fa.comments.add}
                </Button>
                <Button type="button" variant="secondary" onClick={() => setSelected(null)}>
                  {fa.cancel}
                </Button>
              </div>
            </form>
          ) : (
            <p className="text-sm text-slate-500">{fa.comments.hint}</p>
          )
        ) : null}
      </div>
      <aside aria-labelledby={`${noteId}-title`} className="flex flex-col gap-2">
        <h3 id={`${noteId}-title`} className="font-bold">
          {fa.comments.title}
        </h3>
        <ErrorBanner error={comments.error ?? resolve.error} />
        {comments.data && shown.length === 0 ? <p className="text-sm text-slate-500">{fa.comments.empty}</p> : null}
        <ul className="flex flex-col gap-2" data-testid="comments">
          {shown.map((c) => (
            <li
              key={c.id}
              data-comment-id={c.id}
              className={`flex flex-col gap-1 rounded-lg p-3 text-sm ring-1 ${c.resolved ? 'bg-slate-50 text-slate-500 ring-slate-200' : 'bg-white ring-sky-200'}`}
              onMouseEnter={() => setActive(c.id)}
              onMouseLeave={() => setActive(null)}
            >
              <blockquote dir={c.anchor ? paragraphDirection(body, c.anchor.start) : 'auto'} className="border-s-2 border-sky-300 ps-2 text-slate-600 [unicode-bidi:isolate]" aria-label={fa.comments.quote}>
                {c.quote}
              </blockquote>
              <p dir="auto" className="whitespace-pre-wrap text-slate-900">
                {c.body}
              </p>
              {c.anchor === null ? <p className="text-xs text-amber-700">{fa.comments.gone}</p> : null}
              <p className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
                <span>{formatDateTime(c.createdAt)}</span>
                {c.version !== version ? <span>{fa.comments.onVersion(toPersianDigits(String(c.version)))}</span> : null}
                {c.resolved ? <span className="rounded-full bg-slate-200 px-2 text-slate-700">{fa.comments.resolved}</span> : null}
              </p>
              {canComment && !c.resolved ? (
                <Button variant="secondary" className="self-start" disabled={resolve.isPending} onClick={() => resolve.mutate(c.id)}>
                  {fa.comments.resolve}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
        {resolvedCount > 0 ? (
          <Button variant="secondary" className="self-start" aria-pressed={showResolved} onClick={() => setShowResolved((v) => !v)}>
            {showResolved ? fa.comments.hideResolved : fa.comments.showResolved(toPersianDigits(String(resolvedCount)))}
          </Button>
        ) : null}
      </aside>
    </div>
  );
}

'use client';

import { useId, useState } from 'react';
import { DiffLegend, DiffView, InlineDiff } from '@/components/diff-view';
import { ErrorBanner } from '@/components/ui';
import { toPersianDigits } from '@/lib/format';
import { reads } from '@/lib/queries';
import { diffBaseline } from '@/lib/review';
import type { Version } from '@/lib/types';
import { useRead } from '@/lib/use-read';
import { useSearchParamState } from '@/lib/use-search-param-state';
import { fa } from '@/messages/fa';

const digits = (n: number) => toPersianDigits(String(n));
export type DiffMode = 'side-by-side' | 'inline';

/**
 * What changed in the current version since the last approved one (else the one before it), or since
 * a version the reader picks; side by side or inline, the choice kept in the URL (`?diff=inline`)
 * so it survives a reload and a shared link.
 */
export function DiffPanel({ contentId, current, versions }: { contentId: string; current: number | null; versions: readonly Version[] }) {
  const id = useId();
  const [params, setParams] = useSearchParamState();
  const mode: DiffMode = params.get('diff') === 'inline' ? 'inline' : 'side-by-side';
  const baseline = diffBaseline(current, versions);
  const [picked, setPicked] = useState<number | null>(null);
  const from = picked !== null && current !== null && picked < current ? picked : baseline?.number ?? null;
  const diff = useRead(reads.diff(contentId, from ?? 0, current ?? 0), { enabled: from !== null && current !== null });
  const older = versions.filter((v) => current !== null && v.number < current).sort((a, b) => b.number - a.number);

  return (
    <section aria-labelledby={`${id}-title`} className="flex flex-col gap-3">
      <h2 id={`${id}-title`} className="font-bold">
        {fa.editor.diffTitle}
      </h2>
      {from === null || current === null ? (
        <p className="text-sm text-slate-600">{fa.editor.noDiff}</p>
      ) : (
        <>
          <p className="text-sm text-slate-600">{fa.editor.diffSince(digits(from), fa.editor.baselineKinds[from === baseline?.number && picked === null ? baseline.kind : 'chosen'] ?? '', digits(current))}</p>
          <div className="flex flex-wrap items-center gap-3">
            <label htmlFor={`${id}-from`} className="flex items-center gap-2 text-sm">
              <span>{fa.editor.compareWith}</span>
              <select id={`${id}-from`} className="rounded-lg border border-slate-300 bg-white px-2 py-1" value={from} onChange={(e) => setPicked(Number(e.target.value))}>
                {older.map((v) => (
                  <option key={v.number} value={v.number}>
                    {fa.content.version(digits(v.number))} — {fa.content.source[v.source] ?? v.source}
                    {v.number === baseline?.number && baseline.kind === 'approved' ? ` (${fa.editor.baselineKinds.approved})` : ''}
                  </option>
                ))}
              </select>
            </label>
            <div role="group" aria-label={fa.editor.diffMode} className="flex overflow-hidden rounded-lg ring-1 ring-slate-300">
              {(['side-by-side', 'inline'] as const).map((value) => (
                <button
                  key={value}
                  type="button"
                  aria-pressed={mode === value}
                  className={`px-3 py-1 text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 ${mode === value ? 'bg-indigo-600 text-white' : 'bg-white text-slate-800 hover:bg-slate-100'}`}
                  onClick={() => setParams({ diff: value === 'inline' ? 'inline' : '' })}
                >
                  {value === 'inline' ? fa.editor.inline : fa.editor.sideBySide}
                </button>
              ))}
            </div>
            <DiffLegend />
          </div>
          {diff.data ? (
            <>
              {diff.data.stats.changed + diff.data.stats.added + diff.data.stats.removed === 0 ? <p className="text-sm text-slate-600">{fa.editor.noChanges}</p> : null}
              <div aria-label={fa.review.diffLabel(digits(from), digits(current))} role="region" className="rounded-lg ring-1 ring-slate-200">
                {mode === 'inline' ? <InlineDiff diff={diff.data} /> : <DiffView diff={diff.data} />}
              </div>
            </>
          ) : diff.error ? (
            <ErrorBanner error={diff.error} />
          ) : (
            <p className="text-sm text-slate-500">{fa.loading}</p>
          )}
        </>
      )}
    </section>
  );
}

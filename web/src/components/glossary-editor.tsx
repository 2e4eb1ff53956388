'use client';

import { useState } from 'react';
import { Button, Empty, ErrorBanner } from '@/components/ui';
import { glossaryKey } from '@/lib/style-issues';
import type { GlossaryEntry } from '@/lib/types';
import { fa } from '@/messages/fa';

const MAX_ENTRIES = 500;
const MAX_LENGTH = 100;

interface Row {
  term: string;
  preferred: string;
  forbidden: boolean;
}

/** Why a row cannot be saved, as the API would refuse it (it checks again). */
function problemsOf(rows: Row[]): (string | undefined)[] {
  const seen = new Set<string>();
  return rows.map((row) => {
    const key = glossaryKey(row.term);
    if (!key) return fa.glossary.termRequired;
    if (row.term.trim().length > MAX_LENGTH || row.preferred.trim().length > MAX_LENGTH) return fa.glossary.tooLong;
    if (seen.has(key)) return fa.glossary.duplicate;
    seen.add(key);
    return undefined;
  });
}

/**
 * An organization's glossary: a table of terms, each with its preferred form and whether it is
 * forbidden. An ADMIN edits the rows and saves the whole list (PUT); other members read it.
 */
export function GlossaryEditor({ entries, canEdit, saving, error, onSave }: { entries: GlossaryEntry[]; canEdit: boolean; saving: boolean; error: unknown; onSave: (entries: { term: string; preferred: string | null; forbidden: boolean }[]) => void }) {
  const [rows, setRows] = useState<Row[]>(() => entries.map((entry) => ({ term: entry.term, preferred: entry.preferred ?? '', forbidden: entry.forbidden })));
  const problems = problemsOf(rows);
  const invalid = problems.some(Boolean) || rows.length > MAX_ENTRIES;
  const change = (index: number, patch: Partial<Row>) => setRows((current) => current.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  if (!canEdit) {
    return (
      <div className="flex flex-col gap-2">
        <p className="text-sm text-slate-600">{fa.glossary.readOnly}</p>
        {entries.length ? (
          <table className="w-full text-sm">
            <thead>
              <tr className="text-start text-slate-600">
                <th className="p-2 text-start">{fa.glossary.term}</th>
                <th className="p-2 text-start">{fa.glossary.preferred}</th>
                <th className="p-2 text-start">{fa.glossary.forbidden}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.term} className="border-t border-slate-100">
                  <td className="p-2">
                    <bdi dir="auto">{entry.term}</bdi>
                  </td>
                  <td className="p-2">
                    <bdi dir="auto">{entry.preferred ?? '—'}</bdi>
                  </td>
                  <td className="p-2">{entry.forbidden ? fa.glossary.forbidden : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <Empty>{fa.glossary.empty}</Empty>
        )}
      </div>
    );
  }

  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        if (invalid) return;
        onSave(rows.map((row) => ({ term: row.term.trim(), preferred: row.preferred.trim() || null, forbidden: row.forbidden })));
      }}
    >
      {rows.length ? null : <Empty>{fa.glossary.empty}</Empty>}
      <ul className="flex flex-col gap-2">
        {rows.map((row, index) => (
          <li key={index} className="flex flex-wrap items-end gap-2">
            <label className="flex flex-col gap-1 text-sm">
              <span className="font-medium text-slate-700">{fa.glossary.term}</span>
              <input dir="auto" className="rounded-lg border border-slate-300 px-3 py-2" value={row.term} aria-invalid={Boolean(problems[index])} aria-describedby={problems[index] ? `glossary-problem-${index}` : undefined} onChange={(event) => change(index, { term: event.target.value })} />
            </label>
            <label className="flex flex-col gap-1 text-sm">
              <span className="font-medium text-slate-700">{fa.glossary.preferred}</span>
              <input dir="auto" className="rounded-lg border border-slate-300 px-3 py-2" value={row.preferred} onChange={(event) => change(index, { preferred: event.target.value })} />
            </label>
            <label className="flex items-center gap-2 py-2 text-sm">
              <input type="checkbox" checked={row.forbidden} onChange={(event) => change(index, { forbidden: event.target.checked })} />
              {fa.glossary.forbidden}
            </label>
            <button type="button" className="py-2 text-sm text-rose-700 underline" aria-label={fa.glossary.remove(row.term)} onClick={() => setRows((current) => current.filter((_, i) => i !== index))}>
              ×
            </button>
            {problems[index] ? (
              <p id={`glossary-problem-${index}`} className="w-full text-sm text-rose-700">
                {problems[index]}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      {rows.length > MAX_ENTRIES ? <p className="text-sm text-rose-700">{fa.glossary.tooMany}</p> : null}
      <ErrorBanner error={error} />
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" disabled={rows.length >= MAX_ENTRIES} onClick={() => setRows((current) => [...current, { term: '', preferred: '', forbidden: false }])}>
          {fa.glossary.add}
        </Button>
        <Button type="submit" disabled={saving || invalid}>
          {fa.glossary.save}
        </Button>
      </div>
    </form>
  );
}

'use client';

import { Button } from '@/components/ui';
import { formatNumber } from '@/lib/format';
import { applyStyleIssues, visibleText } from '@/lib/style-issues';
import type { StyleIssue } from '@/lib/types';
import { fa } from '@/messages/fa';

/**
 * The style issues of a content's current body: each rule by its Persian name, the text it covers and
 * the suggestion, with a button that applies it (or all of them) to the body. `onApply` gets the new
 * body, which the page saves as a new manual version; the buttons are only there for who may edit.
 */
export function StyleIssues({ body, issues, canApply, pending, onApply }: { body: string; issues: StyleIssue[]; canApply: boolean; pending: boolean; onApply: (body: string) => void }) {
  if (!issues.length) return null;
  return (
    <section aria-labelledby="style-issues-title" className="mt-4 border-t border-slate-100 pt-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="style-issues-title" className="font-bold">
          {fa.style.title} <span className="text-sm font-normal text-slate-500">({fa.style.count(formatNumber(issues.length))})</span>
        </h3>
        {canApply ? (
          <Button variant="secondary" disabled={pending} onClick={() => onApply(applyStyleIssues(body, issues))}>
            {pending ? fa.style.applying : fa.style.applyAll}
          </Button>
        ) : null}
      </div>
      <p className="mt-1 text-sm text-slate-600">{fa.style.intro}</p>
      <ul className="mt-2 flex flex-col gap-2 text-sm">
        {issues.map((issue) => {
          const rule = fa.style.rules[issue.rule] ?? issue.rule;
          const text = visibleText(body.slice(issue.start, issue.end));
          return (
            <li key={`${issue.rule}:${issue.start}`} className="flex flex-wrap items-center gap-2 rounded-lg bg-amber-50 px-3 py-2 ring-1 ring-amber-200">
              <span className="font-medium text-amber-900">{rule}</span>
              <bdi dir="auto" className="rounded bg-white px-1 text-rose-700 line-through decoration-rose-400">
                {text}
              </bdi>
              <span aria-hidden="true">←</span>
              {issue.suggestion ? (
                <bdi dir="auto" className="rounded bg-white px-1 text-emerald-800">
                  {visibleText(issue.suggestion)}
                </bdi>
              ) : (
                <span className="text-emerald-800">{fa.style.remove}</span>
              )}
              {canApply ? (
                <button type="button" className="ms-auto text-indigo-700 underline disabled:opacity-50" disabled={pending} aria-label={fa.style.applyOne(rule, text)} onClick={() => onApply(applyStyleIssues(body, [issue]))}>
                  {fa.style.apply}
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

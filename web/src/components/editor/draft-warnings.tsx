'use client';

import { draftMarks } from '@/lib/draft-marks';
import { formatNumber } from '@/lib/format';
import { piiSnippets } from '@/lib/pii-snippets';
import { applyStyleIssues, visibleText } from '@/lib/style-issues';
import type { StyleIssue } from '@/lib/types';
import type { CheckedText } from '@/lib/use-style-check';
import type { ScannedText } from '@/lib/use-pii-scan';
import { fa } from '@/messages/fa';

const PII_MARK = 'rounded-sm bg-amber-200 text-slate-900 border-b-2 border-amber-700 box-decoration-clone';
const STYLE_MARK = 'rounded-sm bg-sky-100 text-slate-900 underline decoration-sky-700 decoration-wavy decoration-1 underline-offset-4';

/**
 * The draft as it is being typed, read-only, with its personal data and its style issues marked
 * where they stand (marks inside one `dir="auto"` block, in the text's own order), and the style
 * issues listed with the words around them and a button that applies the suggestion to the draft.
 * A scan only marks the text it was made of: while the draft runs ahead of it, the draft is shown
 * plain, checking.
 */
export function DraftWarnings({ draft, pii, style, onChange }: { draft: string; pii: ScannedText | undefined; style: CheckedText | undefined; onChange: (draft: string) => void }) {
  if (!draft.trim()) return null;
  const findings = pii?.text === draft ? pii.findings : [];
  const issues = style?.text === draft ? style.issues : [];
  const checking = pii?.text !== draft || style?.text !== draft;
  return (
    <div className="flex flex-col gap-2">
      <div role="region" aria-label={fa.editor.draftPreview} className="rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200">
        <div dir="auto" className="whitespace-pre-wrap leading-8 text-slate-800 [unicode-bidi:plaintext]" data-testid="draft-preview">
          {draftMarks(draft, findings, issues).map((piece, index) => {
            const styled = piece.style ? (
              <mark className={STYLE_MARK} data-style-rule={piece.style} title={fa.style.rules[piece.style] ?? piece.style}>
                {piece.text}
              </mark>
            ) : (
              piece.text
            );
            return piece.pii ? (
              <mark key={index} className={PII_MARK} data-draft-pii={piece.pii} title={fa.pii[piece.pii] ?? piece.pii}>
                {styled}
              </mark>
            ) : (
              <span key={index}>{styled}</span>
            );
          })}
        </div>
        <p role="status" className="mt-1 text-xs text-slate-600">
          {checking ? fa.editor.draftChecking : findings.length + issues.length === 0 ? fa.editor.draftClean : ''}
        </p>
      </div>
      {issues.length ? <DraftStyleIssues draft={draft} issues={issues} onChange={onChange} /> : null}
    </div>
  );
}

/** The draft's style issues, each with the words around it and its suggestion, applied to the draft (not saved) on request. */
function DraftStyleIssues({ draft, issues, onChange }: { draft: string; issues: StyleIssue[]; onChange: (draft: string) => void }) {
  const snippets = piiSnippets(
    draft,
    issues.map((issue) => ({ type: issue.rule, start: issue.start, end: issue.end })),
  );
  return (
    <div data-testid="draft-style" className="rounded-lg bg-sky-50 p-3 text-sm ring-1 ring-sky-200">
      <p className="font-medium">{fa.editor.styleDraft(formatNumber(issues.length))}</p>
      <ul className="mt-2 flex flex-col gap-1">
        {issues.map((issue) => {
          const rule = fa.style.rules[issue.rule] ?? issue.rule;
          const snippet = snippets.find((one) => one.type === issue.rule && one.value === draft.slice(issue.start, issue.end));
          return (
            <li key={`${issue.rule}:${issue.start}`} className="flex flex-wrap items-baseline gap-2" data-style-issue={issue.rule}>
              <span className="font-medium text-sky-950">{rule}</span>
              <bdi dir="auto" className="text-slate-700">
                {snippet?.before}
                <mark className={STYLE_MARK}>{draft.slice(issue.start, issue.end)}</mark>
                {snippet?.after}
              </bdi>
              <span aria-hidden="true">←</span>
              {issue.suggestion ? (
                <bdi dir="auto" className="rounded bg-white px-1 text-emerald-800">
                  {visibleText(issue.suggestion)}
                </bdi>
              ) : (
                <span className="text-emerald-800">{fa.style.remove}</span>
              )}
              <button
                type="button"
                className="ms-auto text-indigo-700 underline"
                aria-label={fa.editor.styleApplyOneDraft(rule, visibleText(draft.slice(issue.start, issue.end)))}
                onClick={() => onChange(applyStyleIssues(draft, [issue]))}
              >
                {fa.editor.styleApplyDraft}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

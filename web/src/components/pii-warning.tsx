'use client';

import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { formatNumber } from '@/lib/format';
import type { PiiFinding } from '@/lib/pii-segments';
import { piiSnippets } from '@/lib/pii-snippets';
import { fa } from '@/messages/fa';
import { Button, ErrorBanner } from './ui';

/**
 * Personal data in a body being edited: each finding named in Persian with the text around it
 * (the finding highlighted), and a button that replaces the draft with its redacted text
 * (`POST /pii/redact`: each finding becomes a typed mask such as «[کد ملی]», the rest unchanged).
 *
 * `text` is the text the findings' offsets point into; `draft` the text being edited now, which is
 * what gets redacted. `saved`: the findings are those of the version just saved (the PATCH answer's
 * `pii`), not of a draft.
 */
export function PiiWarning({ text, findings, draft, saved = false, onRedact }: { text: string; findings: PiiFinding[]; draft: string; saved?: boolean; onRedact: (redacted: string) => void }) {
  const redact = useMutation({
    mutationFn: () => api<{ text: string }>('pii/redact', { method: 'POST', body: { text: draft } }),
    onSuccess: (answer) => onRedact(answer.text),
  });
  const snippets = piiSnippets(text, findings);
  if (!snippets.length) return null;
  const count = formatNumber(snippets.length);
  return (
    <div role="status" data-testid="pii-warning" className="rounded-lg bg-amber-50 p-3 text-sm text-amber-950 ring-1 ring-amber-200">
      <p className="font-medium">{saved ? fa.piiWarning.saved(count) : fa.piiWarning.draft(count)}</p>
      <ul className="mt-2 flex flex-col gap-1">
        {snippets.map((snippet, index) => (
          <li key={index} className="flex flex-wrap items-baseline gap-2" data-pii-finding={snippet.type}>
            <span className="font-medium">{fa.pii[snippet.type] ?? snippet.type}</span>
            <bdi dir="auto" className="text-slate-700">
              {snippet.before}
              <mark className="rounded bg-amber-200 px-0.5 text-slate-900">{snippet.value}</mark>
              {snippet.after}
            </bdi>
          </li>
        ))}
      </ul>
      <p className="mt-2 text-xs text-amber-900">{fa.piiWarning.hint}</p>
      <Button className="mt-2" variant="secondary" disabled={redact.isPending} onClick={() => redact.mutate()}>
        {fa.piiWarning.redact}
      </Button>
      <ErrorBanner error={redact.error} />
    </div>
  );
}

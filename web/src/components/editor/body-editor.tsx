'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { PiiWarning } from '@/components/pii-warning';
import { Button, ErrorBanner } from '@/components/ui';
import { api } from '@/lib/api';
import { shortcutOf } from '@/lib/editor-shortcuts';
import type { Content } from '@/lib/types';
import { usePiiScan } from '@/lib/use-pii-scan';
import { useShortcuts } from '@/lib/use-shortcuts';
import { useStyleCheck } from '@/lib/use-style-check';
import { fa } from '@/messages/fa';
import { DraftWarnings } from './draft-warnings';
import { Kbd } from './kbd';

const SAVE = shortcutOf('save');

/**
 * The body being edited: the text area, its personal data and style issues marked in place while
 * it is typed (before anything is saved), and save (also Ctrl/⌘+S, even inside the text area).
 * A save whose new body still has personal data keeps the editor open and lists what it found, so
 * it can be masked and saved again.
 */
export function BodyEditor({ contentId, organizationId, initial, onSaved, onClose }: { contentId: string; organizationId: string | undefined; initial: string; onSaved: (answer: Content) => void; onClose: () => void }) {
  const [draft, setDraft] = useState(initial);
  // The version just saved, while the editor stays open to show the personal data it still has.
  const [saved, setSaved] = useState<Content | null>(null);
  // The draft as /pii/redact returned it: the scan of the text before it is no longer shown.
  const [redacted, setRedacted] = useState<string | null>(null);
  const draftScan = usePiiScan(draft);
  const draftStyle = useStyleCheck(draft, organizationId);
  const save = useMutation({
    mutationFn: (body: string) => api<Content>(`contents/${contentId}`, { method: 'PATCH', body: { body } }),
    onSuccess: (answer) => {
      onSaved(answer);
      if (!answer.pii.found) return onClose();
      setDraft(answer.body ?? '');
      setSaved(answer);
      setRedacted(null);
    },
  });
  // Until the draft changes, the findings shown are those of the version just saved.
  const justSaved = saved !== null && draft === saved.body ? saved : null;
  const scanShown = !justSaved && draftScan && !(redacted === draft && draftScan.text !== draft) ? draftScan : undefined;
  const canSave = !save.isPending && justSaved === null;
  useShortcuts([{ code: SAVE.code, mod: true, enabled: canSave, run: () => save.mutate(draft) }]);
  const redact = (text: string) => {
    setDraft(text);
    setRedacted(text);
  };
  return (
    <div className="flex flex-col gap-2">
      <label htmlFor="body" className="sr-only">
        {fa.content.body}
      </label>
      <textarea id="body" dir="auto" rows={10} autoFocus aria-keyshortcuts={SAVE.aria} className="rounded-lg border border-slate-300 p-3 leading-8" value={draft} onChange={(e) => setDraft(e.target.value)} />
      <DraftWarnings draft={draft} pii={justSaved ? { text: justSaved.body ?? '', findings: justSaved.pii.findings } : scanShown} style={draftStyle} onChange={setDraft} />
      {justSaved ? (
        <PiiWarning saved text={justSaved.body ?? ''} findings={justSaved.pii.findings} draft={draft} onRedact={redact} />
      ) : scanShown ? (
        <PiiWarning text={scanShown.text} findings={scanShown.findings} draft={draft} onRedact={redact} />
      ) : null}
      <ErrorBanner error={save.error} />
      <div className="flex gap-2">
        <Button disabled={!canSave} aria-keyshortcuts={SAVE.aria} onClick={() => save.mutate(draft)}>
          {fa.content.saveEdit}{' '}
          <Kbd hidden>
            {SAVE.keys.join('+')}
          </Kbd>
        </Button>
        <Button variant="secondary" onClick={onClose}>
          {justSaved ? fa.piiWarning.close : fa.cancel}
        </Button>
      </div>
    </div>
  );
}

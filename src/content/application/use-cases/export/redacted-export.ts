import type { ContentVersion } from '../../../domain/content-version';
import { redact, type PiiScan } from '../../../domain/pii';
import type { ContentPolicyRepository } from '../../ports/content-policy.repository';
import type { ContentView } from '../../ports/content.repository';

/**
 * Whether an export masks personal data: when the request asks (`redact=true`), and always when the
 * organization's content policy says so (`redactPiiInExports`), whatever the request asks.
 */
export async function exportIsRedacted(
  policies: ContentPolicyRepository,
  organizationId: string,
  asked: boolean,
): Promise<boolean> {
  return asked || (await policies.find(organizationId)).redactPiiInExports;
}

/** A text redacted by its own findings, and where its masks stand (the findings' types). */
function redacted(text: string): { text: string; scan: PiiScan } {
  const { text: masked, masks } = redact(text);
  return { text: masked, scan: { found: masks.length > 0, findings: masks } };
}

/**
 * The content as a redacted export writes it: every text a person or the model wrote that the export
 * carries has each finding replaced by its typed mask (see redact), each text in its own language
 * and everything else in it unchanged: the title (and so the file's name), the prompt, the template
 * variables' values, the body, the review note and the last error's message. Ids, statuses, model
 * names, numbers, dates and variable names stay as they are.
 *
 * The texts are scanned afresh rather than trusting the findings stored with the content, so that
 * an export masks what the detector finds today. `pii` and `promptPii` then point at the masks in
 * the redacted body and prompt (`body.slice(start, end)` is the mask, its type the finding's), so
 * they still say what was there without pointing at text that is no longer in the file.
 */
export function redactedContentView(view: ContentView): ContentView {
  const body = view.body === null ? null : redacted(view.body);
  const prompt = redacted(view.prompt);
  return {
    ...view,
    title: redact(view.title).text,
    prompt: prompt.text,
    promptPii: prompt.scan,
    variables: view.variables
      ? Object.fromEntries(Object.entries(view.variables).map(([name, value]) => [name, redact(value).text]))
      : null,
    body: body?.text ?? null,
    pii: body?.scan ?? view.pii,
    lastError: view.lastError ? { ...view.lastError, message: redact(view.lastError.message).text } : null,
    lastReview: view.lastReview?.note
      ? { ...view.lastReview, note: redact(view.lastReview.note).text }
      : view.lastReview,
  };
}

/** A version as a redacted export writes it: its body masked, the rest as it is. */
export function redactedVersion(version: ContentVersion): ContentVersion {
  return { ...version, body: redact(version.body).text };
}

/** The versions redacted one at a time as they are read: the export still holds one batch at most. */
export async function* redactedVersions(versions: AsyncIterable<ContentVersion>): AsyncIterable<ContentVersion> {
  for await (const version of versions) yield redactedVersion(version);
}

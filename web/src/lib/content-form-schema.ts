import { fa } from '@/messages/fa';
import { toLatinDigits } from './format';
import { textProblem } from './text-problem';

/** The new-content form as typed: a written prompt, or a template (templateId) with a value for each of its variables. */
export type ContentFormInput = { title: string; templateId: string; prompt: string; variables: Record<string, string>; model: string; temperature: string; maxTokens: string };
/** What it sends: trimmed text, and the numbers read (left out when empty). */
export type ContentFormOutput = Omit<ContentFormInput, 'temperature' | 'maxTokens'> & { temperature?: number; maxTokens?: number };
export type ContentFormProblems = Partial<Record<'title' | 'prompt' | 'temperature' | 'maxTokens', string>>;

/** A number typed in any digit script (٫ or . before the decimals): undefined when empty, null when not one `check` accepts. */
function optionalNumber(typed: string, check: (value: number) => boolean): number | undefined | null {
  const text = toLatinDigits(typed.trim()).replace('٫', '.');
  if (!text) return undefined;
  const value = Number(text);
  return Number.isFinite(value) && check(value) ? value : null;
}

/** The form read as the API takes it, or why each field cannot be sent (the API checks again). */
export function parseContentForm(input: ContentFormInput): { ok: true; value: ContentFormOutput } | { ok: false; problems: ContentFormProblems } {
  const problems: ContentFormProblems = {};
  const title = textProblem(input.title, 300);
  if (title) problems.title = title;
  const prompt = input.prompt.trim();
  if (!input.templateId && !prompt) problems.prompt = fa.form.required;
  else if (prompt.length > 20_000) problems.prompt = fa.form.tooLong(20_000);
  const temperature = optionalNumber(input.temperature, (value) => value >= 0 && value <= 2);
  if (temperature === null) problems.temperature = fa.form.number;
  const maxTokens = optionalNumber(input.maxTokens, (value) => Number.isInteger(value) && value >= 1 && value <= 16_384);
  if (maxTokens === null) problems.maxTokens = fa.form.number;
  if (Object.keys(problems).length) return { ok: false, problems };
  return { ok: true, value: { ...input, title: input.title.trim(), prompt, temperature: temperature ?? undefined, maxTokens: maxTokens ?? undefined } };
}

import { TemplateVariableMissingError } from './content.errors';

/**
 * `{{name}}` placeholders in prompt templates. A name is letters of any script (Persian included),
 * combining marks, digits, `_` and the zero-width non-joiner that Persian words use
 * (`{{نام_محصول}}`, `{{نام‌محصول}}`); spaces inside the braces are allowed (`{{ name }}`).
 * Anything else between braces (`{{ }}`, `{{a b}}`) is plain text and stays as written.
 */
const PLACEHOLDER = /\{\{\s*([\p{L}\p{M}\p{N}_\u200c]+)\s*\}\}/gu;

/**
 * Persian keyboards on different systems type the Arabic yeh (ي) and kaf (ك) where Persian uses
 * ی and ک; names that differ only in that, or in Unicode composition, are the same variable.
 */
export function normaliseVariableName(name: string): string {
  return name
    .normalize('NFC')
    .trim()
    .replace(/\u064a/g, '\u06cc')
    .replace(/\u0643/g, '\u06a9');
}

/** The template's variables, each once, in order of first appearance. */
export function templateVariables(template: string): string[] {
  const names = new Set<string>();
  for (const match of template.matchAll(PLACEHOLDER)) names.add(normaliseVariableName(match[1] ?? ''));
  return [...names];
}

export interface RenderedTemplate {
  text: string;
  /** The values the template used, by normalised name; values given for other names are left out. */
  variables: Record<string, string>;
}

/**
 * Fills every placeholder with its value, in one pass (a value that itself looks like `{{x}}` is
 * not expanded again). A variable without a value, or with only whitespace, is missing:
 * TemplateVariableMissingError names all of them. Values for names the template does not use are
 * ignored.
 */
export function renderTemplate(template: string, values: Record<string, string>): RenderedTemplate {
  const given = new Map<string, string>();
  for (const [name, value] of Object.entries(values)) given.set(normaliseVariableName(name), value);

  const used = new Map<string, string>();
  const missing: string[] = [];
  for (const name of templateVariables(template)) {
    const value = given.get(name);
    if (typeof value !== 'string' || !value.trim()) missing.push(name);
    else used.set(name, value);
  }
  if (missing.length) throw new TemplateVariableMissingError(missing);

  const text = template.replace(PLACEHOLDER, (_match, name: string) => used.get(normaliseVariableName(name)) ?? '');
  // Object.fromEntries makes own properties even of names like "__proto__".
  return { text, variables: Object.fromEntries(used) };
}

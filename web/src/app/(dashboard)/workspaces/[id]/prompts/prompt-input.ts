import { textProblem } from '@/lib/text-problem';

/** What the prompt form sends: a template's name, its category and its text with {{variables}}. */
export type PromptInput = { name: string; category: string; template: string };
export type PromptProblems = Partial<Record<keyof PromptInput, string>>;

const LIMITS: Record<keyof PromptInput, number> = { name: 200, category: 100, template: 20_000 };

/** Why each field cannot be sent, as the API would refuse it (it checks again); empty when the input can go. */
export function promptProblems(input: PromptInput): PromptProblems {
  const problems: PromptProblems = {};
  for (const field of Object.keys(LIMITS) as (keyof PromptInput)[]) {
    const problem = textProblem(input[field], LIMITS[field]);
    if (problem) problems[field] = problem;
  }
  return problems;
}

/** The input as the API takes it: each field trimmed. */
export function trimmedPrompt(input: PromptInput): PromptInput {
  return { name: input.name.trim(), category: input.category.trim(), template: input.template.trim() };
}

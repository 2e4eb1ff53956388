import type { Prompt, PromptState } from '../../../domain/prompt';

export interface PromptView extends PromptState {
  /** Unique, in order of first appearance. */
  variables: string[];
}

export function toPromptView(prompt: Prompt): PromptView {
  return { ...prompt.snapshot(), variables: prompt.variables };
}

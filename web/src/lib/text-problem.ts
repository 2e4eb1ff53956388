import { fa } from '@/messages/fa';

/** Why a piece of text cannot be sent, as the API would refuse it: empty once trimmed, or longer than `max` characters. */
export function textProblem(text: string, max: number): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return fa.form.required;
  if (trimmed.length > max) return fa.form.tooLong(max);
  return undefined;
}

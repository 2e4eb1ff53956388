import { describe, expect, it } from 'vitest';
import { textProblem } from './text-problem';

describe('textProblem', () => {
  it('refuses text empty once trimmed, or longer than the limit once trimmed, in Persian', () => {
    expect(textProblem(' \n ', 10)).toBe('این بخش را پر کنید.');
    expect(textProblem('a'.repeat(11), 10)).toBe('حداکثر ۱۰ نویسه.');
    expect(textProblem(`  ${'a'.repeat(10)}  `, 10)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { parseAllowedModels, parseCeiling } from './content-policy-form';

describe('the content policy form', () => {
  it('reads the allow-list one per line or comma-separated, without repeats; empty is any model', () => {
    expect(parseAllowedModels('gpt-4.1-mini\n gpt-4o ، gpt-4o,')).toEqual(['gpt-4.1-mini', 'gpt-4o']);
    expect(parseAllowedModels('  \n')).toBeNull();
  });

  it('reads the ceiling in Persian or Latin digits; empty is none, anything else malformed', () => {
    expect(parseCeiling('۰٫۰۵')).toBe('0.05');
    expect(parseCeiling('0.000001')).toBe('0.000001');
    expect(parseCeiling('')).toBeNull();
    expect(parseCeiling('0.1234567')).toBeUndefined();
    expect(parseCeiling('abc')).toBeUndefined();
  });
});

import { FieldInvalidError } from '#libs/ddd';
import { GLOSSARY_LIMITS, glossaryKey, validateGlossary } from './glossary';

const entry = (term: string, preferred: string | null = null, forbidden = false) => ({ term, preferred, forbidden });

function refusal(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(FieldInvalidError);
    return (error as FieldInvalidError).details;
  }
  throw new Error('accepted');
}

describe('validateGlossary', () => {
  it('answers the entries trimmed, an empty preferred as null', () => {
    expect(validateGlossary([entry('  ایمیل ', ' رایانامه '), entry('API', '  ', true)])).toEqual([
      entry('ایمیل', 'رایانامه'),
      entry('API', null, true),
    ]);
  });

  it('refuses two terms that are the same once normalized', () => {
    expect(refusal(() => validateGlossary([entry('کتاب‌ها'), entry('كتاب  ها')]))).toEqual({
      fields: [{ field: '1.term', messages: ['term repeats entry 0 («کتاب‌ها») once normalized'] }],
    });
    expect(() => validateGlossary([entry('API'), entry('api')])).toThrow(FieldInvalidError);
  });

  it('refuses a term without a letter or digit, and terms or preferred words too long', () => {
    expect(() => validateGlossary([entry(' \u200c ')])).toThrow(FieldInvalidError);
    expect(() => validateGlossary([entry('،؛')])).toThrow(FieldInvalidError);
    expect(() => validateGlossary([entry('ب'.repeat(GLOSSARY_LIMITS.termLength + 1))])).toThrow(FieldInvalidError);
    expect(() => validateGlossary([entry('الف', 'ب'.repeat(GLOSSARY_LIMITS.termLength + 1))])).toThrow(
      FieldInvalidError,
    );
  });

  it(`refuses more than ${GLOSSARY_LIMITS.entries} entries`, () => {
    const many = Array.from({ length: GLOSSARY_LIMITS.entries + 1 }, (_, i) => entry(`term${i}`));
    expect(() => validateGlossary(many)).toThrow(FieldInvalidError);
    expect(validateGlossary(many.slice(1))).toHaveLength(GLOSSARY_LIMITS.entries);
  });
});

describe('glossaryKey', () => {
  it('makes Arabic letters Persian, non-joiners and runs of spaces one space, Latin lower case', () => {
    expect(glossaryKey(' كتاب‌ها  API ')).toBe('کتاب ها api');
  });
});

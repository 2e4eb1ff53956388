import { searchTermsOf } from './search-terms';

describe('searchTermsOf', () => {
  it('splits on spaces and punctuation, keeping Persian words with their zero-width non-joiners', () => {
    expect(searchTermsOf('  گوشی‌های  جدید، «آوا ۵»!  ')).toEqual(['گوشی‌های', 'جدید', 'آوا', '۵']);
  });

  it('drops the operators of the search syntax so that no input can break the query', () => {
    expect(searchTermsOf("a & b | !c :* (d) 'e' <-> f\\")).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('keeps digits of every script and mixed words', () => {
    expect(searchTermsOf('۱۴۰۳ ٢٠٢٤ iPhone15')).toEqual(['۱۴۰۳', '٢٠٢٤', 'iPhone15']);
  });

  it('ignores words made of marks alone, and bounds the number and length of words', () => {
    expect(searchTermsOf('\u064b\u064e x')).toEqual(['x']);
    expect(searchTermsOf(Array.from({ length: 12 }, (_, i) => `w${i}`).join(' '))).toHaveLength(8);
    expect(searchTermsOf('ا'.repeat(100))[0]).toHaveLength(64);
  });

  it('finds nothing to search in punctuation', () => {
    expect(searchTermsOf(' ؟!.,; ')).toEqual([]);
  });

  it('drops words that normalise to nothing (tatweels, diacritics, joiners alone), keeping words with a letter', () => {
    expect(searchTermsOf('ـــ')).toEqual([]);
    expect(searchTermsOf('\u064E\u0640 کتـاب')).toEqual(['کتـاب']);
  });
});

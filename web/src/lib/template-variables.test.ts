import { describe, expect, it } from 'vitest';
import { templateVariables } from './template-variables';

describe('templateVariables', () => {
  it('finds Persian and English names once each, in order, ignoring spaces inside the braces', () => {
    expect(templateVariables('برای {{نام_محصول}} با لحن {{ لحن }} و {{audience}}؛ دوباره {{لحن}}')).toEqual(['نام_محصول', 'لحن', 'audience']);
  });

  it('ignores unfinished and empty placeholders', () => {
    expect(templateVariables('{{}} {{ناتمام و {x}')).toEqual([]);
  });
});

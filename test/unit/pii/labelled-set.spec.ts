import { LABELLED_TEXTS } from '../../fixtures/pii/labelled-texts';
import { score } from '../../fixtures/pii/score';

describe('PII detector on the labelled set of Persian, English and mixed texts', () => {
  const { scores, mistakes } = score(LABELLED_TEXTS);

  it('has positives for every type and many hard negatives', () => {
    for (const typeScore of scores)
      expect(typeScore.truePositives + typeScore.falseNegatives).toBeGreaterThanOrEqual(2);
    expect(LABELLED_TEXTS.filter((sample) => sample.expected.length === 0).length).toBeGreaterThanOrEqual(30);
  });

  it('misses nothing and flags nothing else: precision and recall 1 for every type', () => {
    expect(mistakes).toEqual([]);
    for (const typeScore of scores)
      expect({ type: typeScore.type, precision: typeScore.precision, recall: typeScore.recall }).toEqual({
        type: typeScore.type,
        precision: 1,
        recall: 1,
      });
  });
});

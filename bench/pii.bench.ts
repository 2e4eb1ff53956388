import { detectPii } from '../src/content/domain/pii';
import { LABELLED_TEXTS } from '../test/fixtures/pii/labelled-texts';
import { score } from '../test/fixtures/pii/score';
import type { Benchmark } from './support/benchmark';
import { percentile } from './support/stats';
import { printTable } from './support/table';

/** A ~2 kB generated body: the labelled texts one after another, as a long answer would mix them. */
function bodyOf(size: number, offset: number): string {
  let body = '';
  for (let i = offset; body.length < size; i++) body += `${LABELLED_TEXTS[i % LABELLED_TEXTS.length]?.text ?? ''}\n`;
  return body.slice(0, size);
}

/** Per-call latency in µs of `scan` over `bodies`, after a warm-up. */
function time(
  bodies: string[],
  scan: (text: string) => unknown,
  rounds: number,
): { perCallUs: number[]; mbPerSecond: number } {
  for (const body of bodies.slice(0, 200)) scan(body);
  const perCallUs: number[] = [];
  let bytes = 0;
  const started = performance.now();
  for (let round = 0; round < rounds; round++) {
    for (const body of bodies) {
      const t0 = performance.now();
      scan(body);
      perCallUs.push((performance.now() - t0) * 1000);
      bytes += Buffer.byteLength(body);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  return { perCallUs: perCallUs.sort((a, b) => a - b), mbPerSecond: bytes / 1e6 / seconds };
}

export const benchmark: Benchmark = {
  name: 'pii',
  description:
    'PII detector: precision and recall per type on the labelled set, and scan speed on ~2 kB bodies against a one-regex baseline',
  async run() {
    const { scores } = score(LABELLED_TEXTS);
    const negatives = LABELLED_TEXTS.filter((sample) => sample.expected.length === 0).length;
    process.stdout.write(
      `Labelled set: ${LABELLED_TEXTS.length} Persian, English and mixed texts (${negatives} hard negatives). A finding counts only with the exact type and span.\n\n`,
    );
    printTable(
      ['type', 'expected', 'true pos', 'false pos', 'false neg', 'precision', 'recall', 'F1'],
      scores.map((s) => {
        const f1 = s.precision + s.recall === 0 ? 0 : (2 * s.precision * s.recall) / (s.precision + s.recall);
        return [
          s.type,
          s.truePositives + s.falseNegatives,
          s.truePositives,
          s.falsePositives,
          s.falseNegatives,
          s.precision,
          s.recall,
          f1,
        ];
      }),
    );

    const bodies = Array.from({ length: 500 }, (_, i) => bodyOf(2_000, i));
    // The floor: one pass of one simple regex over the same text.
    const baseline = time(bodies, (text) => text.match(/\d{10}/g), 10);
    const detector = time(bodies, detectPii, 10);
    const long = time([bodyOf(100_000, 0)], detectPii, 20);
    process.stdout.write('\n');
    printTable(
      ['scan', 'MB/s', 'p50 µs', 'p99 µs'],
      [
        [
          'baseline: one /\\d{10}/g pass, 2 kB',
          baseline.mbPerSecond,
          percentile(baseline.perCallUs, 0.5),
          percentile(baseline.perCallUs, 0.99),
        ],
        [
          'detectPii, 2 kB body',
          detector.mbPerSecond,
          percentile(detector.perCallUs, 0.5),
          percentile(detector.perCallUs, 0.99),
        ],
        ['detectPii, 100 kB body', long.mbPerSecond, percentile(long.perCallUs, 0.5), percentile(long.perCallUs, 0.99)],
      ],
    );
    process.stdout.write(
      `\ndetectPii / baseline time per 2 kB body: ${(percentile(detector.perCallUs, 0.5) / percentile(baseline.perCallUs, 0.5)).toFixed(1)}×\n`,
    );
  },
};

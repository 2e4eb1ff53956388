import { restartDelayMs } from './api-cluster';

describe('restartDelayMs', () => {
  it('replaces a worker after 250 ms, doubling while replacements keep dying, never more than 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 20].map(restartDelayMs)).toEqual([
      250, 500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ]);
  });
});

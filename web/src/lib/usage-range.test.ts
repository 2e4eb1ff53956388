import { describe, expect, it } from 'vitest';
import { matchingPreset, presetRange } from './usage-range';

describe('usage range presets', () => {
  const today = new Date(2026, 2, 21, 15, 30); // 21 March 2026, the first day of 1405

  it('counts the last 7 days back from today, today included, as whole local days', () => {
    expect(presetRange('last7', today)).toEqual({ from: '2026-03-15', to: '2026-03-21' });
    expect(presetRange('last30', today)).toEqual({ from: '2026-02-20', to: '2026-03-21' });
  });

  it('leaves the current period to the API', () => {
    expect(presetRange('period', today)).toBeNull();
  });

  it('recognises a preset from the window in the URL, and a custom window as none', () => {
    expect(matchingPreset('', '', today)).toBe('period');
    expect(matchingPreset('2026-02-20', '2026-03-21', today)).toBe('last30');
    expect(matchingPreset('2026-01-01', '2026-03-21', today)).toBeNull();
  });
});

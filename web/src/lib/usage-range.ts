/** The windows the usage page offers besides the current period; days count back from today, today included. */
export const RANGE_PRESETS = { period: 0, last7: 7, last30: 30, last90: 90 } as const;
export type RangePreset = keyof typeof RANGE_PRESETS;

/** `YYYY-MM-DD` of a local calendar day, the form the usage API takes for a whole day. */
function isoDay(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The `from`/`to` of a preset; the current period needs neither (the API's default). */
export function presetRange(preset: RangePreset, today: Date = new Date()): { from: string; to: string } | null {
  const days = RANGE_PRESETS[preset];
  if (!days) return null;
  const from = new Date(today.getFullYear(), today.getMonth(), today.getDate() - (days - 1));
  return { from: isoDay(from), to: isoDay(today) };
}

/** Which preset a window in the URL is, if any: a custom range shows its own dates. */
export function matchingPreset(from: string, to: string, today: Date = new Date()): RangePreset | null {
  if (!from && !to) return 'period';
  for (const preset of Object.keys(RANGE_PRESETS) as RangePreset[]) {
    const range = presetRange(preset, today);
    if (range && range.from === from && range.to === to) return preset;
  }
  return null;
}

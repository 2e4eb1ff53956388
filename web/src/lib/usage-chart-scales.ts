// The two scales the usage chart needs, as d3-scale computes them (band with equal inner and outer
// padding, centred; linear from zero with "nice" round ends and ticks), without shipping d3.

const E10 = Math.sqrt(50);
const E5 = Math.sqrt(10);
const E2 = Math.sqrt(2);

/** d3's tick step for about `count` ticks from `start` to `stop`: positive = the step, negative = 1 / step. */
function tickIncrement(start: number, stop: number, count: number): number {
  const step = (stop - start) / Math.max(0, count);
  const power = Math.floor(Math.log10(step));
  const error = step / 10 ** power;
  const factor = error >= E10 ? 10 : error >= E5 ? 5 : error >= E2 ? 2 : 1;
  return power >= 0 ? factor * 10 ** power : -(10 ** -power) / factor;
}

/** The smallest round number at or above `max` that d3's `nice()` (10 ticks) gives for [0, max]. */
export function niceMax(max: number): number {
  let stop = max;
  let previous: number | undefined;
  for (let round = 0; round < 10; round += 1) {
    const step = tickIncrement(0, stop, 10);
    if (step === previous) break;
    stop = step > 0 ? Math.ceil(stop / step) * step : Math.ceil(stop * -step) / -step;
    previous = step;
  }
  return stop;
}

/** About `count` round values from 0 to `max` (both included when round), as d3's `ticks()`. */
export function ticks(max: number, count: number): number[] {
  const step = tickIncrement(0, max, count);
  if (!Number.isFinite(step) || step === 0) return [0];
  const values: number[] = [];
  if (step > 0) for (let index = 0; index <= Math.floor(max / step); index += 1) values.push(index * step);
  else for (let index = 0; index <= Math.floor(max * -step); index += 1) values.push(index / -step);
  return values;
}

/** Where each of `count` bands starts along [from, to] (to < from reverses them), and their width. */
export function bands(count: number, from: number, to: number, padding: number): { starts: number[]; bandwidth: number } {
  const start = Math.min(from, to);
  const stop = Math.max(from, to);
  const step = (stop - start) / Math.max(1, count - padding + padding * 2);
  const first = start + (stop - start - step * (count - padding)) * 0.5;
  const starts = Array.from({ length: count }, (_, index) => first + step * index);
  return { starts: to < from ? starts.reverse() : starts, bandwidth: step * (1 - padding) };
}

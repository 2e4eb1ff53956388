'use client';

import { AxisBottom, AxisRight } from '@visx/axis';
import { GridRows } from '@visx/grid';
import { ParentSize } from '@visx/responsive';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { formatNumber } from '@/lib/format';

export interface DecisionPoint {
  label: string;
  /** How the label reads (a model id left to right); right to left when not said. */
  direction?: 'ltr' | 'rtl';
  approved: number;
  rejected: number;
}

export const SERIES = [
  { field: 'approved', color: '#059669' },
  { field: 'rejected', color: '#e11d48' },
] as const;

const HEIGHT = 256;
const MARGIN = { top: 8, right: 56, bottom: 28, left: 8 };
const MAX_BAR_WIDTH = 32;
const TICK_LABEL = { fontSize: 11, fill: '#475569', fontFamily: 'inherit' } as const;

/**
 * Approvals and rejections per group as pairs of bars, read right to left like the usage chart: the
 * first group is the rightmost pair, approvals on its right, and the count axis stands on the right.
 * The same numbers are in the table beside it for screen readers.
 */
export function DecisionBars({ points, width, names, height = HEIGHT }: { points: DecisionPoint[]; width: number; names: Record<'approved' | 'rejected', string>; height?: number }) {
  const plotRight = width - MARGIN.right;
  const plotBottom = height - MARGIN.bottom;
  // Indices, not labels, so two groups with the same label still get their bars.
  const x = scaleBand<number>({ domain: points.map((_, index) => index), range: [plotRight, MARGIN.left], padding: 0.3 });
  const highest = Math.max(1, ...points.flatMap((point) => [point.approved, point.rejected]));
  const y = scaleLinear<number>({ domain: [0, highest], range: [plotBottom, MARGIN.top], nice: true });
  // Counts are whole: no tick between two of them.
  const ticks = y.ticks(Math.min(5, highest)).filter(Number.isInteger);
  const barWidth = Math.min(MAX_BAR_WIDTH, x.bandwidth() / 2);
  return (
    // Laid out left to right so text anchors mean what they say; each label reads in its own direction.
    <svg width={width} height={height} role="presentation" direction="ltr">
      <GridRows scale={y} left={MARGIN.left} width={plotRight - MARGIN.left} tickValues={ticks} stroke="#e2e8f0" strokeDasharray="3 3" />
      {points.map((point, index) => {
        const middle = (x(index) ?? 0) + x.bandwidth() / 2;
        return SERIES.map(({ field, color }, side) => {
          const top = y(point[field]);
          return (
            <Bar
              key={`${index}-${field}`}
              data-testid={`decision-bar-${field}`}
              // Approvals right of the middle (read first), rejections left of it.
              x={side === 0 ? middle : middle - barWidth}
              y={top}
              width={barWidth}
              height={Math.max(0, plotBottom - top)}
              rx={Math.min(3, barWidth / 2)}
              fill={color}
            >
              <title>{`${point.label} — ${names[field]}: ${formatNumber(point[field])}`}</title>
            </Bar>
          );
        });
      })}
      <AxisRight scale={y} left={plotRight} tickValues={ticks} tickFormat={(value) => formatNumber(Number(value))} stroke="#94a3b8" tickStroke="#94a3b8" tickLabelProps={{ ...TICK_LABEL, textAnchor: 'start' }} />
      <AxisBottom scale={x} top={plotBottom} tickFormat={(index) => points[Number(index)]?.label ?? ''} stroke="#94a3b8" tickStroke="#94a3b8" tickLabelProps={(index) => ({ ...TICK_LABEL, textAnchor: 'middle', direction: points[Number(index)]?.direction ?? 'rtl' })} />
    </svg>
  );
}

export function DecisionChart({ points, names }: { points: DecisionPoint[]; names: Record<'approved' | 'rejected', string> }) {
  return (
    <div>
      <ul className="mb-2 flex gap-4 text-sm" aria-hidden="true">
        {SERIES.map(({ field, color }) => (
          <li key={field} className="flex items-center gap-1">
            <span className="inline-block h-3 w-3 rounded-sm" style={{ backgroundColor: color }} />
            {names[field]}
          </li>
        ))}
      </ul>
      <div className="h-64 w-full" aria-hidden="true" data-testid="editorial-chart">
        <ParentSize debounceTime={50}>{({ width }) => (width > 0 ? <DecisionBars points={points} width={width} names={names} /> : null)}</ParentSize>
      </div>
    </div>
  );
}

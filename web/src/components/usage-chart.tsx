'use client';

import { AxisBottom, AxisRight } from '@visx/axis';
import { GridRows } from '@visx/grid';
import { ParentSize } from '@visx/responsive';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { formatNumber } from '@/lib/format';

export interface ChartPoint {
  label: string;
  /** How the label reads (a model id left to right); right to left when not said. */
  direction?: 'ltr' | 'rtl';
  tokens: number;
}

const HEIGHT = 256;
const MARGIN = { top: 8, right: 56, bottom: 28, left: 8 };
const MAX_BAR_WIDTH = 48;
const TICK_LABEL = { fontSize: 11, fill: '#475569', fontFamily: 'inherit' } as const;

/**
 * Tokens per group as bars, read right to left: the first group is the rightmost bar and the
 * token axis stands on the right. The same numbers are in the list beside it for screen readers.
 */
export function UsageBars({ points, width, height = HEIGHT }: { points: ChartPoint[]; width: number; height?: number }) {
  const plotRight = width - MARGIN.right;
  const plotBottom = height - MARGIN.bottom;
  // Indices, not labels, so two groups with the same label still get a bar each.
  const x = scaleBand<number>({ domain: points.map((_, index) => index), range: [plotRight, MARGIN.left], padding: 0.3 });
  const y = scaleLinear<number>({ domain: [0, Math.max(1, ...points.map((point) => point.tokens))], range: [plotBottom, MARGIN.top], nice: true });
  const barWidth = Math.min(MAX_BAR_WIDTH, x.bandwidth());
  return (
    // Laid out left to right so text anchors mean what they say; each label reads in its own direction.
    <svg width={width} height={height} role="presentation" direction="ltr">
      <GridRows scale={y} left={MARGIN.left} width={plotRight - MARGIN.left} numTicks={5} stroke="#e2e8f0" strokeDasharray="3 3" />
      {points.map((point, index) => {
        const top = y(point.tokens);
        return (
          <Bar
            key={index}
            data-testid="usage-bar"
            x={(x(index) ?? 0) + (x.bandwidth() - barWidth) / 2}
            y={top}
            width={barWidth}
            height={Math.max(0, plotBottom - top)}
            rx={Math.min(3, barWidth / 2)}
            fill="#4f46e5"
          >
            <title>{`${point.label}: ${formatNumber(point.tokens)}`}</title>
          </Bar>
        );
      })}
      <AxisRight scale={y} left={plotRight} numTicks={5} tickFormat={(value) => formatNumber(Number(value))} stroke="#94a3b8" tickStroke="#94a3b8" tickLabelProps={{ ...TICK_LABEL, textAnchor: 'start' }} />
      <AxisBottom scale={x} top={plotBottom} tickFormat={(index) => points[Number(index)]?.label ?? ''} stroke="#94a3b8" tickStroke="#94a3b8" tickLabelProps={(index) => ({ ...TICK_LABEL, textAnchor: 'middle', direction: points[Number(index)]?.direction ?? 'rtl' })} />
    </svg>
  );
}

export function UsageChart({ points }: { points: ChartPoint[] }) {
  return (
    <div className="h-64 w-full" aria-hidden="true" data-testid="usage-chart">
      <ParentSize debounceTime={50}>{({ width }) => (width > 0 ? <UsageBars points={points} width={width} /> : null)}</ParentSize>
    </div>
  );
}

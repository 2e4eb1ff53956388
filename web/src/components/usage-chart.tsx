'use client';

import { useLayoutEffect, useRef, useState } from 'react';
import { formatNumber } from '@/lib/format';
import { bands, niceMax, ticks } from '@/lib/usage-chart-scales';

export interface ChartPoint {
  label: string;
  /** How the label reads (a model id left to right); right to left when not said. */
  direction?: 'ltr' | 'rtl';
  tokens: number;
}

const HEIGHT = 256;
const MARGIN = { top: 8, right: 56, bottom: 28, left: 8 };
const MAX_BAR_WIDTH = 48;
const TICK_LENGTH = 8;
const AXIS = '#94a3b8';
const TICK_LABEL = { fontSize: 11, fill: '#475569', fontFamily: 'inherit' } as const;

/**
 * Tokens per group as bars, read right to left: the first group is the rightmost bar and the
 * token axis stands on the right. The same numbers are in the list beside it for screen readers.
 * Plain SVG: a chart library would double the usage page's code for a dozen rectangles and lines.
 */
export function UsageBars({ points, width, height = HEIGHT }: { points: ChartPoint[]; width: number; height?: number }) {
  const plotRight = width - MARGIN.right;
  const plotBottom = height - MARGIN.bottom;
  // Indices, not labels, so two groups with the same label still get a bar each.
  const x = bands(points.length, plotRight, MARGIN.left, 0.3);
  const top = niceMax(Math.max(1, ...points.map((point) => point.tokens)));
  const y = (value: number) => plotBottom - (value / top) * (plotBottom - MARGIN.top);
  const yTicks = ticks(top, 5);
  const barWidth = Math.min(MAX_BAR_WIDTH, x.bandwidth);
  return (
    // Laid out left to right so text anchors mean what they say; each label reads in its own direction.
    <svg width={width} height={height} role="presentation" direction="ltr">
      <g data-testid="grid">
        {yTicks.map((value) => (
          <line key={value} x1={MARGIN.left} x2={plotRight} y1={y(value)} y2={y(value)} stroke="#e2e8f0" strokeDasharray="3 3" />
        ))}
      </g>
      {points.map((point, index) => {
        const barTop = y(point.tokens);
        return (
          <rect
            key={index}
            data-testid="usage-bar"
            x={x.starts[index]! + (x.bandwidth - barWidth) / 2}
            y={barTop}
            width={barWidth}
            height={Math.max(0, plotBottom - barTop)}
            rx={Math.min(3, barWidth / 2)}
            fill="#4f46e5"
          >
            <title>{`${point.label}: ${formatNumber(point.tokens)}`}</title>
          </rect>
        );
      })}
      <g data-testid="token-axis">
        <line x1={plotRight} x2={plotRight} y1={MARGIN.top} y2={plotBottom} stroke={AXIS} />
        {yTicks.map((value) => (
          <g key={value} transform={`translate(${plotRight}, ${y(value)})`}>
            <line x2={TICK_LENGTH} stroke={AXIS} />
            <text x={TICK_LENGTH + 4} dy="0.32em" textAnchor="start" {...TICK_LABEL}>
              {formatNumber(value)}
            </text>
          </g>
        ))}
      </g>
      <g data-testid="group-axis">
        <line x1={MARGIN.left} x2={plotRight} y1={plotBottom} y2={plotBottom} stroke={AXIS} />
        {points.map((point, index) => (
          <g key={index} transform={`translate(${x.starts[index]! + x.bandwidth / 2}, ${plotBottom})`}>
            <line y2={TICK_LENGTH} stroke={AXIS} />
            <text y={TICK_LENGTH + 4} dy="0.71em" textAnchor="middle" direction={point.direction ?? 'rtl'} {...TICK_LABEL}>
              {point.label}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}

/** The chart at its box's width; the box keeps its height before it is measured, so nothing moves. */
export function UsageChart({ points }: { points: ChartPoint[] }) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const node = box.current;
    if (!node || typeof ResizeObserver === 'undefined') return;
    setWidth(node.clientWidth);
    const observer = new ResizeObserver(() => setWidth(node.clientWidth));
    observer.observe(node);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={box} className="h-64 w-full" aria-hidden="true" data-testid="usage-chart">
      {width > 0 ? <UsageBars points={points} width={width} /> : null}
    </div>
  );
}

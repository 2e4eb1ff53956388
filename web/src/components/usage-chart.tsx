'use client';

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber } from '@/lib/format';

export interface ChartPoint {
  label: string;
  tokens: number;
}

/** Tokens per group as bars; the numbers stay readable in the list beside it for screen readers. */
export function UsageChart({ points }: { points: ChartPoint[] }) {
  return (
    <div className="h-64 w-full" aria-hidden="true" data-testid="usage-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={points} margin={{ top: 8, right: 8, bottom: 8, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" reversed tick={{ fontSize: 11 }} />
          <YAxis orientation="right" tickFormatter={(value: number) => formatNumber(value)} tick={{ fontSize: 11 }} width={56} />
          <Tooltip formatter={(value) => formatNumber(Number(value))} />
          <Bar dataKey="tokens" fill="#4f46e5" radius={[4, 4, 0, 0]} isAnimationActive={false} maxBarSize={48} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

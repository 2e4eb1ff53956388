'use client';

import dynamic from 'next/dynamic';

// The charts draw with visx (about 26 kB gzipped). They come after the first paint, which already
// holds the same figures as text, so no route's first load carries them; the space they take is
// kept meanwhile, so nothing below moves when they arrive.
export const LazyUsageChart = dynamic(() => import('./usage-chart').then((module) => module.UsageChart), {
  ssr: false,
  loading: () => <div className="h-64 w-full" aria-hidden="true" />,
});

/** The legend's line and the plot, as DecisionChart lays them out. */
export const LazyDecisionChart = dynamic(() => import('./editorial-chart').then((module) => module.DecisionChart), {
  ssr: false,
  loading: () => <div className="h-[284px] w-full" aria-hidden="true" />,
});

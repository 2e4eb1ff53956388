'use client';

import dynamic from 'next/dynamic';

// The analytics chart draws with visx (about 26 kB gzipped). It comes after the first paint, which
// already holds the same figures as text, so no route's first load carries it; the space it takes is
// kept meanwhile, so nothing below moves when it arrives. (The usage chart is plain SVG and needs no
// such care: src/components/usage-chart.tsx.)

/** The legend's line and the plot, as DecisionChart lays them out. */
export const LazyDecisionChart = dynamic(() => import('./editorial-chart').then((module) => module.DecisionChart), {
  ssr: false,
  loading: () => <div className="h-[284px] w-full" aria-hidden="true" />,
});

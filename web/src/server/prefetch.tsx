import 'server-only';
import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { forbidden, notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import type { Read } from '@/lib/queries';
import { serverRead } from './server-read';

/** The API did not answer, or failed, while the page was rendered: error.tsx explains and offers to try again. */
export class ServerReadError extends Error {
  constructor(readonly path: string, readonly status: number) {
    super(status === 0 ? 'The API did not answer' : `The API answered ${status}`);
  }
}

type Props = {
  /** The page's own reads: a 404 shows the not-found page (another organization's id included), a 403 the forbidden page, a failure error.tsx. */
  reads: readonly Read<unknown>[];
  /** Reads the page can do without (a VIEWER is refused the usage report, yet sees the limits): any failure leaves them to the client. */
  optional?: readonly Read<unknown>[];
  children: ReactNode;
};

/**
 * Renders a page's first read on the server: each read fills the cache entry of its key, and the
 * client components below find their data there instead of fetching after the JavaScript loads. A
 * 401 (an access token that expired) is left to the client, whose BFF refreshes the session.
 */
export async function Prefetched({ reads, optional = [], children }: Props) {
  const client = new QueryClient();
  // Each entry is dated when its read began, not when it ended: on a client navigation, the browser's
  // cache keeps anything it fetched meanwhile (a workspace just created) instead of this older answer.
  const startedAt = Date.now();
  const [required, extra] = await Promise.all([Promise.all(reads.map((one) => serverRead(one.path))), Promise.all(optional.map((one) => serverRead(one.path)))]);
  required.forEach((result, index) => {
    if (result.ok) return;
    if (result.status === 404) notFound();
    if (result.status === 403) forbidden();
    if (result.status === 0 || result.status >= 500) throw new ServerReadError(reads[index]!.path, result.status);
  });
  [...required.map((result, index) => [result, reads[index]!] as const), ...extra.map((result, index) => [result, optional[index]!] as const)].forEach(([result, one]) => {
    if (result.ok) client.setQueryData(one.queryKey, result.data, { updatedAt: startedAt });
  });
  return <HydrationBoundary state={dehydrate(client)}>{children}</HydrationBoundary>;
}

'use client';

import { hashKey, useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import type { Read } from './queries';

/**
 * What the cache holds for a read, without asking for it and without creating its entry. For the
 * shell, which renders before the page: an entry it created (even disabled) would exist when the
 * page's server data arrives, and TanStack then hydrates that data only in an effect, after the
 * first render, so the page would render its loading state on the server.
 */
export function useCachedRead<T>(read: Read<T> | undefined): T | undefined {
  const client = useQueryClient();
  const key = read?.queryKey;
  const hash = key ? hashKey(key) : undefined;
  const subscribe = useCallback(
    (onChange: () => void) => client.getQueryCache().subscribe((event) => (event.query.queryHash === hash ? onChange() : undefined)),
    [client, hash],
  );
  const snapshot = () => (key ? client.getQueryData<T>(key) : undefined);
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

'use client';

import { useQuery, type UseQueryOptions } from '@tanstack/react-query';
import { api } from './api';
import type { Read } from './queries';

type ReadOptions<T, S> = Omit<UseQueryOptions<T, Error, S>, 'queryKey' | 'queryFn'>;

/** A read of src/lib/queries.ts through the BFF; data the server rendered the page with is already in its cache entry. */
export function useRead<T, S = T>(read: Read<T>, options: ReadOptions<T, S> = {}) {
  return useQuery<T, Error, S>({ queryKey: read.queryKey, queryFn: () => api<T>(read.path), ...options });
}

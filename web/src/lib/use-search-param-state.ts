'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useOptimistic, useTransition } from 'react';

/**
 * The page's query parameters and a way to change some of them in place (an empty value removes
 * one): filters and windows live in the URL so a view can be shared and survives a reload. The
 * parameters returned already hold a change while the router is still applying it, so a checkbox
 * or a chip shows its new state at once instead of flicking back.
 */
export function useSearchParamState(): [URLSearchParams, (changes: Record<string, string>) => void] {
  const pathname = usePathname();
  const [optimistic, setOptimistic] = useOptimistic(useSearchParams().toString());
  const [, startTransition] = useTransition();
  const params = new URLSearchParams(optimistic);
  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(optimistic);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    startTransition(() => {
      setOptimistic(next.toString());
      // The history API, not router.replace: the page's own queries read the new window, and a
      // server render of the whole page for each filter would fetch the same data twice.
      window.history.replaceState(null, '', `${pathname}?${next}`);
    });
  };
  return [params, update];
}

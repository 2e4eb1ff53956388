'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';

/**
 * Changes some of the page's query parameters in place (an empty value removes one), keeping the
 * rest: filters and windows live in the URL so a view can be shared and survives a reload.
 */
export function useSearchParamUpdates(): (changes: Record<string, string>) => void {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  return (changes) => {
    const next = new URLSearchParams(params.toString());
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    router.replace(`${pathname}?${next}`);
  };
}

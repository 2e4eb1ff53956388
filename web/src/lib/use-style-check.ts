'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from './api';
import { queryKeys } from './queries';
import type { StyleIssue } from './types';
import { PII_SCAN_DELAY_MS, PII_SCAN_MAX_LENGTH } from './use-pii-scan';

/** A text as it was checked, and its style issues (offsets into that text, which may lag the one being typed). */
export interface CheckedText {
  text: string;
  issues: StyleIssue[];
}

/**
 * Checks a draft's Persian style and the organization's glossary (`POST /style/check`) once it has
 * stayed unchanged for `delayMs`, as usePiiScan scans it for personal data; the last answer stays
 * shown while the next is on its way. Nothing is checked while `enabled` is false or the text is blank.
 */
export function useStyleCheck(text: string, organizationId: string | undefined, { enabled = true, delayMs = PII_SCAN_DELAY_MS }: { enabled?: boolean; delayMs?: number } = {}): CheckedText | undefined {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), delayMs);
    return () => clearTimeout(timer);
  }, [text, delayMs]);
  const on = enabled && settled.trim() !== '';
  const check = useQuery({
    queryKey: queryKeys.styleCheck(organizationId ?? '', settled),
    queryFn: async (): Promise<CheckedText> => ({
      text: settled,
      issues: (await api<{ issues: StyleIssue[] }>('style/check', { method: 'POST', body: { text: settled, ...(organizationId && { organizationId }) } })).issues,
    }),
    enabled: on && settled.length <= PII_SCAN_MAX_LENGTH,
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
    placeholderData: keepPreviousData,
  });
  return on ? check.data : undefined;
}

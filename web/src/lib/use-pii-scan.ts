'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from './api';
import type { PiiFinding } from './pii-segments';
import { queryKeys } from './queries';

/** How long the text must stay unchanged before it is scanned. */
export const PII_SCAN_DELAY_MS = 600;
/** The longest text POST /pii/scan takes (a body's limit): a longer one is not sent. */
export const PII_SCAN_MAX_LENGTH = 200_000;

/** A text as it was scanned, and the findings in it (offsets into that text, which may lag the one being typed). */
export interface ScannedText {
  text: string;
  findings: PiiFinding[];
}

/**
 * Scans a text being edited for personal data through the BFF (`POST /pii/scan`) once it has stayed
 * unchanged for `delayMs`, one request per pause in typing; the last answer stays shown while the
 * next is on its way. Nothing is scanned while `enabled` is false or the text is blank.
 */
export function usePiiScan(text: string, { enabled = true, delayMs = PII_SCAN_DELAY_MS }: { enabled?: boolean; delayMs?: number } = {}): ScannedText | undefined {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), delayMs);
    return () => clearTimeout(timer);
  }, [text, delayMs]);
  const scan = useQuery({
    queryKey: queryKeys.piiScan(settled),
    queryFn: async (): Promise<ScannedText> => ({ text: settled, findings: (await api<{ findings: PiiFinding[] }>('pii/scan', { method: 'POST', body: { text: settled } })).findings }),
    enabled: enabled && settled.trim() !== '' && settled.length <= PII_SCAN_MAX_LENGTH,
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
    placeholderData: keepPreviousData,
  });
  return enabled && settled.trim() !== '' ? scan.data : undefined;
}

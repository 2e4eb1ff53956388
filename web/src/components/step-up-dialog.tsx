'use client';

import dynamic from 'next/dynamic';
import { useEffect, useRef, useState } from 'react';
import { setStepUpHandler, type StepUpReason } from '@/lib/step-up';

// The dialog, its form and Radix load when an action first needs them, not with every page.
const StepUpPanel = dynamic(() => import('./step-up-panel'), { ssr: false });

/**
 * What `api()` turns to when a change answers 403 STEP_UP_REQUIRED (or TWO_FACTOR_ENROLMENT_REQUIRED):
 * opens the step-up dialog and tells the waiting action whether the session was stepped up.
 * Mounted once, by the dashboard's layout.
 */
export function StepUpDialog() {
  // `asked` tells apart two requests in a row, so that each gets a fresh dialog.
  const [asked, setAsked] = useState<{ reason: StepUpReason; id: number } | null>(null);
  const settle = useRef<((steppedUp: boolean) => void) | null>(null);

  useEffect(() => {
    const remove = setStepUpHandler(
      (reason) =>
        new Promise<boolean>((resolve) => {
          settle.current?.(false);
          setAsked((previous) => ({ reason, id: (previous?.id ?? 0) + 1 }));
          if (reason === 'TWO_FACTOR_ENROLMENT_REQUIRED') {
            settle.current = null;
            resolve(false);
          } else {
            settle.current = resolve;
          }
        }),
    );
    return () => {
      remove();
      // Unmounted while asking: the waiting action fails rather than waiting for ever.
      settle.current?.(false);
      settle.current = null;
    };
  }, []);

  if (!asked) return null;
  return (
    <StepUpPanel
      key={asked.id}
      reason={asked.reason}
      onDone={(steppedUp) => {
        settle.current?.(steppedUp);
        settle.current = null;
        setAsked(null);
      }}
    />
  );
}

'use client';

import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { LiveGeneration } from '@/lib/live-generation';
import { fa } from '@/messages/fa';

/**
 * The box the body lives in, while it is generated and after: the streamed text grows inside one
 * element (never re-mounted per token), in its own direction (`dir="auto"`: a Persian text reads
 * right to left from its first letter), with line breaks kept; when the generation settles the
 * final body (`children`) takes its place in the same box. The box keeps at least the height it
 * had when the stream began, so what lies below does not jump. Screen readers hear that the model
 * started and finished (`aria-busy` holds the tokens back), not every token.
 */
export function GenerationBox({ live, children }: { live: LiveGeneration; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [reserved, setReserved] = useState<number | undefined>(undefined);
  const active = live !== null;
  const streaming = live?.streaming ?? false;
  useLayoutEffect(() => {
    if (active) setReserved((height) => height ?? box.current?.offsetHeight);
    else setReserved(undefined);
  }, [active]);
  return (
    <div ref={box} className="min-h-32" style={reserved ? { minHeight: reserved } : undefined} data-testid="generation-box">
      <p role="status" className="sr-only">
        {streaming ? fa.editor.streamStarted : active ? fa.editor.streamEnded : ''}
      </p>
      {active ? (
        <div dir="auto" aria-live="polite" aria-busy={streaming} data-testid="live-text" className={`whitespace-pre-wrap leading-8 text-slate-800 [unicode-bidi:plaintext] ${streaming ? "after:animate-pulse after:text-indigo-600 after:content-['▍']" : ''}`}>
          {live.text}
        </div>
      ) : (
        children
      )}
    </div>
  );
}

'use client';

import { useEffect, useReducer, useRef } from 'react';
import { SseParser, type SseEvent } from './sse';

/** How long the page waits before it opens the stream again after the server ended it. */
const RECONNECT_AFTER_MS = 3000;

/**
 * The text of a generation as it streams. `streaming` while deltas arrive; once the generation has
 * settled the text stays (`streaming: false`) until the page has the final body, so the box never
 * empties between the last token and the refetched content.
 */
export type LiveGeneration = { text: string; streaming: boolean } | null;

export type LiveAction = { type: 'event'; event: SseEvent } | { type: 'shown' };

/** One stream event (or the final body shown) applied to the live text. */
export function liveGenerationReducer(state: LiveGeneration, action: LiveAction): LiveGeneration {
  if (action.type === 'shown') return null;
  const { event } = action;
  const data = (event.data ?? {}) as { status?: string; text?: string };
  if (event.event === 'status' && data.status === 'IN_PROGRESS') return { text: '', streaming: true };
  if (event.event === 'delta') return { text: (state?.text ?? '') + (data.text ?? ''), streaming: true };
  if (event.event === 'status') return state ? { text: state.text, streaming: false } : null;
  return state;
}

/**
 * Follows the content's event stream while the page is open: live text while it is generated.
 * Each settled status (the stream opens with the current one) goes to `onSettled` with whether this
 * page saw the generation run, so the page refreshes the content only when something changed; the
 * live text gives way once that is done. The API ends a stream when the access token expires (`end` `session_expired`) or when it
 * shuts down: the page then opens it again (the BFF refreshes the token). A member removed from the
 * organization (`access_revoked`) is not reconnected.
 */
export function useLiveGeneration(contentId: string, onSettled: (status: string, sawGeneration: boolean) => Promise<unknown>): LiveGeneration {
  const [live, dispatch] = useReducer(liveGenerationReducer, null);
  // The stream lives as long as the page: a new callback on each render must not reopen it.
  const settled = useRef(onSettled);
  settled.current = onSettled;
  useEffect(() => {
    let sawGeneration = false;
    const abort = new AbortController();
    const follow = async (): Promise<'reconnect' | 'stop'> => {
      const response = await fetch(`/bff/api/contents/${contentId}/events`, { signal: abort.signal, headers: { accept: 'text/event-stream' } });
      if (!response.ok || !response.body) return 'stop';
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      const parser = new SseParser();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return 'reconnect';
        for (const event of parser.push(value)) {
          if (event.event === 'end') return (event.data as { reason?: string })?.reason === 'access_revoked' ? 'stop' : 'reconnect';
          dispatch({ type: 'event', event });
          const status = (event.data as { status?: string })?.status;
          if (event.event === 'delta' || status === 'IN_PROGRESS') sawGeneration = true;
          else if (event.event === 'status' && status) {
            void settled.current(status, sawGeneration).finally(() => dispatch({ type: 'shown' }));
            sawGeneration = false;
          }
        }
      }
    };
    void (async () => {
      try {
        while ((await follow()) === 'reconnect' && !abort.signal.aborted) {
          await new Promise((resolve) => setTimeout(resolve, RECONNECT_AFTER_MS));
        }
      } catch {
        // Closed with the page, or the stream dropped: the content itself is still fetched.
      }
    })();
    return () => abort.abort();
  }, [contentId]);
  return live;
}

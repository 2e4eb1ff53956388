/** What ioredis and BullMQ's client wrapper both offer. */
export interface ConnectionStatus {
  readonly status: string;
  once(event: 'ready', listener: () => void): unknown;
  off(event: 'ready', listener: () => void): unknown;
}

/**
 * Waits for a connection to be ready, at most `timeoutMs`. Without an offline queue, commands sent
 * before the first connect would fail, so start-up waits this long; a Redis that is down at start-up
 * only delays it (readiness reports it), it does not stop it.
 */
export async function waitUntilReady(redis: ConnectionStatus, timeoutMs: number): Promise<boolean> {
  if (redis.status === 'ready') return true;
  let onReady: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    return await new Promise<boolean>((resolve) => {
      onReady = () => resolve(true);
      redis.once('ready', onReady);
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
  } finally {
    clearTimeout(timer);
    if (onReady) redis.off('ready', onReady);
  }
}

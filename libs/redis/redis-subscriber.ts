import type { Redis } from 'ioredis';

/**
 * A dedicated pub/sub connection from the shared one. Unlike commands, a SUBSCRIBE may wait for the
 * connection (it is idempotent, and ioredis subscribes again after every reconnect), so this one
 * keeps an offline queue; the command timeout still bounds how long a caller waits for it.
 */
export function duplicateSubscriber(redis: Redis, connectionName: string): Redis {
  return redis.duplicate({
    connectionName,
    enableOfflineQueue: true,
    maxRetriesPerRequest: null,
    autoResendUnfulfilledCommands: true,
    // A subscriber waits silently for messages: silence is not a dead socket.
    socketTimeout: undefined,
  });
}

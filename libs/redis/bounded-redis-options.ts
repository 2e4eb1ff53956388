import type { RedisOptions } from 'ioredis';
import type { AppConfig } from '#libs/config';

/**
 * ioredis options under which no command waits longer than REDIS_COMMAND_TIMEOUT_MS and none is
 * kept to run later: while the connection is down a command fails at once (no offline queue), a
 * command in flight when it drops fails at once (no retry, no resend after reconnecting), and a
 * server that stops answering fails it after the timeout and has its socket dropped, so that the
 * connection reconnects instead of sending more into a dead one. Reconnecting itself never stops.
 *
 * A command that timed out against a hung server was already sent: the server may still run it
 * when it wakes up. Writes must therefore stay safe to apply late (ids, NX, expiry).
 */
export function boundedRedisOptions(config: AppConfig) {
  const timeoutMs = config.redis.commandTimeoutMs;
  return {
    commandTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    connectTimeout: timeoutMs,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    retryStrategy: (attempt: number) => Math.min(attempt * 100, 1_000),
  } satisfies RedisOptions;
}

import { Injectable, Logger } from '@nestjs/common';
import { Clock, type Actor } from '#libs/ddd';
import { errorSummary } from '#libs/logging';
import { ResolveMembershipUseCase } from '../../../accounts';

export type StreamEndReason = 'access_revoked' | 'session_expired';

// setTimeout keeps at most 2^31 - 1 ms; a token living longer is checked again by the interval anyway.
const LONGEST_TIMER_MS = 2_147_483_647;

/**
 * The access guard checks a request once, when it arrives; a stream outlives that. While one is
 * open this checks again that the caller is still a member of the organization (every `everyMs`)
 * and ends the stream when they are not, or when their access token expires.
 */
@Injectable()
export class StreamAccessWatch {
  private readonly logger = new Logger(StreamAccessWatch.name);

  constructor(
    private readonly membership: ResolveMembershipUseCase,
    private readonly clock: Clock,
  ) {}

  start(
    actor: Actor,
    organizationId: string,
    everyMs: number,
    end: (reason: StreamEndReason) => void,
  ): { stop(): void } {
    let stopped = false;
    let checking = false;
    const finish = (reason: StreamEndReason) => {
      if (stopped) return;
      stop();
      end(reason);
    };
    const check = async () => {
      if (checking || stopped) return;
      checking = true;
      try {
        if (!(await this.membership.execute(actor.userId, organizationId))) finish('access_revoked');
      } catch (error) {
        // A database hiccup must not cut every open stream: the next check decides.
        this.logger.warn({ err: errorSummary(error) }, 'Could not check the access of an open stream');
      } finally {
        checking = false;
      }
    };
    const interval = setInterval(() => void check(), everyMs);
    const expiresInMs = actor.sessionExpiresAt && actor.sessionExpiresAt.getTime() - this.clock.now().getTime();
    const expiry =
      expiresInMs === undefined
        ? undefined
        : setTimeout(() => finish('session_expired'), Math.min(Math.max(0, expiresInMs), LONGEST_TIMER_MS));
    const stop = () => {
      stopped = true;
      clearInterval(interval);
      clearTimeout(expiry);
    };
    return { stop };
  }
}

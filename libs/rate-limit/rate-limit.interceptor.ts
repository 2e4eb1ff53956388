import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { AppConfig } from '#libs/config';
import { RATE_LIMIT_RULES, type RateLimitRule } from './rate-limit.decorator';
import { RateLimitedError, RateLimiter } from './rate-limiter';

/**
 * An interceptor, not a guard: interceptors run after every guard, so the access guard has named
 * the signed-in user by then and a `per: 'user'` budget is the user's (as a guard registered before
 * it, this saw no user and counted the caller's address instead). It still runs before the body is
 * validated, so refused bodies count too.
 */
@Injectable()
export class RateLimitInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const rules = this.reflector.getAllAndOverride<RateLimitRule[] | undefined>(RATE_LIMIT_RULES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rules?.length || context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: { id: string } }>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    for (const rule of rules) {
      const subject =
        rule.per === 'everyone'
          ? 'everyone'
          : rule.per === 'user' && request.user
            ? `user:${request.user.id}`
            : `ip:${request.clientAddress}`;
      const limit = typeof rule.limit === 'function' ? rule.limit(this.config) : rule.limit;
      const result = await this.limiter.consume(`${rule.name}:${subject}`, limit, rule.windowSeconds * 1000);
      // The caller's own budget is the one it can act on; a ceiling over everyone is not its to see.
      if (rule.per !== 'everyone')
        void reply.header('x-ratelimit-limit', limit).header('x-ratelimit-remaining', result.remaining);
      if (!result.allowed) throw new RateLimitedError(result.resetInMs);
    }
    return next.handle();
  }
}

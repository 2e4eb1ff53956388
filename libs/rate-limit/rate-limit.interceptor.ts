import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '#libs/config';
import { RATE_LIMIT_RULES, type RateLimitRule } from './rate-limit.decorator';
import { RateLimitedError, RateLimiter } from './rate-limiter';

@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rules = this.reflector.getAllAndOverride<RateLimitRule[] | undefined>(RATE_LIMIT_RULES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rules?.length || context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: { id: string } }>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    for (const rule of rules) {
      const subject =
        rule.per === 'everyone'
          ? 'everyone'
          : rule.per === 'user' && request.user
            ? `user:${request.user.id}`
            : `ip:${request.ip}`;
      const limit = typeof rule.limit === 'function' ? rule.limit(this.config) : rule.limit;
      const result = await this.limiter.consume(`${rule.name}:${subject}`, limit, rule.windowSeconds * 1000);
      // The caller's own budget is the one it can act on; a ceiling over everyone is not its to see.
      if (rule.per !== 'everyone')
        void reply.header('x-ratelimit-limit', limit).header('x-ratelimit-remaining', result.remaining);
      if (!result.allowed) throw new RateLimitedError(result.resetInMs);
    }
    return true;
  }
}

import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RATE_LIMIT_RULES, type RateLimitRule } from './rate-limit.decorator';
import { RateLimitedError, RateLimiter } from './rate-limiter';

@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: RateLimiter,
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
      const subject = rule.per === 'user' && request.user ? `user:${request.user.id}` : `ip:${request.ip}`;
      const result = await this.limiter.consume(`${rule.name}:${subject}`, rule.limit, rule.windowSeconds * 1000);
      void reply.header('x-ratelimit-limit', rule.limit).header('x-ratelimit-remaining', result.remaining);
      if (!result.allowed) throw new RateLimitedError(result.resetInMs);
    }
    return true;
  }
}

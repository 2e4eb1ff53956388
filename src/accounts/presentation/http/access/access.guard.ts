import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ForbiddenError, isUuid, NotFoundError } from '#libs/ddd';
import { IS_PUBLIC } from '#libs/http';
import { AccessTokens } from '../../../application/ports/token-service';
import { CheckStepUpUseCase } from '../../../application/two-factor/check-step-up.use-case';
import { ResolveAccessUseCase } from '../../../application/use-cases/resolve-access.use-case';
import { UnauthenticatedError } from '../../../domain/accounts.errors';
import { roleSatisfies } from '../../../domain/role';
import { ACCESS_RULE, STEP_UP, type AccessRule, type AuthenticatedRequest } from './access.decorators';

/**
 * The one authorization mechanism, global and deny-by-default: a route is reachable only if it is
 * marked @Public(), @Authenticated() or @RequireRole(...). Tenancy comes first: an id from another
 * organization answers exactly like an id that does not exist (404).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
    private readonly access: ResolveAccessUseCase,
    private readonly checkStepUp: CheckStepUpUseCase,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<FastifyRequest & AuthenticatedRequest>();
    const { userId, expiresAt, steppedUpAt } = await this.tokens.verify(bearerToken(request));
    request.actor = {
      userId,
      requestId: String(request.id),
      ip: request.clientAddress,
      sessionExpiresAt: expiresAt,
      steppedUpAt,
    };
    request.user = { id: userId };

    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, targets);
    if (!rule) {
      this.logger.error(`${context.getClass().name}.${context.getHandler().name} has no access rule; refusing`);
      throw new ForbiddenError();
    }
    if (rule.kind === 'authenticated') return true;

    const resourceId = (request.params as Record<string, string | undefined>)[rule.param];
    const notFound = () => new NotFoundError(capitalise(rule.resource));
    if (!resourceId || !isUuid(resourceId)) throw notFound();
    // The resource's owner and the caller's role there, in one statement.
    const owner = await this.access.execute(userId, rule.resource, resourceId);
    const role = owner?.role;
    if (!owner || !role) throw notFound();
    const { organizationId } = owner;
    if (!roleSatisfies(role, rule.role)) throw new ForbiddenError(`This needs the ${rule.role} role; you are ${role}`);
    if (this.reflector.getAllAndOverride<boolean>(STEP_UP, targets))
      await this.checkStepUp.execute(request.actor, organizationId);
    request.access = { organizationId, role };
    return true;
  }
}

function bearerToken(request: FastifyRequest): string {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  if (!match?.[1]) throw new UnauthenticatedError();
  return match[1];
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

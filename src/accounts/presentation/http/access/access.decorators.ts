import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Actor, Caller } from '#libs/ddd';
import { ApiErrors } from '#libs/http';
import type { Role } from '../../../domain/role';

export type AccessRule = { kind: 'authenticated' } | { kind: 'role'; role: Role; resource: string; param: string };

export const ACCESS_RULE = 'contexor:access-rule';

/** Any signed-in user; no organization involved. */
export const Authenticated = () => SetMetadata(ACCESS_RULE, { kind: 'authenticated' } satisfies AccessRule);

/**
 * The caller must hold at least `role` in the organization that owns the resource named by the
 * route parameter `param`. Outsiders get 404, members with a lesser role 403 FORBIDDEN.
 */
export const RequireRole = (role: Role, resource = 'organization', param = 'orgId') =>
  applyDecorators(
    SetMetadata(ACCESS_RULE, { kind: 'role', role, resource, param } satisfies AccessRule),
    role === 'VIEWER' ? ApiErrors(404) : ApiErrors(403, 404),
  );

export const STEP_UP = 'contexor:step-up';

/**
 * A sensitive action (approving, members, limits, webhooks, the provider, the organization's own
 * security): where the organization requires a second factor, or the caller has enrolled one, the
 * caller's access token must carry a step-up at most 10 minutes old (403 STEP_UP_REQUIRED, or
 * TWO_FACTOR_ENROLMENT_REQUIRED for an admin who has none yet). Use with RequireRole.
 */
export const RequireStepUp = () =>
  applyDecorators(
    SetMetadata(STEP_UP, true),
    ApiErrors({ 403: ['STEP_UP_REQUIRED', 'TWO_FACTOR_ENROLMENT_REQUIRED'] }),
  );

export interface OrganizationAccess {
  organizationId: string;
  role: Role;
}

export interface AuthenticatedRequest {
  actor?: Actor;
  access?: OrganizationAccess;
  user?: { id: string };
}

export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a route without authentication');
  return actor;
});

/** The signed-in caller with the organization and role the access guard resolved (RequireRole routes). */
export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext): Caller => {
  const { actor, access } = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!actor || !access) throw new Error('CurrentCaller used on a route without RequireRole');
  return { ...actor, ...access };
});

export const CurrentAccess = createParamDecorator((_: unknown, context: ExecutionContext): OrganizationAccess => {
  const access = context.switchToHttp().getRequest<AuthenticatedRequest>().access;
  if (!access) throw new Error('CurrentAccess used on a route without RequireRole');
  return access;
});

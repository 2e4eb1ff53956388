import type { Actor } from './actor';

export type CallerRole = 'ADMIN' | 'EDITOR' | 'VIEWER';

/**
 * Who acts, in which organization, with which role: what a use case on an organization's
 * resources is given. The access guard has already checked the role the route needs; `organizationId`
 * is the one that owns the addressed resource, and every query is scoped by it.
 */
export interface Caller extends Actor {
  organizationId: string;
  role: CallerRole;
}

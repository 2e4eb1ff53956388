import type { CallerRole } from '#libs/ddd';

export const ROLES = ['ADMIN', 'EDITOR', 'VIEWER'] as const satisfies readonly CallerRole[];
export type Role = CallerRole;

const RANK: Record<Role, number> = { VIEWER: 1, EDITOR: 2, ADMIN: 3 };

/** ADMIN can do all an EDITOR can, and an EDITOR all a VIEWER can. */
export function roleSatisfies(held: Role, required: Role): boolean {
  return RANK[held] >= RANK[required];
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

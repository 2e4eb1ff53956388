import { Injectable } from '@nestjs/common';
import { PreparedStatement } from '#libs/database';

/**
 * `SELECT organization_id FROM <table> WHERE id = $1`: the organization that owns the resource whose
 * id is `$1`, and no row when there is none. The context that owns the table writes it, beside its
 * other SQL, and registers it with ResourceOwners.
 */
export type OwnerQuery = string;

/**
 * Knows, for each kind of addressed resource (`workspace`, `project`, `content`…), how to find the
 * organization that owns it: each context registers the owner query of its own tables. Each one is
 * asked together with the caller's membership of that organization, as one named prepared statement
 * (`$1` the resource, `$2` the user): the access guard decides with one round trip, and reads the
 * role afresh on every request, so a role change counts on the very next one.
 */
@Injectable()
export class ResourceOwners {
  private readonly statements = new Map<string, PreparedStatement>();

  constructor() {
    // An organization owns itself; whether it exists shows in whether the caller is a member.
    this.register('organization', 'SELECT $1::uuid AS organization_id');
  }

  register(resource: string, owner: OwnerQuery): void {
    if (this.statements.has(resource)) throw new Error(`An owner lookup for "${resource}" is already registered`);
    if (!/^\s*SELECT\b/i.test(owner) || !/\$1\b/.test(owner) || /\$(?!1\b)\d/.test(owner))
      throw new Error(`The owner lookup for "${resource}" must be a SELECT of organization_id by $1 alone`);
    this.statements.set(
      resource,
      new PreparedStatement(`SELECT o.organization_id, m.role
         FROM (${owner}) o
         LEFT JOIN memberships m ON m.organization_id = o.organization_id AND m.user_id = $2
        LIMIT 1`),
    );
  }

  /** `$1` the resource's id, `$2` the user's: one row `{organization_id, role}` (role null for outsiders), or none. */
  roleInOwnerOf(resource: string): PreparedStatement {
    const statement = this.statements.get(resource);
    if (!statement) throw new Error(`No owner lookup registered for "${resource}"`);
    return statement;
  }
}

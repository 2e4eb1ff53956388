import { Injectable } from '@nestjs/common';

export type OwnerLookup = (resourceId: string) => Promise<string | undefined>;

/**
 * Knows, for each kind of addressed resource (`workspace`, `project`, `content`…), how to find
 * the organization that owns it. Each context registers lookups for its own resources.
 */
@Injectable()
export class ResourceOwners {
  private readonly lookups = new Map<string, OwnerLookup>([['organization', (id) => Promise.resolve(id)]]);

  register(resource: string, lookup: OwnerLookup): void {
    if (this.lookups.has(resource)) throw new Error(`An owner lookup for "${resource}" is already registered`);
    this.lookups.set(resource, lookup);
  }

  organizationOf(resource: string, resourceId: string): Promise<string | undefined> {
    const lookup = this.lookups.get(resource);
    if (!lookup) throw new Error(`No owner lookup registered for "${resource}"`);
    return lookup(resourceId);
  }
}

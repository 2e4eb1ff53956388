import { LastAdminError } from './accounts.errors';
import type { Role } from './role';

/**
 * An organization must keep at least one ADMIN. `adminCount` is the number of ADMINs now,
 * read under a lock by the caller so that two concurrent demotions cannot both pass.
 */
export function assertKeepsAnAdmin(currentRole: Role, nextRole: Role | 'REMOVED', adminCount: number): void {
  if (currentRole === 'ADMIN' && nextRole !== 'ADMIN' && adminCount <= 1) throw new LastAdminError();
}

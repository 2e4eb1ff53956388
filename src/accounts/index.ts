/** The accounts context's public surface: other contexts import only from here. */
export { AccountsModule } from './accounts.module';
export { accountsWorkers } from './accounts.workers';
export { ResourceOwners, type OwnerQuery } from './infrastructure/typeorm/resource-owners';
export { ResolveMembershipUseCase } from './application/use-cases/resolve-membership.use-case';
export { ListMembersUseCase } from './application/use-cases/list-members.use-case';
export { ListMyOrganizationsUseCase } from './application/use-cases/list-my-organizations.use-case';
export { AuditLog, type AuditEntryInput } from './application/ports/audit-log';
export type { AuditAction } from './domain/audit-action';
export type { Role } from './domain/role';
export { roleSatisfies, ROLES } from './domain/role';
export {
  Authenticated,
  RequireRole,
  RequireStepUp,
  CurrentActor,
  CurrentAccess,
  CurrentCaller,
  type OrganizationAccess,
} from './presentation/http/access/access.decorators';
export { ACCOUNTS_ENCRYPTED_COLUMNS } from './infrastructure/typeorm/encrypted-columns';

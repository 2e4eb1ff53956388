import type { Role } from '../../domain/role';

export interface OrganizationView {
  id: string;
  name: string;
  role: Role;
  /** ADMINs must use an authenticator app and step up before sensitive actions. */
  requireAdminTwoFactor: boolean;
  createdAt: Date;
}

export abstract class OrganizationRepository {
  /** Creates the organization and makes `adminUserId` its first ADMIN, in one transaction. */
  abstract createWithAdmin(name: string, adminUserId: string): Promise<OrganizationView>;
  abstract findForMember(organizationId: string, userId: string): Promise<OrganizationView | undefined>;
  abstract listForMember(userId: string): Promise<OrganizationView[]>;
  /** True when the setting changed. */
  abstract setRequireAdminTwoFactor(organizationId: string, required: boolean): Promise<boolean>;
}

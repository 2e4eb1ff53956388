import { BullModule } from '@nestjs/bullmq';
import { Module, type OnModuleInit, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '#libs/config';
import { AuditLog } from './application/ports/audit-log';
import { MembershipRepository } from './application/ports/membership.repository';
import { OrganizationRepository } from './application/ports/organization.repository';
import { OtpCrypto } from './application/ports/otp-crypto';
import { OtpStore } from './application/ports/otp-store';
import { RefreshTokenRepository } from './application/ports/refresh-token.repository';
import { SmsQueue } from './application/ports/sms-queue';
import { SmsSender } from './application/ports/sms-sender';
import { AccessTokens, RefreshTokenSecrets } from './application/ports/token-service';
import { UserRepository } from './application/ports/user.repository';
import { WorkspaceRepository } from './application/ports/workspace.repository';
import { SessionIssuer } from './application/services/session-issuer';
import { AddMemberUseCase } from './application/use-cases/add-member.use-case';
import { ChangeMemberRoleUseCase } from './application/use-cases/change-member-role.use-case';
import { CleanUpExpiredAuthStateUseCase } from './application/use-cases/clean-up-expired-auth-state.use-case';
import { CreateOrganizationUseCase } from './application/use-cases/create-organization.use-case';
import { CreateWorkspaceUseCase } from './application/use-cases/create-workspace.use-case';
import { GetMeUseCase } from './application/use-cases/get-me.use-case';
import { GetOrganizationUseCase } from './application/use-cases/get-organization.use-case';
import { ListAuditLogUseCase } from './application/use-cases/list-audit-log.use-case';
import { ListMembersUseCase } from './application/use-cases/list-members.use-case';
import { ListMyOrganizationsUseCase } from './application/use-cases/list-my-organizations.use-case';
import { ListWorkspacesUseCase } from './application/use-cases/list-workspaces.use-case';
import { LogoutUseCase } from './application/use-cases/logout.use-case';
import { RefreshSessionUseCase } from './application/use-cases/refresh-session.use-case';
import { RemoveMemberUseCase } from './application/use-cases/remove-member.use-case';
import { RequestOtpUseCase } from './application/use-cases/request-otp.use-case';
import { ResolveMembershipUseCase } from './application/use-cases/resolve-membership.use-case';
import { ResolveAccessUseCase } from './application/use-cases/resolve-access.use-case';
import { SendOtpSmsUseCase } from './application/use-cases/send-otp-sms.use-case';
import { UpdateMeUseCase } from './application/use-cases/update-me.use-case';
import { VerifyOtpUseCase } from './application/use-cases/verify-otp.use-case';
import { KavenegarSmsSender } from './infrastructure/kavenegar/kavenegar-sms.sender';
import { LogSmsSender } from './infrastructure/log/log-sms.sender';
import { AuditEntryEntity } from './infrastructure/typeorm/audit-entry.entity';
import { MembershipEntity } from './infrastructure/typeorm/membership.entity';
import { OrganizationEntity } from './infrastructure/typeorm/organization.entity';
import { ResourceOwners } from './infrastructure/typeorm/resource-owners';
import { RefreshTokenEntity } from './infrastructure/typeorm/refresh-token.entity';
import { TypeOrmAuditLog } from './infrastructure/typeorm/typeorm-audit-log';
import { TypeOrmMembershipRepository } from './infrastructure/typeorm/typeorm-membership.repository';
import { TypeOrmOrganizationRepository } from './infrastructure/typeorm/typeorm-organization.repository';
import { TypeOrmRefreshTokenRepository } from './infrastructure/typeorm/typeorm-refresh-token.repository';
import { TypeOrmUserRepository } from './infrastructure/typeorm/typeorm-user.repository';
import { TypeOrmWorkspaceRepository, WORKSPACE_OWNER } from './infrastructure/typeorm/typeorm-workspace.repository';
import { UserEntity } from './infrastructure/typeorm/user.entity';
import { WorkspaceEntity } from './infrastructure/typeorm/workspace.entity';
import { ACCOUNTS_MAINTENANCE_QUEUE, ACCOUNTS_SMS_QUEUE } from './infrastructure/bullmq/accounts.queue';
import { BullMqSmsQueue } from './infrastructure/bullmq/bullmq-sms.queue';
import { RedisOtpStore } from './infrastructure/redis/redis-otp.store';
import { HmacOtpCrypto } from './infrastructure/crypto/crypto-otp-crypto';
import { JwtAccessTokens } from './infrastructure/jwt/jwt-access-tokens';
import { RandomRefreshTokenSecrets } from './infrastructure/crypto/crypto-refresh-token-secrets';
import { CheckStepUpUseCase } from './application/two-factor/check-step-up.use-case';
import { ConfirmTwoFactorUseCase } from './application/two-factor/confirm-two-factor.use-case';
import { DisableTwoFactorUseCase } from './application/two-factor/disable-two-factor.use-case';
import { GetTwoFactorStatusUseCase } from './application/two-factor/get-two-factor-status.use-case';
import { SetOrganizationTwoFactorUseCase } from './application/two-factor/set-organization-two-factor.use-case';
import { StartTwoFactorEnrolmentUseCase } from './application/two-factor/start-two-factor-enrolment.use-case';
import { StepUpUseCase } from './application/two-factor/step-up.use-case';
import { TwoFactorCodes } from './application/two-factor/two-factor-codes';
import { TotpAuthenticator, TwoFactorRepository } from './application/two-factor/two-factor-ports';
import { OtpauthTotpAuthenticator } from './infrastructure/otpauth/otpauth-totp.authenticator';
import { TypeOrmTwoFactorRepository } from './infrastructure/typeorm/typeorm-two-factor.repository';
import { UserTwoFactorEntity } from './infrastructure/typeorm/user-two-factor.entity';
import { OrganizationTwoFactorController } from './presentation/http/organization-two-factor.controller';
import { TwoFactorController } from './presentation/http/two-factor.controller';
import { AccessGuard } from './presentation/http/access/access.guard';
import { AuthController } from './presentation/http/auth.controller';
import { OrganizationsController } from './presentation/http/organizations.controller';

/** Authenticator apps (TOTP), the step-up they give, and organizations that require them of ADMINs. */
const twoFactor: Provider[] = [
  { provide: TwoFactorRepository, useClass: TypeOrmTwoFactorRepository },
  { provide: TotpAuthenticator, useClass: OtpauthTotpAuthenticator },
  TwoFactorCodes,
  GetTwoFactorStatusUseCase,
  StartTwoFactorEnrolmentUseCase,
  ConfirmTwoFactorUseCase,
  DisableTwoFactorUseCase,
  StepUpUseCase,
  CheckStepUpUseCase,
  SetOrganizationTwoFactorUseCase,
];

const ports: Provider[] = [
  { provide: UserRepository, useClass: TypeOrmUserRepository },
  { provide: OrganizationRepository, useClass: TypeOrmOrganizationRepository },
  { provide: MembershipRepository, useClass: TypeOrmMembershipRepository },
  { provide: WorkspaceRepository, useClass: TypeOrmWorkspaceRepository },
  { provide: RefreshTokenRepository, useClass: TypeOrmRefreshTokenRepository },
  { provide: AuditLog, useClass: TypeOrmAuditLog },
  { provide: OtpStore, useClass: RedisOtpStore },
  { provide: OtpCrypto, useClass: HmacOtpCrypto },
  { provide: SmsQueue, useClass: BullMqSmsQueue },
  { provide: AccessTokens, useClass: JwtAccessTokens },
  { provide: RefreshTokenSecrets, useClass: RandomRefreshTokenSecrets },
  {
    provide: SmsSender,
    inject: [AppConfig],
    useFactory: (config: AppConfig) =>
      config.sms.driver === 'kavenegar' ? new KavenegarSmsSender(config) : new LogSmsSender(),
  },
];

const useCases: Provider[] = [
  SessionIssuer,
  ResourceOwners,
  RequestOtpUseCase,
  VerifyOtpUseCase,
  RefreshSessionUseCase,
  LogoutUseCase,
  GetMeUseCase,
  UpdateMeUseCase,
  CreateOrganizationUseCase,
  ListMyOrganizationsUseCase,
  GetOrganizationUseCase,
  ListMembersUseCase,
  AddMemberUseCase,
  ChangeMemberRoleUseCase,
  RemoveMemberUseCase,
  CreateWorkspaceUseCase,
  ListWorkspacesUseCase,
  ListAuditLogUseCase,
  ResolveMembershipUseCase,
  ResolveAccessUseCase,
  SendOtpSmsUseCase,
  CleanUpExpiredAuthStateUseCase,
];

const queues = BullModule.registerQueue({ name: ACCOUNTS_SMS_QUEUE }, { name: ACCOUNTS_MAINTENANCE_QUEUE });

/** Identity: sign-in, sessions, second factors, organizations, workspaces, memberships, roles and the audit log. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      UserEntity,
      OrganizationEntity,
      MembershipEntity,
      WorkspaceEntity,
      RefreshTokenEntity,
      AuditEntryEntity,
      UserTwoFactorEntity,
    ]),
    queues,
    JwtModule.register({}),
  ],
  controllers: [AuthController, TwoFactorController, OrganizationsController, OrganizationTwoFactorController],
  // The guard only ever runs where HTTP is served; in a worker process it is inert.
  providers: [...ports, ...useCases, ...twoFactor, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [
    ResourceOwners,
    AuditLog,
    ResolveMembershipUseCase,
    ListMembersUseCase,
    // The content context's review inbox asks which organizations a user is ADMIN of.
    ListMyOrganizationsUseCase,
    // For the worker root's processors (see accountsWorkers).
    SendOtpSmsUseCase,
    CleanUpExpiredAuthStateUseCase,
    queues,
  ],
})
export class AccountsModule implements OnModuleInit {
  constructor(private readonly owners: ResourceOwners) {}

  onModuleInit(): void {
    this.owners.register('workspace', WORKSPACE_OWNER);
  }
}

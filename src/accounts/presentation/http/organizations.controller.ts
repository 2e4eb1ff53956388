import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { pageRequest, type Actor } from '#libs/ddd';
import { ApiErrors, PageQueryDto, ParseUuidOr404Pipe } from '#libs/http';
import { AddMemberUseCase } from '../../application/use-cases/add-member.use-case';
import { ChangeMemberRoleUseCase } from '../../application/use-cases/change-member-role.use-case';
import { CreateOrganizationUseCase } from '../../application/use-cases/create-organization.use-case';
import { CreateWorkspaceUseCase } from '../../application/use-cases/create-workspace.use-case';
import { GetOrganizationUseCase } from '../../application/use-cases/get-organization.use-case';
import { ListAuditLogUseCase } from '../../application/use-cases/list-audit-log.use-case';
import { ListMembersUseCase } from '../../application/use-cases/list-members.use-case';
import { ListMyOrganizationsUseCase } from '../../application/use-cases/list-my-organizations.use-case';
import { ListWorkspacesUseCase } from '../../application/use-cases/list-workspaces.use-case';
import { RemoveMemberUseCase } from '../../application/use-cases/remove-member.use-case';
import { Authenticated, CurrentActor, RequireRole, RequireStepUp } from './access/access.decorators';
import { AuditPageResponseDto } from './dto/audit.dto';
import { AddMemberDto, MemberResponseDto } from './dto/member.dto';
import {
  CreateOrganizationDto,
  CreateWorkspaceDto,
  OrganizationResponseDto,
  RoleDto,
  WorkspaceResponseDto,
} from './dto/organization.dto';

@ApiTags('Organizations')
@ApiBearerAuth()
@Controller('organizations')
export class OrganizationsController {
  constructor(
    private readonly createOrganization: CreateOrganizationUseCase,
    private readonly listMyOrganizations: ListMyOrganizationsUseCase,
    private readonly getOrganization: GetOrganizationUseCase,
    private readonly listMembers: ListMembersUseCase,
    private readonly addMember: AddMemberUseCase,
    private readonly changeMemberRole: ChangeMemberRoleUseCase,
    private readonly removeMember: RemoveMemberUseCase,
    private readonly createWorkspace: CreateWorkspaceUseCase,
    private readonly listWorkspaces: ListWorkspacesUseCase,
    private readonly listAuditLog: ListAuditLogUseCase,
  ) {}

  @Post()
  @Authenticated()
  @ApiOperation({ summary: 'Create an organization; the creator becomes its ADMIN' })
  @ApiCreatedResponse({ type: OrganizationResponseDto })
  async create(@CurrentActor() actor: Actor, @Body() body: CreateOrganizationDto): Promise<OrganizationResponseDto> {
    return OrganizationResponseDto.from(await this.createOrganization.execute(actor, body));
  }

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'Organizations you belong to, with your role in each' })
  @ApiOkResponse({ type: [OrganizationResponseDto] })
  async list(@CurrentActor() actor: Actor): Promise<OrganizationResponseDto[]> {
    return (await this.listMyOrganizations.execute(actor)).map((o) => OrganizationResponseDto.from(o));
  }

  @Get(':orgId')
  @RequireRole('VIEWER')
  @ApiOperation({ summary: 'An organization you belong to, with your role in it' })
  @ApiOkResponse({ type: OrganizationResponseDto })
  async get(@CurrentActor() actor: Actor, @Param('orgId') orgId: string): Promise<OrganizationResponseDto> {
    return OrganizationResponseDto.from(await this.getOrganization.execute(actor, orgId));
  }

  @Get(':orgId/members')
  @RequireRole('VIEWER')
  @ApiOperation({ summary: "The organization's members, with their roles" })
  @ApiOkResponse({ type: [MemberResponseDto] })
  async members(@Param('orgId') orgId: string): Promise<MemberResponseDto[]> {
    return (await this.listMembers.execute(orgId)).map((m) => MemberResponseDto.from(m));
  }

  @Post(':orgId/members')
  @RequireRole('ADMIN')
  @RequireStepUp()
  @ApiOperation({
    summary: 'Invite a member by phone (an account is created for a new phone)',
    description: 'Errors: 400 PHONE_INVALID, 409 MEMBER_EXISTS.',
  })
  @ApiCreatedResponse({ type: MemberResponseDto })
  @ApiErrors({ 400: ['PHONE_INVALID'], 409: ['MEMBER_EXISTS'] })
  async invite(
    @CurrentActor() actor: Actor,
    @Param('orgId') orgId: string,
    @Body() body: AddMemberDto,
  ): Promise<MemberResponseDto> {
    return MemberResponseDto.from(await this.addMember.execute(actor, orgId, body));
  }

  @Patch(':orgId/members/:userId')
  @RequireRole('ADMIN')
  @RequireStepUp()
  @ApiOperation({
    summary: "Change a member's role",
    description: 'Errors: 409 LAST_ADMIN when it would leave no ADMIN.',
  })
  @ApiOkResponse({ type: MemberResponseDto })
  @ApiErrors({ 409: ['LAST_ADMIN'] })
  async changeRole(
    @CurrentActor() actor: Actor,
    @Param('orgId') orgId: string,
    @Param('userId', ParseUuidOr404Pipe) userId: string,
    @Body() body: RoleDto,
  ): Promise<MemberResponseDto> {
    return MemberResponseDto.from(await this.changeMemberRole.execute(actor, orgId, userId, body.role));
  }

  @Delete(':orgId/members/:userId')
  @RequireRole('ADMIN')
  @RequireStepUp()
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a member', description: 'Errors: 409 LAST_ADMIN for the last ADMIN.' })
  @ApiNoContentResponse()
  @ApiErrors({ 409: ['LAST_ADMIN'] })
  async remove(
    @CurrentActor() actor: Actor,
    @Param('orgId') orgId: string,
    @Param('userId', ParseUuidOr404Pipe) userId: string,
  ): Promise<void> {
    await this.removeMember.execute(actor, orgId, userId);
  }

  @Post(':orgId/workspaces')
  @RequireRole('ADMIN')
  @ApiOperation({ summary: 'Create a workspace', description: 'Errors: 409 WORKSPACE_NAME_TAKEN.' })
  @ApiCreatedResponse({ type: WorkspaceResponseDto })
  @ApiErrors({ 409: ['WORKSPACE_NAME_TAKEN'] })
  async addWorkspace(
    @CurrentActor() actor: Actor,
    @Param('orgId') orgId: string,
    @Body() body: CreateWorkspaceDto,
  ): Promise<WorkspaceResponseDto> {
    return WorkspaceResponseDto.from(await this.createWorkspace.execute(actor, orgId, body));
  }

  @Get(':orgId/workspaces')
  @RequireRole('VIEWER')
  @ApiOperation({ summary: "The organization's workspaces" })
  @ApiOkResponse({ type: [WorkspaceResponseDto] })
  async workspaces(@Param('orgId') orgId: string): Promise<WorkspaceResponseDto[]> {
    return (await this.listWorkspaces.execute(orgId)).map((w) => WorkspaceResponseDto.from(w));
  }

  @Get(':orgId/audit-log')
  @RequireRole('ADMIN')
  @ApiOperation({ summary: 'Security-relevant actions in the organization, newest first' })
  @ApiOkResponse({ type: AuditPageResponseDto })
  async auditLog(@Param('orgId') orgId: string, @Query() query: PageQueryDto): Promise<AuditPageResponseDto> {
    return AuditPageResponseDto.from(await this.listAuditLog.execute(orgId, pageRequest(query.page, query.limit)));
  }
}

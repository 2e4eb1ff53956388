import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { trim } from '#libs/http';
import type { OrganizationView } from '../../../application/ports/organization.repository';
import type { WorkspaceView } from '../../../application/ports/workspace.repository';
import { ROLES, type Role } from '../../../domain/role';

export class CreateOrganizationDto {
  @ApiProperty({ example: 'آژانس نوآوران' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name!: string;
}

export class CreateWorkspaceDto extends CreateOrganizationDto {}

export class OrganizationResponseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  name!: string;

  @ApiProperty({ enum: ROLES, description: "The caller's role in this organization" })
  role!: Role;

  @ApiProperty({ description: 'ADMINs must use an authenticator app and step up before sensitive actions' })
  requireAdminTwoFactor!: boolean;

  createdAt!: string;

  static from(view: OrganizationView): OrganizationResponseDto {
    return {
      id: view.id,
      name: view.name,
      role: view.role,
      requireAdminTwoFactor: view.requireAdminTwoFactor,
      createdAt: view.createdAt.toISOString(),
    };
  }
}

export class WorkspaceResponseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  organizationId!: string;

  name!: string;

  createdAt!: string;

  static from(view: WorkspaceView): WorkspaceResponseDto {
    return {
      id: view.id,
      organizationId: view.organizationId,
      name: view.name,
      createdAt: view.createdAt.toISOString(),
    };
  }
}

export class RoleDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;
}

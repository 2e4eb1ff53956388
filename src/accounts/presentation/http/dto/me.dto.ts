import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type { Me } from '../../../application/use-cases/get-me.use-case';
import { ROLES, type Role } from '../../../domain/role';

export class UpdateMeDto {
  @ApiProperty({ example: 'سارا محمدی' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name!: string;
}

export class MembershipSummaryDto {
  @ApiProperty({ format: 'uuid' })
  organizationId!: string;

  organizationName!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;
}

export class MeResponseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '+989121234567' })
  phone!: string;

  name!: string | null;

  createdAt!: string;

  memberships!: MembershipSummaryDto[];

  static from(me: Me): MeResponseDto {
    return {
      id: me.user.id,
      phone: me.user.phone.e164,
      name: me.user.name,
      createdAt: me.user.createdAt.toISOString(),
      memberships: me.organizations.map((o) => ({ organizationId: o.id, organizationName: o.name, role: o.role })),
    };
  }
}

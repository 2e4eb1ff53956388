import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { MemberView } from '../../../application/ports/membership.repository';
import { ROLES, type Role } from '../../../domain/role';

export class AddMemberDto {
  @ApiProperty({
    example: '0912 345 6789',
    description: 'Iranian mobile in any common form; a new phone gets an account',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  phone!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;
}

export class MemberResponseDto {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty({ example: '+989121234567' })
  phone!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Null until the member signs in after being added: an invitation never shows whose phone it is',
  })
  name!: string | null;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiProperty({ enum: ['invited', 'active'], description: '`invited` until the member signs in after being added' })
  status!: 'invited' | 'active';

  joinedAt!: string;

  static from(view: MemberView): MemberResponseDto {
    return {
      userId: view.userId,
      phone: view.phone,
      name: view.name,
      role: view.role,
      status: view.status,
      joinedAt: view.joinedAt.toISOString(),
    };
  }
}

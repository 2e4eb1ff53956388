import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { TokenPair } from '../../../application/services/session-issuer';
import type { User } from '../../../domain/user';

export class RequestOtpDto {
  @ApiProperty({
    description: 'Iranian mobile in any common form and digit script: `09121234567`, `+98 912 123 4567`, `۰۹۱۲۱۲۳۴۵۶۷`',
    example: '09121234567',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  phone!: string;
}

export class VerifyOtpDto extends RequestOtpDto {
  @ApiProperty({
    description: 'The 6-digit code from the SMS (Latin, Persian or Arabic-Indic digits)',
    example: '123456',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(12)
  code!: string;
}

export class RefreshTokenDto {
  @ApiProperty({ description: 'The opaque refresh token from sign-in or the last refresh' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken!: string;
}

export class OtpRequestedResponseDto {
  @ApiProperty({ example: 120, description: 'Seconds the code stays valid' })
  ttl!: number;

  @ApiProperty({ example: 60, description: 'Seconds before another code may be requested' })
  resendAfter!: number;
}

export class UserResponseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '+989121234567', description: 'E.164' })
  phone!: string;

  name!: string | null;

  createdAt!: string;

  static from(user: User): UserResponseDto {
    return { id: user.id, phone: user.phone.e164, name: user.name, createdAt: user.createdAt.toISOString() };
  }
}

export class SessionResponseDto {
  accessToken!: string;

  refreshToken!: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType!: 'Bearer';

  @ApiProperty({ example: 3600 })
  expiresIn!: number;

  user!: UserResponseDto;

  static from(session: TokenPair & { user: User }): SessionResponseDto {
    return {
      accessToken: session.accessToken,
      refreshToken: session.refreshToken,
      tokenType: session.tokenType,
      expiresIn: session.expiresIn,
      user: UserResponseDto.from(session.user),
    };
  }
}

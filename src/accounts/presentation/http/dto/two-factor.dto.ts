import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { SteppedUpToken } from '../../../application/two-factor/step-up.use-case';
import type { TwoFactorEnrolmentStarted } from '../../../application/two-factor/start-two-factor-enrolment.use-case';
import type { TwoFactorStatus } from '../../../application/two-factor/get-two-factor-status.use-case';

export class TwoFactorCodeDto {
  @ApiProperty({
    description: 'The 6-digit code your authenticator app shows now (Latin, Persian or Arabic-Indic digits)',
    example: '123456',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(12)
  code!: string;
}

export class OrganizationTwoFactorDto {
  @ApiProperty({
    description:
      'ADMINs must use an authenticator app and step up before sensitive actions. Only an admin with an authenticator may turn it on.',
  })
  @IsBoolean()
  requireAdminTwoFactor!: boolean;
}

export class TwoFactorEnrolmentResponseDto {
  @ApiProperty({
    description: 'The base32 secret, for typing into the app by hand',
    example: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  })
  secret!: string;

  @ApiProperty({
    description: 'The otpauth:// URI to show as a QR code',
    example: 'otpauth://totp/Contexor:%2B989121234567?issuer=Contexor&secret=JBSW…&algorithm=SHA1&digits=6&period=30',
  })
  otpauthUri!: string;

  static from(started: TwoFactorEnrolmentStarted): TwoFactorEnrolmentResponseDto {
    return { secret: started.secret, otpauthUri: started.otpauthUri };
  }
}

export class TwoFactorStatusResponseDto {
  enabled!: boolean;

  enabledAt!: string | null;

  @ApiProperty({ description: 'An enrolment was started and waits for its first code' })
  pending!: boolean;

  @ApiProperty({
    type: [String],
    description:
      'Organizations where you are an ADMIN that require a second factor: while any do, it cannot be disabled',
  })
  requiredBy!: string[];

  static from(status: TwoFactorStatus): TwoFactorStatusResponseDto {
    return {
      enabled: status.enabled,
      enabledAt: status.enabledAt?.toISOString() ?? null,
      pending: status.pending,
      requiredBy: status.requiredBy,
    };
  }
}

export class StepUpResponseDto {
  @ApiProperty({ description: 'Use it in place of your access token; the refresh token is unchanged' })
  accessToken!: string;

  @ApiProperty({ example: 'Bearer' })
  tokenType!: 'Bearer';

  @ApiProperty({ example: 3600 })
  expiresIn!: number;

  steppedUpAt!: string;

  @ApiProperty({ description: 'Until when sensitive actions accept this token without another code' })
  stepUpExpiresAt!: string;

  static from(token: SteppedUpToken): StepUpResponseDto {
    return {
      accessToken: token.accessToken,
      tokenType: 'Bearer',
      expiresIn: token.expiresIn,
      steppedUpAt: token.steppedUpAt.toISOString(),
      stepUpExpiresAt: token.stepUpExpiresAt.toISOString(),
    };
  }
}

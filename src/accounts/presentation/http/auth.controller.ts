import { Body, Controller, Get, HttpCode, Patch, Post, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '#libs/ddd';
import { ApiErrors, Public } from '#libs/http';
import { RateLimit } from '#libs/rate-limit';
import { GetMeUseCase } from '../../application/use-cases/get-me.use-case';
import { LogoutUseCase } from '../../application/use-cases/logout.use-case';
import { RefreshSessionUseCase } from '../../application/use-cases/refresh-session.use-case';
import { RequestOtpUseCase } from '../../application/use-cases/request-otp.use-case';
import { UpdateMeUseCase } from '../../application/use-cases/update-me.use-case';
import { VerifyOtpUseCase } from '../../application/use-cases/verify-otp.use-case';
import { OTP_POLICY } from '../../domain/otp-policy';
import { Authenticated, CurrentActor } from './access/access.decorators';
import {
  OtpRequestedResponseDto,
  RefreshTokenDto,
  RequestOtpDto,
  SessionResponseDto,
  VerifyOtpDto,
} from './dto/auth.dto';
import { MeResponseDto, UpdateMeDto } from './dto/me.dto';

@ApiTags('Auth')
@Controller()
export class AuthController {
  constructor(
    private readonly requestOtp: RequestOtpUseCase,
    private readonly verifyOtp: VerifyOtpUseCase,
    private readonly refreshSession: RefreshSessionUseCase,
    private readonly logout: LogoutUseCase,
    private readonly getMe: GetMeUseCase,
    private readonly updateMe: UpdateMeUseCase,
  ) {}

  @Post('auth/otp/request')
  @Public()
  @RateLimit(
    { name: 'otp-request', limit: OTP_POLICY.perIpPerHour, windowSeconds: 3600 },
    {
      name: 'otp-request',
      limit: (config) => config.authCeilings.otpRequestsPerMinute,
      windowSeconds: 60,
      per: 'everyone',
    },
  )
  @HttpCode(202)
  @ApiOperation({
    summary: 'Send a sign-in code by SMS',
    description:
      'Same answer whether or not the phone has an account. Errors: 400 PHONE_INVALID, 429 OTP_COOLDOWN (with Retry-After), 429 RATE_LIMITED.',
  })
  @ApiAcceptedResponse({ type: OtpRequestedResponseDto })
  @ApiErrors({ 400: ['PHONE_INVALID'], 429: ['OTP_COOLDOWN'] })
  async request(@Body() body: RequestOtpDto): Promise<OtpRequestedResponseDto> {
    return this.requestOtp.execute({ phone: body.phone });
  }

  @Post('auth/otp/verify')
  @Public()
  @RateLimit(
    { name: 'otp-verify', limit: 60, windowSeconds: 3600 },
    {
      name: 'otp-verify',
      limit: (config) => config.authCeilings.otpVerifiesPerMinute,
      windowSeconds: 60,
      per: 'everyone',
    },
  )
  @HttpCode(200)
  @ApiOperation({
    summary: 'Exchange the code for tokens; the first sign-in creates the user',
    description: 'Errors: 401 OTP_INVALID, 401 OTP_EXPIRED, 429 OTP_ATTEMPTS_EXCEEDED.',
  })
  @ApiOkResponse({ type: SessionResponseDto })
  @ApiErrors({ 400: ['PHONE_INVALID'], 401: ['OTP_INVALID', 'OTP_EXPIRED'], 429: ['OTP_ATTEMPTS_EXCEEDED'] })
  async verify(@Body() body: VerifyOtpDto, @Req() request: FastifyRequest): Promise<SessionResponseDto> {
    return SessionResponseDto.from(
      await this.verifyOtp.execute({
        phone: body.phone,
        code: body.code,
        requestId: String(request.id),
        ip: request.clientAddress,
      }),
    );
  }

  @Post('auth/refresh')
  @Public()
  @RateLimit(
    { name: 'refresh', limit: 120, windowSeconds: 3600 },
    { name: 'refresh', limit: (config) => config.authCeilings.refreshesPerMinute, windowSeconds: 60, per: 'everyone' },
  )
  @HttpCode(200)
  @ApiOperation({
    summary: 'Rotate the refresh token',
    description: 'Errors: 401 REFRESH_INVALID, 401 REFRESH_REUSED (the whole family is revoked).',
  })
  @ApiOkResponse({ type: SessionResponseDto })
  @ApiErrors({ 401: ['REFRESH_INVALID', 'REFRESH_REUSED'] })
  async refresh(@Body() body: RefreshTokenDto, @Req() request: FastifyRequest): Promise<SessionResponseDto> {
    return SessionResponseDto.from(
      await this.refreshSession.execute({
        refreshToken: body.refreshToken,
        requestId: String(request.id),
        ip: request.clientAddress,
      }),
    );
  }

  @Post('auth/logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke the session the refresh token belongs to' })
  @ApiNoContentResponse()
  async signOut(@Body() body: RefreshTokenDto, @Req() request: FastifyRequest): Promise<void> {
    await this.logout.execute({
      refreshToken: body.refreshToken,
      requestId: String(request.id),
      ip: request.clientAddress,
    });
  }

  @Get('me')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user and their memberships' })
  @ApiOkResponse({ type: MeResponseDto })
  async me(@CurrentActor() actor: Actor): Promise<MeResponseDto> {
    return MeResponseDto.from(await this.getMe.execute(actor));
  }

  @Patch('me')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change your display name' })
  @ApiOkResponse({ type: MeResponseDto })
  async rename(@CurrentActor() actor: Actor, @Body() body: UpdateMeDto): Promise<MeResponseDto> {
    return MeResponseDto.from(await this.updateMe.execute(actor, body));
  }
}

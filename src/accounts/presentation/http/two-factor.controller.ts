import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '#libs/ddd';
import { ApiErrors } from '#libs/http';
import { RateLimit } from '#libs/rate-limit';
import { ConfirmTwoFactorUseCase } from '../../application/two-factor/confirm-two-factor.use-case';
import { DisableTwoFactorUseCase } from '../../application/two-factor/disable-two-factor.use-case';
import { GetTwoFactorStatusUseCase } from '../../application/two-factor/get-two-factor-status.use-case';
import { StartTwoFactorEnrolmentUseCase } from '../../application/two-factor/start-two-factor-enrolment.use-case';
import { StepUpUseCase } from '../../application/two-factor/step-up.use-case';
import { Authenticated, CurrentActor } from './access/access.decorators';
import {
  StepUpResponseDto,
  TwoFactorCodeDto,
  TwoFactorEnrolmentResponseDto,
  TwoFactorStatusResponseDto,
} from './dto/two-factor.dto';

/**
 * Ten wrong codes per user per 15 minutes: with three codes valid at a time, guessing one takes
 * about 170 000 tries, so about 700 years at this pace.
 */
const CODE_TRIES = { name: 'two-factor-code', limit: 10, windowSeconds: 900, per: 'user' } as const;

@ApiTags('Two-factor')
@ApiBearerAuth()
@Controller()
export class TwoFactorController {
  constructor(
    private readonly status: GetTwoFactorStatusUseCase,
    private readonly start: StartTwoFactorEnrolmentUseCase,
    private readonly confirm: ConfirmTwoFactorUseCase,
    private readonly disable: DisableTwoFactorUseCase,
    private readonly stepUp: StepUpUseCase,
  ) {}

  @Get('me/two-factor')
  @Authenticated()
  @ApiOperation({ summary: 'Whether you have an authenticator app enrolled, and which organizations require it' })
  @ApiOkResponse({ type: TwoFactorStatusResponseDto })
  async get(@CurrentActor() actor: Actor): Promise<TwoFactorStatusResponseDto> {
    return TwoFactorStatusResponseDto.from(await this.status.execute(actor));
  }

  @Post('me/two-factor')
  @Authenticated()
  @ApiOperation({
    summary: 'Start enrolling an authenticator app: a new secret, active once confirmed with a first code',
    description:
      'Starting again replaces a secret not yet confirmed. The secret is stored encrypted. Errors: 409 TWO_FACTOR_ALREADY_ENABLED.',
  })
  @ApiCreatedResponse({ type: TwoFactorEnrolmentResponseDto })
  @ApiErrors({ 409: ['TWO_FACTOR_ALREADY_ENABLED'] })
  async enrol(@CurrentActor() actor: Actor): Promise<TwoFactorEnrolmentResponseDto> {
    return TwoFactorEnrolmentResponseDto.from(await this.start.execute(actor));
  }

  @Post('me/two-factor/confirm')
  @Authenticated()
  @RateLimit(CODE_TRIES)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Confirm the enrolment with the code the app shows',
    description:
      'Errors: 401 TWO_FACTOR_CODE_INVALID, 409 TWO_FACTOR_NOT_ENABLED (no enrolment started), 429 RATE_LIMITED.',
  })
  @ApiOkResponse({ type: TwoFactorStatusResponseDto })
  @ApiErrors({ 401: ['TWO_FACTOR_CODE_INVALID'], 409: ['TWO_FACTOR_NOT_ENABLED'] })
  async confirmEnrolment(
    @CurrentActor() actor: Actor,
    @Body() body: TwoFactorCodeDto,
  ): Promise<TwoFactorStatusResponseDto> {
    return TwoFactorStatusResponseDto.from(await this.confirm.execute(actor, body));
  }

  @Post('me/two-factor/disable')
  @Authenticated()
  @RateLimit(CODE_TRIES)
  @HttpCode(204)
  @ApiOperation({
    summary: 'Remove your authenticator, with a current code from it',
    description:
      'Errors: 401 TWO_FACTOR_CODE_INVALID, 409 TWO_FACTOR_NOT_ENABLED, 409 TWO_FACTOR_REQUIRED_BY_ORGANIZATION (details.organizationIds), 429 RATE_LIMITED.',
  })
  @ApiNoContentResponse()
  @ApiErrors({
    401: ['TWO_FACTOR_CODE_INVALID'],
    409: ['TWO_FACTOR_NOT_ENABLED', 'TWO_FACTOR_REQUIRED_BY_ORGANIZATION'],
  })
  async remove(@CurrentActor() actor: Actor, @Body() body: TwoFactorCodeDto): Promise<void> {
    await this.disable.execute(actor, body);
  }

  @Post('auth/step-up')
  @Authenticated()
  @RateLimit(CODE_TRIES)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Prove your second factor: an access token that sensitive actions accept for 10 minutes',
    description:
      'Approving, changing members, limits, webhooks, the content policy or the organization’s two-factor rule answer 403 STEP_UP_REQUIRED without a fresh step-up, where the organization requires a second factor or you enrolled one. Each code works once. Errors: 401 TWO_FACTOR_CODE_INVALID, 409 TWO_FACTOR_NOT_ENABLED, 429 RATE_LIMITED.',
  })
  @ApiOkResponse({ type: StepUpResponseDto })
  @ApiErrors({ 401: ['TWO_FACTOR_CODE_INVALID'], 409: ['TWO_FACTOR_NOT_ENABLED'] })
  async stepUpSession(@CurrentActor() actor: Actor, @Body() body: TwoFactorCodeDto): Promise<StepUpResponseDto> {
    return StepUpResponseDto.from(await this.stepUp.execute(actor, body));
  }
}

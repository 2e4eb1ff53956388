import { Controller, Get, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FieldInvalidError, type Caller } from '#libs/ddd';
import { ApiErrors } from '#libs/http';
import { CurrentCaller, RequireRole } from '../../../accounts';
import { EstimateGenerationUseCase } from '../../application/use-cases/generation/estimate-generation.use-case';
import { RequestGenerationUseCase } from '../../application/use-cases/generation/request-generation.use-case';
import { GenerationEstimateResponseDto, GenerationRequestedResponseDto } from './dto/generation.dto';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

@ApiTags('Contents')
@ApiBearerAuth()
@Controller('contents')
export class GenerationController {
  constructor(
    private readonly requestGeneration: RequestGenerationUseCase,
    private readonly estimateGeneration: EstimateGenerationUseCase,
  ) {}

  @Get(':id/estimate')
  @RequireRole('EDITOR', 'content', 'id')
  @ApiOperation({
    summary:
      'What generating the content now would cost at worst, what remains of each limit, and what would refuse it (EDITOR)',
    description:
      'Counted as POST /contents/:id/generate counts it (the same prompt tokens and worst case the reservation holds) and decided as it ' +
      'decides (the policy’s ceiling first, then the organization’s, your own and the project’s limits), without reserving anything: a ' +
      'generation requested later may still be refused by what others reserved meanwhile. Errors: 400 MODEL_NOT_ALLOWED (the model is not in ' +
      'the policy’s allowedModels), 400 MODEL_UNKNOWN (no price for the model), 403 FORBIDDEN (VIEWER), 404 (no such content, or not a member).',
  })
  @ApiOkResponse({ type: GenerationEstimateResponseDto })
  @ApiErrors({ 400: ['MODEL_NOT_ALLOWED', 'MODEL_UNKNOWN'] })
  async estimate(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<GenerationEstimateResponseDto> {
    return GenerationEstimateResponseDto.from(await this.estimateGeneration.execute(caller, id));
  }

  @Post(':id/generate')
  @HttpCode(202)
  @RequireRole('EDITOR', 'content', 'id')
  @ApiOperation({
    summary: 'Generate the content with the AI model, in the background',
    description:
      'Reserves the worst-case token usage, moves the content to IN_PROGRESS and queues the generation; follow it with GET /contents/:id/events. ' +
      'A repeat with the same `Idempotency-Key` (within 24 h, same organization) answers the first answer and starts nothing. ' +
      'Errors: 402 USAGE_LIMIT_EXCEEDED when the worst case could pass a usage limit (`details.limit`: organization, user or project); ' +
      '402 GENERATION_COST_CEILING when the worst case costs more than the content policy’s maxCostPerGenerationUsd; ' +
      '400 MODEL_NOT_ALLOWED when the content’s model is not in the policy’s allowedModels (both refused before anything is reserved or sent); 409 CONTENT_BUSY while a generation runs, ' +
      'CONTENT_INVALID_TRANSITION for APPROVED content; 422 PROMPT_CONTAINS_PII where the organization blocks such prompts; ' +
      '503 SERVICE_UNAVAILABLE (with Retry-After) when the queue or the database did not answer: nothing was started.',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Up to 255 printable ASCII characters',
  })
  @ApiAcceptedResponse({ type: GenerationRequestedResponseDto })
  @ApiErrors({
    400: ['MODEL_UNKNOWN', 'MODEL_NOT_ALLOWED', 'VALIDATION_FAILED'],
    402: ['USAGE_LIMIT_EXCEEDED', 'GENERATION_COST_CEILING'],
    409: ['CONTENT_BUSY', 'CONTENT_INVALID_TRANSITION'],
    422: ['PROMPT_CONTAINS_PII'],
  })
  async generate(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<GenerationRequestedResponseDto> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new FieldInvalidError('Idempotency-Key', 'Idempotency-Key must be 1–255 printable ASCII characters');
    }
    const answer = await this.requestGeneration.execute(caller, {
      contentId: id,
      organizationId: caller.organizationId,
      idempotencyKey,
    });
    return GenerationRequestedResponseDto.from(answer);
  }
}

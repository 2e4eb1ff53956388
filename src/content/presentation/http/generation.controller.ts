import { Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FieldInvalidError, type Caller } from '#libs/ddd';
import { ApiErrors } from '#libs/http';
import { CurrentCaller, RequireRole } from '../../../accounts';
import { RequestGenerationUseCase } from '../../application/use-cases/generation/request-generation.use-case';
import { GenerationRequestedResponseDto } from './dto/generation.dto';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

@ApiTags('Contents')
@ApiBearerAuth()
@Controller('contents')
export class GenerationController {
  constructor(private readonly requestGeneration: RequestGenerationUseCase) {}

  @Post(':id/generate')
  @HttpCode(202)
  @RequireRole('EDITOR', 'content', 'id')
  @ApiOperation({
    summary: 'Generate the content with the AI model, in the background',
    description:
      'Reserves the worst-case token usage, moves the content to IN_PROGRESS and queues the generation; follow it with GET /contents/:id/events. ' +
      'A repeat with the same `Idempotency-Key` (within 24 h, same organization) answers the first answer and starts nothing. ' +
      'Errors: 402 USAGE_LIMIT_EXCEEDED when the worst case could pass a usage limit; 409 CONTENT_BUSY while a generation runs, ' +
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
    400: ['MODEL_UNKNOWN', 'VALIDATION_FAILED'],
    402: ['USAGE_LIMIT_EXCEEDED'],
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

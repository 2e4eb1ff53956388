import { Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiHeader,
  ApiOperation,
  ApiPaymentRequiredResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { FieldInvalidError, type Caller } from '#libs/ddd';
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
      'A repeat with the same `Idempotency-Key` (within 24 h, same organization) answers the first answer and starts nothing.',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Up to 255 printable ASCII characters',
  })
  @ApiAcceptedResponse({ type: GenerationRequestedResponseDto })
  @ApiConflictResponse({
    description: 'CONTENT_BUSY while a generation runs; CONTENT_INVALID_TRANSITION for APPROVED content',
  })
  @ApiServiceUnavailableResponse({
    description:
      'SERVICE_UNAVAILABLE (with Retry-After): the queue or the database did not answer; nothing was started',
  })
  @ApiPaymentRequiredResponse({
    description: 'USAGE_LIMIT_EXCEEDED: the worst case could pass a usage limit',
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

import { ApiProperty } from '@nestjs/swagger';
import type { RequestedGeneration } from '../../../application/ports/generation-answers';

export class GenerationRequestedResponseDto {
  @ApiProperty({ format: 'uuid' })
  contentId!: string;

  @ApiProperty({ description: 'The queue job; watch it with GET /contents/:id/events' })
  jobId!: string;

  @ApiProperty({ enum: ['IN_PROGRESS'] })
  status!: 'IN_PROGRESS';

  static from(answer: RequestedGeneration): GenerationRequestedResponseDto {
    return Object.assign(new GenerationRequestedResponseDto(), {
      contentId: answer.contentId,
      jobId: answer.jobId,
      status: answer.status,
    });
  }
}

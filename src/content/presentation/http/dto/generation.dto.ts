import { ApiProperty } from '@nestjs/swagger';
import type { Remaining } from '../../../../usage';
import type { RequestedGeneration } from '../../../application/ports/generation-answers';
import type { GenerationEstimate } from '../../../application/use-cases/generation/estimate-generation.use-case';

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

export class RemainingBudgetDto {
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Tokens left this period; null when this limit has no token limit',
  })
  tokens!: number | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '4.200000',
    description: 'USD left this period; null when this limit has no cost limit (always null for the per-member limit)',
  })
  costUsd!: string | null;
}

export class RemainingBudgetsDto {
  @ApiProperty({ type: RemainingBudgetDto, nullable: true, description: "The organization's; null without limits" })
  organization!: RemainingBudgetDto | null;

  @ApiProperty({
    type: RemainingBudgetDto,
    nullable: true,
    description: 'Yours (the per-member limit); null without one',
  })
  user!: RemainingBudgetDto | null;

  @ApiProperty({
    type: RemainingBudgetDto,
    nullable: true,
    description: "The content's project's; null without limits",
  })
  project!: RemainingBudgetDto | null;
}

export const WOULD_EXCEED = ['organization', 'user', 'project', 'generationCeiling'] as const;

export class GenerationEstimateResponseDto {
  @ApiProperty({ example: 'gpt-4.1-mini' })
  model!: string;

  @ApiProperty({
    type: 'integer',
    description: 'The prompt as the reservation counts it (the chat messages, tokenised)',
  })
  promptTokens!: number;

  @ApiProperty({
    type: 'integer',
    description: 'The completion cap the generation sends (its maxTokens, or the model’s limit)',
  })
  maxCompletionTokens!: number;

  @ApiProperty({
    example: '0.001200',
    description:
      'All prompt tokens uncached plus maxCompletionTokens, at the model’s price: what the generation reserves',
  })
  worstCaseCostUsd!: string;

  @ApiProperty({
    type: RemainingBudgetsDto,
    description: 'What remains of each limit this period, reservations in progress deducted',
  })
  remaining!: RemainingBudgetsDto;

  @ApiProperty({
    type: String,
    enum: [...WOULD_EXCEED, null],
    nullable: true,
    description:
      'What would refuse the generation now: the policy’s ceiling per generation (402 GENERATION_COST_CEILING), or the limit ' +
      '402 USAGE_LIMIT_EXCEEDED would name; null when it would be accepted',
  })
  wouldExceed!: (typeof WOULD_EXCEED)[number] | null;

  static from(estimate: GenerationEstimate): GenerationEstimateResponseDto {
    const remaining = (r: Remaining | null): RemainingBudgetDto | null =>
      r === null ? null : { tokens: r.tokens, costUsd: r.cost?.toDecimalString() ?? null };
    return {
      model: estimate.model,
      promptTokens: estimate.promptTokens,
      maxCompletionTokens: estimate.maxCompletionTokens,
      worstCaseCostUsd: estimate.worstCaseCost.toDecimalString(),
      remaining: {
        organization: remaining(estimate.remaining.organization),
        user: remaining(estimate.remaining.user),
        project: remaining(estimate.remaining.project),
      },
      wouldExceed: estimate.wouldExceed,
    };
  }
}

import { Injectable } from '@nestjs/common';
import { NotFoundError, type Caller } from '#libs/ddd';
import { EstimateGenerationTokensUseCase } from '../../../../ai';
import { EstimateGenerationBudgetUseCase, type GenerationBudgetEstimate } from '../../../../usage';
import { ContentPolicyRepository } from '../../ports/content-policy.repository';
import { ContentRepository } from '../../ports/content.repository';

export interface GenerationEstimate extends GenerationBudgetEstimate {
  model: string;
  promptTokens: number;
  maxCompletionTokens: number;
}

/**
 * `GET /contents/:id/estimate`: what generating the content now would hold, counted exactly as
 * POST /contents/:id/generate counts it (the same prompt, EstimateGenerationTokensUseCase, the
 * reservation's worst case and decision in usage), without starting or reserving anything. A model
 * outside the policy's allow-list is refused as the generation would refuse it (400 MODEL_NOT_ALLOWED).
 */
@Injectable()
export class EstimateGenerationUseCase {
  constructor(
    private readonly contents: ContentRepository,
    private readonly policies: ContentPolicyRepository,
    private readonly estimateTokens: EstimateGenerationTokensUseCase,
    private readonly estimateBudget: EstimateGenerationBudgetUseCase,
  ) {}

  async execute(caller: Caller, contentId: string): Promise<GenerationEstimate> {
    const { organizationId } = caller;
    const [policy, content] = await Promise.all([
      this.policies.find(organizationId),
      this.contents.findByIdInOrganization(organizationId, contentId),
    ]);
    if (!content) throw new NotFoundError('Content');
    content.assertModelAllowed(policy);
    const prompt = content.generationPrompt();
    const tokens = await this.estimateTokens.execute({
      model: prompt.model,
      messages: prompt.messages,
      maxTokens: prompt.maxTokens,
    });
    const budget = await this.estimateBudget.execute({
      organizationId,
      userId: caller.userId,
      projectId: content.projectId,
      model: prompt.model,
      promptTokens: tokens.promptTokens,
      maxTokens: tokens.maxCompletionTokens,
      maxCostPerGeneration: policy.maxCostPerGenerationUsd,
    });
    return {
      model: prompt.model,
      promptTokens: tokens.promptTokens,
      maxCompletionTokens: tokens.maxCompletionTokens,
      ...budget,
    };
  }
}

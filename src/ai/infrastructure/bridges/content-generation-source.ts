import { Injectable } from '@nestjs/common';
import { NotFoundError } from '#libs/ddd';
import { GetGenerationRequestUseCase } from '../../../content';
import { GenerationSource, type GenerationRequest } from '../../application/ports/generation-source';

/** `GenerationSource` over the content context's `GetGenerationRequestUseCase`. */
@Injectable()
export class ContentGenerationSource extends GenerationSource {
  constructor(private readonly getGenerationRequest: GetGenerationRequestUseCase) {
    super();
  }

  async load(contentId: string): Promise<GenerationRequest | undefined> {
    let request;
    try {
      request = await this.getGenerationRequest.execute(contentId);
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
    return {
      contentId: request.contentId,
      organizationId: request.organizationId,
      status: request.status,
      lastError: request.lastError ? { code: request.lastError.code, message: request.lastError.message } : null,
      inProgress: request.status === 'IN_PROGRESS',
      jobId: request.generationJobId,
      model: request.model,
      messages: [{ role: 'user', content: request.prompt }],
      temperature: request.temperature ?? undefined,
      maxTokens: request.maxTokens ?? undefined,
    };
  }
}

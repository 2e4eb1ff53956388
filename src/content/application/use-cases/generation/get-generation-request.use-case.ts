import { Injectable } from '@nestjs/common';
import { NotFoundError } from '#libs/ddd';
import type { LastError } from '../../../domain/content';
import type { ContentStatus } from '../../../domain/content-status';
import { ContentRepository } from '../../ports/content.repository';

/** What a generation job needs to call the model, and whether it is still the job to run. */
export interface GenerationRequest {
  contentId: string;
  organizationId: string;
  workspaceId: string;
  projectId: string;
  createdBy: string;
  prompt: string;
  model: string;
  /** null: the model's default. */
  temperature: number | null;
  /** null: no limit beyond the model's. */
  maxTokens: number | null;
  status: ContentStatus;
  /** The running job, or the most recent one once finished. A job should run only while `status` is IN_PROGRESS and this is its own id. */
  generationJobId: string | null;
  /** Why the last generation failed, until one succeeds. */
  lastError: LastError | null;
}

/** For the generation worker (ai context) and the generate endpoint. 404 NOT_FOUND when the content does not exist. */
@Injectable()
export class GetGenerationRequestUseCase {
  constructor(private readonly contents: ContentRepository) {}

  /** `organizationId`, when the caller knows it, scopes the read to that organization. */
  async execute(contentId: string, organizationId?: string): Promise<GenerationRequest> {
    const content = organizationId
      ? await this.contents.findByIdInOrganization(organizationId, contentId)
      : await this.contents.findForGeneration(contentId);
    if (!content) throw new NotFoundError('Content');
    const state = content.snapshot();
    return {
      contentId: state.id,
      organizationId: state.organizationId,
      workspaceId: state.workspaceId,
      projectId: state.projectId,
      createdBy: state.createdBy,
      prompt: state.prompt,
      model: state.model,
      temperature: state.temperature,
      maxTokens: state.maxTokens,
      status: state.status,
      generationJobId: state.generationJobId,
      lastError: state.lastError,
    };
  }
}

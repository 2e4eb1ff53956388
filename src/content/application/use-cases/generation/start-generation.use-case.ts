import { Injectable } from '@nestjs/common';
import { Clock, NotFoundError } from '#libs/ddd';
import { ContentPolicyRepository } from '../../ports/content-policy.repository';
import { toContentView, ContentRepository, type ContentView } from '../../ports/content.repository';
import type { OpenTransaction } from '../../ports/open-transaction';

export interface StartGenerationInput {
  contentId: string;
  organizationId: string;
  /** The queue job that will generate; remembered so that only it may complete or fail the generation. */
  jobId: string;
}

/**
 * DRAFT, REVIEW or REJECTED → IN_PROGRESS under a row lock, so that of two concurrent starts
 * exactly one wins. Refuses with 409 CONTENT_BUSY while a generation runs (even for the same
 * jobId: the caller de-duplicates requests before starting), 409 CONTENT_INVALID_TRANSITION
 * for APPROVED content, 422 PROMPT_CONTAINS_PII where the organization's policy blocks prompts
 * with personal data; 404 when the content is not in the organization.
 */
@Injectable()
export class StartGenerationUseCase {
  constructor(
    private readonly contents: ContentRepository,
    private readonly policies: ContentPolicyRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * With `within`, the change is made in the caller's open transaction (see OpenTransaction) and
   * becomes visible, or is undone, with it; the row lock is held until the caller commits.
   */
  async execute(input: StartGenerationInput, within?: OpenTransaction): Promise<ContentView> {
    const now = this.clock.now();
    const policy = await this.policies.find(input.organizationId);
    const content = await this.contents.update(
      input.organizationId,
      input.contentId,
      (c) => c.startGeneration(input.jobId, now, policy),
      within,
    );
    if (!content) throw new NotFoundError('Content');
    return toContentView(content);
  }
}

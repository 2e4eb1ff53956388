import { Injectable } from '@nestjs/common';
import { WatchGenerationUseCase, type GenerationEventListener, type GenerationSubscription } from '../../../../ai';
import { ContentRepository } from '../../ports/content.repository';

/**
 * `GET /contents/:id/events`: the content's current status first, then its live generation events.
 * The caller has already been authorized for the content's organization.
 */
@Injectable()
export class WatchContentGenerationUseCase {
  constructor(
    private readonly contents: ContentRepository,
    private readonly watch: WatchGenerationUseCase,
  ) {}

  execute(
    organizationId: string,
    contentId: string,
    listener: GenerationEventListener,
    options: { after?: string } = {},
  ): Promise<GenerationSubscription> {
    return this.watch.execute(contentId, listener, {
      after: options.after,
      current: async () => {
        const content = await this.contents.findByIdInOrganization(organizationId, contentId);
        if (!content) return undefined;
        const { status, lastError } = content.snapshot();
        return { type: 'status', status, lastError: lastError && { code: lastError.code, message: lastError.message } };
      },
    });
  }
}

import { Injectable } from '@nestjs/common';
import { NotFoundError } from '#libs/ddd';
import type { OrganizationAccess } from '../../../../accounts';
import { PromptRepository } from '../../ports/prompt.repository';

/** Contents rendered from the prompt keep their prompt text; their `promptId` becomes null. */
@Injectable()
export class DeletePromptUseCase {
  constructor(private readonly prompts: PromptRepository) {}

  async execute(access: OrganizationAccess, promptId: string): Promise<void> {
    if (!(await this.prompts.delete(access.organizationId, promptId))) throw new NotFoundError('Prompt');
  }
}

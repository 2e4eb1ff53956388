import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock, type Actor } from '#libs/ddd';
import type { OrganizationAccess } from '../../../../accounts';
import { Prompt } from '../../../domain/prompt';
import { PromptRepository } from '../../ports/prompt.repository';
import { toPromptView, type PromptView } from './prompt-view';

export interface CreatePromptInput {
  workspaceId: string;
  name: string;
  category: string;
  template: string;
}

@Injectable()
export class CreatePromptUseCase {
  constructor(
    private readonly prompts: PromptRepository,
    private readonly clock: Clock,
  ) {}

  /** The access guard has checked that the workspace belongs to `access.organizationId`. */
  async execute(actor: Actor, access: OrganizationAccess, input: CreatePromptInput): Promise<PromptView> {
    const prompt = Prompt.create({
      id: randomUUID(),
      organizationId: access.organizationId,
      ...input,
      createdBy: actor.userId,
      now: this.clock.now(),
    });
    await this.prompts.add(prompt);
    return toPromptView(prompt);
  }
}

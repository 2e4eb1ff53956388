import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock, type Caller } from '#libs/ddd';
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

  /** The caller guard has checked that the workspace belongs to `caller.organizationId`. */
  async execute(caller: Caller, input: CreatePromptInput): Promise<PromptView> {
    const prompt = Prompt.create({
      id: randomUUID(),
      organizationId: caller.organizationId,
      ...input,
      createdBy: caller.userId,
      now: this.clock.now(),
    });
    await this.prompts.add(prompt);
    return toPromptView(prompt);
  }
}

import { Prompt } from '../../domain/prompt';
import type { PromptEntity } from './prompt.entity';

export const PromptMapper = {
  toDomain(row: PromptEntity): Prompt {
    return Prompt.restore({
      id: row.id,
      organizationId: row.organizationId,
      workspaceId: row.workspaceId,
      name: row.name,
      category: row.category,
      template: row.template,
      createdBy: row.createdBy,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    });
  },
  toPersistence(prompt: Prompt): PromptEntity {
    return { ...prompt.snapshot() };
  },
};

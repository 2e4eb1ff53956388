import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { OwnerQuery } from '../../../accounts';
import { PromptRepository } from '../../application/ports/prompt.repository';
import type { Prompt } from '../../domain/prompt';
import { PromptEntity } from './prompt.entity';
import { PromptMapper } from './prompt.mapper';

/** The organization of a prompt template, for the access guard (see ResourceOwners). */
export const PROMPT_OWNER: OwnerQuery = 'SELECT organization_id FROM prompts WHERE id = $1';

@Injectable()
export class TypeOrmPromptRepository extends PromptRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  private get rows() {
    return this.dataSource.getRepository(PromptEntity);
  }

  async add(prompt: Prompt): Promise<void> {
    await this.rows.insert(PromptMapper.toPersistence(prompt));
  }

  async findByIdInOrganization(organizationId: string, promptId: string): Promise<Prompt | undefined> {
    const row = await this.rows.findOneBy({ id: promptId, organizationId });
    return row ? PromptMapper.toDomain(row) : undefined;
  }

  async listForWorkspace(organizationId: string, workspaceId: string, category?: string): Promise<Prompt[]> {
    const rows = await this.rows.find({
      where: category === undefined ? { organizationId, workspaceId } : { organizationId, workspaceId, category },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
    return rows.map((row) => PromptMapper.toDomain(row));
  }

  async save(prompt: Prompt): Promise<void> {
    const { id, organizationId, name, category, template, updatedAt } = PromptMapper.toPersistence(prompt);
    await this.rows.update({ id, organizationId }, { name, category, template, updatedAt });
  }

  async delete(organizationId: string, promptId: string): Promise<boolean> {
    const result = await this.rows.delete({ id: promptId, organizationId });
    return (result.affected ?? 0) > 0;
  }
}

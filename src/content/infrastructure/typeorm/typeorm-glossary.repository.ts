import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { inTransaction, PreparedStatement, queryPrepared } from '#libs/database';
import { GlossaryRepository } from '../../application/ports/glossary.repository';
import type { GlossaryEntry } from '../../domain/style';
import { OrganizationGlossaryEntity } from './organization-glossary.entity';

const ENTRIES_OF = new PreparedStatement('SELECT entries FROM organization_glossaries WHERE organization_id = $1');

@Injectable()
export class TypeOrmGlossaryRepository extends GlossaryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async find(organizationId: string): Promise<GlossaryEntry[]> {
    const { rows } = await queryPrepared<{ entries: GlossaryEntry[] }>(this.dataSource, ENTRIES_OF, [organizationId]);
    return rows[0]?.entries ?? [];
  }

  replace(organizationId: string, entries: GlossaryEntry[], by: string, at: Date): Promise<GlossaryEntry[]> {
    return inTransaction(this.dataSource, async (manager) => {
      const repository = manager.getRepository(OrganizationGlossaryEntity);
      const previous = await repository.findOne({ where: { organizationId }, lock: { mode: 'pessimistic_write' } });
      await repository.upsert({ organizationId, entries, updatedAt: at, updatedBy: by }, ['organizationId']);
      return previous?.entries ?? [];
    });
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PreparedStatement, queryPrepared } from '#libs/database';
import type { ContentView } from '../../application/ports/content.repository';
import { StyledContentReader } from '../../application/ports/styled-content-reader';
import type { GlossaryEntry } from '../../domain/style';
import type { ContentEntity } from './content.entity';
import { ContentMapper } from './content.mapper';
import { ContentRowStatements } from './content-row-statements';

/**
 * The contents row (the same columns as the repository's read) and its organization's glossary as a
 * scalar subquery over the glossaries' primary key: still one statement, one round trip.
 */
@Injectable()
export class TypeOrmStyledContentReader extends StyledContentReader {
  private readonly select: PreparedStatement;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
    const { selectList } = ContentRowStatements.of(dataSource);
    this.select = new PreparedStatement(
      `SELECT ${selectList},
              (SELECT g.entries FROM organization_glossaries g WHERE g.organization_id = c.organization_id) AS "glossary"
         FROM contents c WHERE c.id = $1 AND c.organization_id = $2`,
    );
  }

  async findViewWithGlossary(
    organizationId: string,
    contentId: string,
  ): Promise<{ content: ContentView; glossary: GlossaryEntry[] } | undefined> {
    const { rows } = await queryPrepared<ContentEntity & { glossary: GlossaryEntry[] | null }>(
      this.dataSource,
      this.select,
      [contentId, organizationId],
    );
    const row = rows[0];
    return row && { content: ContentMapper.toView(row), glossary: row.glossary ?? [] };
  }
}

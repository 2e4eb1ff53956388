import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, type DataSource } from 'typeorm';
import type { OwnerQuery } from '../../../accounts';
import { CommentRepository } from '../../application/ports/comment.repository';
import type { Comment } from '../../domain/comments/comment';
import { ContentCommentEntity } from './content-comment.entity';
import { ContentCommentMapper } from './content-comment.mapper';

/** The organization of a comment, for the access guard (see ResourceOwners): its content's. */
export const COMMENT_OWNER: OwnerQuery =
  'SELECT c.organization_id FROM content_comments cc JOIN contents c ON c.id = cc.content_id WHERE cc.id = $1';

@Injectable()
export class TypeOrmCommentRepository extends CommentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  private get rows() {
    return this.dataSource.getRepository(ContentCommentEntity);
  }

  async add(comment: Comment): Promise<void> {
    await this.rows.insert(ContentCommentMapper.toPersistence(comment));
  }

  async findByIdInOrganization(organizationId: string, commentId: string): Promise<Comment | undefined> {
    const row = await this.rows.findOneBy({ id: commentId, organizationId });
    return row ? ContentCommentMapper.toDomain(row) : undefined;
  }

  async listForContent(organizationId: string, contentId: string): Promise<Comment[]> {
    const rows = await this.rows.find({
      where: { organizationId, contentId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return rows.map((row) => ContentCommentMapper.toDomain(row));
  }

  async saveResolution(comment: Comment): Promise<boolean> {
    const { id, organizationId, resolvedBy, resolvedAt } = comment.snapshot();
    const result = await this.rows.update({ id, organizationId, resolvedAt: IsNull() }, { resolvedBy, resolvedAt });
    return (result.affected ?? 0) > 0;
  }
}

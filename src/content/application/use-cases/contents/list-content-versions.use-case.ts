import { Injectable } from '@nestjs/common';
import { NotFoundError } from '#libs/ddd';
import type { OrganizationAccess } from '../../../../accounts';
import type { ContentVersion } from '../../../domain/content-version';
import { ContentRepository } from '../../ports/content.repository';

@Injectable()
export class ListContentVersionsUseCase {
  constructor(private readonly contents: ContentRepository) {}

  /** Oldest first. */
  async execute(access: OrganizationAccess, contentId: string): Promise<ContentVersion[]> {
    if (!(await this.contents.findByIdInOrganization(access.organizationId, contentId)))
      throw new NotFoundError('Content');
    return this.contents.listVersions(access.organizationId, contentId);
  }
}

import { Injectable } from '@nestjs/common';
import { NotFoundError } from '#libs/ddd';
import type { OrganizationAccess } from '../../../../accounts';
import { ContentRepository, toContentView } from '../../ports/content.repository';
import type { ContentExport } from './content-export';

@Injectable()
export class ExportContentUseCase {
  constructor(private readonly contents: ContentRepository) {}

  async execute(access: OrganizationAccess, contentId: string): Promise<ContentExport> {
    const content = await this.contents.findByIdInOrganization(access.organizationId, contentId);
    if (!content) throw new NotFoundError('Content');
    return {
      content: toContentView(content),
      versions: await this.contents.listVersions(access.organizationId, contentId),
    };
  }
}

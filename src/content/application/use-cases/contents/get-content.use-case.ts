import { Injectable } from '@nestjs/common';
import { NotFoundError } from '#libs/ddd';
import type { OrganizationAccess } from '../../../../accounts';
import { toContentView, ContentRepository, type ContentView } from '../../ports/content.repository';

@Injectable()
export class GetContentUseCase {
  constructor(private readonly contents: ContentRepository) {}

  async execute(access: OrganizationAccess, contentId: string): Promise<ContentView> {
    const content = await this.contents.findByIdInOrganization(access.organizationId, contentId);
    if (!content) throw new NotFoundError('Content');
    return toContentView(content);
  }
}

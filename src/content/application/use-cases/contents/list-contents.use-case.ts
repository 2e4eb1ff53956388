import { Injectable } from '@nestjs/common';
import type { Page, PageRequest } from '#libs/ddd';
import type { OrganizationAccess } from '../../../../accounts';
import { ContentRepository, type ContentFilter, type ContentView } from '../../ports/content.repository';

@Injectable()
export class ListContentsUseCase {
  constructor(private readonly contents: ContentRepository) {}

  execute(
    access: OrganizationAccess,
    projectId: string,
    filter: ContentFilter,
    page: PageRequest,
  ): Promise<Page<ContentView>> {
    return this.contents.listForProject(
      access.organizationId,
      projectId,
      { ...filter, q: filter.q?.trim() || undefined },
      page,
    );
  }
}

import { Injectable } from '@nestjs/common';
import type { Caller, Page, PageRequest } from '#libs/ddd';
import { ContentRepository, type ContentFilter, type ContentView } from '../../ports/content.repository';

@Injectable()
export class ListContentsUseCase {
  constructor(private readonly contents: ContentRepository) {}

  execute(caller: Caller, projectId: string, filter: ContentFilter, page: PageRequest): Promise<Page<ContentView>> {
    return this.contents.listForProject(
      caller.organizationId,
      projectId,
      { ...filter, q: filter.q?.trim() || undefined },
      page,
    );
  }
}

import { Injectable } from '@nestjs/common';
import { NotFoundError, type Caller } from '#libs/ddd';
import { ContentRepository, type ContentView } from '../../ports/content.repository';

@Injectable()
export class GetContentUseCase {
  constructor(private readonly contents: ContentRepository) {}

  async execute(caller: Caller, contentId: string): Promise<ContentView> {
    const content = await this.contents.findViewInOrganization(caller.organizationId, contentId);
    if (!content) throw new NotFoundError('Content');
    return content;
  }
}

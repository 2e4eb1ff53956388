import { Injectable } from '@nestjs/common';
import { NotFoundError, type Caller } from '#libs/ddd';
import type { ContentVersion } from '../../../domain/content-version';
import { ContentRepository } from '../../ports/content.repository';

@Injectable()
export class GetContentVersionUseCase {
  constructor(private readonly contents: ContentRepository) {}

  async execute(caller: Caller, contentId: string, number: number): Promise<ContentVersion> {
    const version = await this.contents.findVersion(caller.organizationId, contentId, number);
    if (!version) throw new NotFoundError('Version');
    return version;
  }
}

import { Injectable } from '@nestjs/common';
import { NotFoundError } from '#libs/ddd';
import type { OrganizationAccess } from '../../../../accounts';
import type { ContentVersion } from '../../../domain/content-version';
import { ContentRepository } from '../../ports/content.repository';

@Injectable()
export class GetContentVersionUseCase {
  constructor(private readonly contents: ContentRepository) {}

  async execute(access: OrganizationAccess, contentId: string, number: number): Promise<ContentVersion> {
    const version = await this.contents.findVersion(access.organizationId, contentId, number);
    if (!version) throw new NotFoundError('Version');
    return version;
  }
}

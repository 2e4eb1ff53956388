import { Injectable } from '@nestjs/common';
import { NotFoundError, type Caller } from '#libs/ddd';
import type { ContentVersion } from '../../../domain/content-version';
import { ContentRepository, type VersionPageRequest } from '../../ports/content.repository';

/** Versions a page holds unless asked otherwise: more than most contents ever have. */
export const DEFAULT_VERSION_PAGE_LIMIT = 50;
/** A version body may be 200 000 characters: a page holds at most this many. */
export const MAX_VERSION_PAGE_LIMIT = 100;

export interface VersionPage {
  items: ContentVersion[];
  /** Every version of the content, whatever the bounds of the page. */
  total: number;
  /** The most versions the page could hold. */
  limit: number;
  /** The number the next page starts after (in the page's order), or null when none follow. */
  next: number | null;
}

@Injectable()
export class ListContentVersionsUseCase {
  constructor(private readonly contents: ContentRepository) {}

  /** One page of the content's versions; one more than asked is read to know whether others follow. */
  async execute(caller: Caller, contentId: string, page: VersionPageRequest): Promise<VersionPage> {
    if (!(await this.contents.findByIdInOrganization(caller.organizationId, contentId)))
      throw new NotFoundError('Content');
    const limit = Math.min(Math.max(Math.floor(page.limit) || DEFAULT_VERSION_PAGE_LIMIT, 1), MAX_VERSION_PAGE_LIMIT);
    const read = await this.contents.listVersionPage(caller.organizationId, contentId, { ...page, limit: limit + 1 });
    const total = await this.contents.countVersions(caller.organizationId, contentId);
    const items = read.slice(0, limit);
    return { items, total, limit, next: read.length > limit ? (items.at(-1)?.number ?? null) : null };
  }
}

import { Injectable } from '@nestjs/common';
import { NotFoundError, type Caller } from '#libs/ddd';
import type { ContentVersion } from '../../../domain/content-version';
import { buildLineDiff, type LineDiff } from '../../../domain/version-diff';
import { ContentRepository } from '../../ports/content.repository';
import { TextDiffer } from '../../ports/text-differ';

export interface VersionComparison extends LineDiff {
  from: ContentVersion;
  to: ContentVersion;
}

/** What changed from version `from` to version `to` of a content, by line and, in changed lines, by word. */
@Injectable()
export class CompareContentVersionsUseCase {
  constructor(
    private readonly contents: ContentRepository,
    private readonly differ: TextDiffer,
  ) {}

  async execute(caller: Caller, contentId: string, fromNumber: number, toNumber: number): Promise<VersionComparison> {
    const [from, to] = await Promise.all([
      this.contents.findVersion(caller.organizationId, contentId, fromNumber),
      this.contents.findVersion(caller.organizationId, contentId, toNumber),
    ]);
    if (!from || !to) {
      if (!(await this.contents.findByIdInOrganization(caller.organizationId, contentId)))
        throw new NotFoundError('Content');
      throw new NotFoundError(`Version ${!from ? fromNumber : toNumber}`);
    }
    // Both steps are bounded in time: two large, very different versions get a coarser answer, not a blocked process.
    const diff = buildLineDiff(this.differ.lines(from.body, to.body), this.differ.wordsSharingABudget());
    return { from, to, ...diff };
  }
}

import { Injectable } from '@nestjs/common';
import { NotFoundError, type Caller } from '#libs/ddd';
import { ContentRepository, toContentView } from '../../ports/content.repository';
import type { StreamedContentExport } from './content-export';
import { noVersions, readExportedVersions } from './exported-versions';

/**
 * A content with its versions, for a download. The versions are read in batches by number while
 * the file is written, so memory stays bounded however many there are; the export holds the
 * versions up to the content's current version when it started (see readExportedVersions).
 */
@Injectable()
export class ExportContentUseCase {
  constructor(private readonly contents: ContentRepository) {}

  /**
   * Answers 404 before anything is sent: for a content of another organization, and for one
   * deleted before its first versions were read (they are read here, before the file starts).
   * `withVersions: false` (the Markdown file) reads none.
   */
  async execute(
    caller: Caller,
    contentId: string,
    { withVersions }: { withVersions: boolean },
  ): Promise<StreamedContentExport> {
    const found = await this.contents.findByIdInOrganization(caller.organizationId, contentId);
    if (!found) throw new NotFoundError('Content');
    const content = toContentView(found);
    if (!withVersions) return { content, versions: noVersions() };
    const versions = await readExportedVersions(this.contents, caller.organizationId, content);
    if (!versions) throw new NotFoundError('Content');
    return { content, versions };
  }
}

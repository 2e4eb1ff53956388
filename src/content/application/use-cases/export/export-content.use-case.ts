import { Injectable } from '@nestjs/common';
import { NotFoundError, type Caller } from '#libs/ddd';
import { ContentPolicyRepository } from '../../ports/content-policy.repository';
import { ContentRepository, toContentView } from '../../ports/content.repository';
import type { StreamedContentExport } from './content-export';
import { noVersions, readExportedVersions } from './exported-versions';
import { exportIsRedacted, redactedContentView, redactedVersions } from './redacted-export';

/**
 * A content with its versions, for a download. The versions are read in batches by number while
 * the file is written, so memory stays bounded however many there are; the export holds the
 * versions up to the content's current version when it started (see readExportedVersions).
 *
 * Redacted (`redact`, or the organization's `redactPiiInExports`): the content and each version as
 * it is read have their personal data masked (see redactedContentView).
 */
@Injectable()
export class ExportContentUseCase {
  constructor(
    private readonly contents: ContentRepository,
    private readonly policies: ContentPolicyRepository,
  ) {}

  /**
   * Answers 404 before anything is sent: for a content of another organization, and for one
   * deleted before its first versions were read (they are read here, before the file starts).
   * `withVersions: false` (the Markdown file) reads none.
   */
  async execute(
    caller: Caller,
    contentId: string,
    { withVersions, redact = false }: { withVersions: boolean; redact?: boolean },
  ): Promise<StreamedContentExport> {
    const found = await this.contents.findByIdInOrganization(caller.organizationId, contentId);
    if (!found) throw new NotFoundError('Content');
    const content = toContentView(found);
    const redacted = await exportIsRedacted(this.policies, caller.organizationId, redact);
    if (!withVersions) return { content: redacted ? redactedContentView(content) : content, versions: noVersions() };
    const versions = await readExportedVersions(this.contents, caller.organizationId, content);
    if (!versions) throw new NotFoundError('Content');
    return redacted
      ? { content: redactedContentView(content), versions: redactedVersions(versions) }
      : { content, versions };
  }
}

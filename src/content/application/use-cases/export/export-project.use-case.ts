import { Injectable } from '@nestjs/common';
import { NotFoundError, type Caller } from '#libs/ddd';
import { ContentPolicyRepository } from '../../ports/content-policy.repository';
import { ContentRepository, type ContentListKey } from '../../ports/content.repository';
import { ProjectRepository } from '../../ports/project.repository';
import type { StreamedContentExport } from './content-export';
import { readExportedVersions } from './exported-versions';
import { exportIsRedacted, redactedContentView, redactedVersions } from './redacted-export';

/** Contents read at a time, without their versions. */
export const EXPORT_CONTENT_BATCH = 100;

/**
 * Every content of a project with its versions, newest first, streamed: the contents are read a
 * hundred at a time without versions, and each content's versions a batch at a time as they are
 * written out (see readExportedVersions). Memory holds one page of contents and one batch of
 * versions, however large the project and its contents' histories.
 *
 * Pages are a keyset after the last content written: a content created while the export runs is
 * left out (it is newer than where the export stands) and none is skipped or written twice. A
 * content deleted before the export reaches it is left out; one deleted while its versions are
 * written breaks the download off.
 *
 * Redacted (`redact`, or the organization's `redactPiiInExports`): each content and each version as
 * it is read have their personal data masked (see redactedContentView), as in a single content's export.
 */
@Injectable()
export class ExportProjectUseCase {
  constructor(
    private readonly projects: ProjectRepository,
    private readonly contents: ContentRepository,
    private readonly policies: ContentPolicyRepository,
  ) {}

  /** Checks the project first, so that a missing project is a 404 before anything is sent. */
  async execute(
    caller: Caller,
    projectId: string,
    { redact = false }: { redact?: boolean } = {},
  ): Promise<AsyncIterable<StreamedContentExport>> {
    if (!(await this.projects.findByIdInOrganization(caller.organizationId, projectId)))
      throw new NotFoundError('Project');
    const redacted = await exportIsRedacted(this.policies, caller.organizationId, redact);
    return this.contentsOf(caller.organizationId, projectId, redacted);
  }

  /** The next content's versions are read only once the writer has taken all of the previous one's. */
  private async *contentsOf(
    organizationId: string,
    projectId: string,
    redacted: boolean,
  ): AsyncIterable<StreamedContentExport> {
    let after: ContentListKey | undefined;
    for (;;) {
      const page = await this.contents.listForProjectAfter(organizationId, projectId, after, EXPORT_CONTENT_BATCH);
      for (const content of page.items) {
        const versions = await readExportedVersions(this.contents, organizationId, content);
        if (!versions) continue;
        yield redacted
          ? { content: redactedContentView(content), versions: redactedVersions(versions) }
          : { content, versions };
      }
      if (page.items.length < EXPORT_CONTENT_BATCH || !page.last) return;
      after = page.last;
    }
  }
}

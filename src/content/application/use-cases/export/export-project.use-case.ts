import { Injectable } from '@nestjs/common';
import { NotFoundError } from '#libs/ddd';
import type { OrganizationAccess } from '../../../../accounts';
import { ContentRepository } from '../../ports/content.repository';
import { ProjectRepository } from '../../ports/project.repository';
import type { ContentExport } from './content-export';

const BATCH = 100;

/**
 * Every content of a project with its versions, newest first, read a hundred at a time so that a
 * large project is streamed rather than held in memory. Contents created while the export runs
 * may be left out or, rarely, appear twice (pages are by offset).
 */
@Injectable()
export class ExportProjectUseCase {
  constructor(
    private readonly projects: ProjectRepository,
    private readonly contents: ContentRepository,
  ) {}

  /** Checks the project first, so that a missing project is a 404 before anything is sent. */
  async execute(access: OrganizationAccess, projectId: string): Promise<AsyncIterable<ContentExport>> {
    if (!(await this.projects.findByIdInOrganization(access.organizationId, projectId)))
      throw new NotFoundError('Project');
    return this.batches(access.organizationId, projectId);
  }

  private async *batches(organizationId: string, projectId: string): AsyncIterable<ContentExport> {
    for (let page = 1; ; page++) {
      const { items } = await this.contents.listForProject(organizationId, projectId, {}, { page, limit: BATCH });
      if (!items.length) return;
      const versions = await this.contents.listVersionsOf(
        organizationId,
        items.map((content) => content.id),
      );
      for (const content of items) yield { content, versions: versions.get(content.id) ?? [] };
      if (items.length < BATCH) return;
    }
  }
}

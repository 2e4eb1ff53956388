import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ContentStatusChanges1795600002200 } from '../../../migrations/1795600002200-ContentStatusChanges';
import type { Content } from '../../../src/content/domain/content';
import { TypeOrmContentRepository } from '../../../src/content/infrastructure/typeorm/typeorm-content.repository';
import { TypeOrmProjectRepository } from '../../../src/content/infrastructure/typeorm/typeorm-project.repository';
import { AI_BODY, makeContent, makeContentIn, makeProject, SAMPLE_USAGE, T0 } from '../../factories/content.factory';
import { rerunMigration } from '../../support/rerun-migration';
import { openTestDataSource } from '../../support/test-data-source';

interface ChangeRow {
  from_status: string;
  to_status: string;
  cause: string;
  version: number;
  model: string | null;
  actor_id: string | null;
  rejection_category: string | null;
  occurred_at: Date;
  project_id: string;
}

const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

/** content_status_changes on PostgreSQL: written with the content row, and backfilled by its migration. */
describe('content status changes (PostgreSQL)', () => {
  let dataSource: DataSource;
  let contents: TypeOrmContentRepository;
  let organizationId: string;
  let projectId: string;

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    contents = new TypeOrmContentRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  beforeEach(async () => {
    organizationId = randomUUID();
    const project = makeProject({ organizationId });
    await new TypeOrmProjectRepository(dataSource).add(project);
    projectId = project.id;
  });

  const changesOf = async (contentId: string): Promise<ChangeRow[]> =>
    (await dataSource.query(
      `SELECT from_status, to_status, cause, version, model, actor_id, rejection_category, occurred_at, project_id
         FROM content_status_changes WHERE content_id = $1 ORDER BY id`,
      [contentId],
    )) as ChangeRow[];
  const stored = async (content: Content) => {
    await contents.add(content);
    return content;
  };

  it('writes one row per status change with the content, none for a change that keeps the status', async () => {
    const editor = randomUUID();
    const admin = randomUUID();
    const content = await stored(makeContent({ organizationId, projectId, createdBy: editor }));
    const update = (change: (c: Content) => void) => contents.update(organizationId, content.id, change);

    await update((c) => c.startGeneration('job-1', at(1)));
    await update((c) =>
      c.completeGeneration({ jobId: 'job-1', body: AI_BODY, model: 'gpt-4o', usage: SAMPLE_USAGE, by: editor }, at(2)),
    );
    await update((c) => c.editManually({ body: 'متن دستی' }, editor, at(3)));
    await update((c) => c.reject(admin, 'لحن', at(4), { category: 'TONE' }));
    await update((c) => c.startGeneration('job-2', at(5)));
    await update((c) => c.failGeneration('job-2', { code: 'RATE_LIMITED', message: 'slow down' }, at(6)));

    expect(await changesOf(content.id)).toEqual([
      {
        from_status: 'DRAFT',
        to_status: 'IN_PROGRESS',
        cause: 'generation_started',
        version: 0,
        model: null,
        actor_id: null,
        rejection_category: null,
        occurred_at: at(1),
        project_id: projectId,
      },
      {
        from_status: 'IN_PROGRESS',
        to_status: 'REVIEW',
        cause: 'generation_completed',
        version: 1,
        model: 'gpt-4o',
        actor_id: editor,
        rejection_category: null,
        occurred_at: at(2),
        project_id: projectId,
      },
      {
        from_status: 'REVIEW',
        to_status: 'REJECTED',
        cause: 'rejected',
        version: 2,
        model: null,
        actor_id: admin,
        rejection_category: 'TONE',
        occurred_at: at(4),
        project_id: projectId,
      },
      {
        from_status: 'REJECTED',
        to_status: 'IN_PROGRESS',
        cause: 'generation_started',
        version: 2,
        model: null,
        actor_id: null,
        rejection_category: null,
        occurred_at: at(5),
        project_id: projectId,
      },
      {
        from_status: 'IN_PROGRESS',
        to_status: 'REJECTED',
        cause: 'generation_failed',
        version: 2,
        model: null,
        actor_id: null,
        rejection_category: null,
        occurred_at: at(6),
        project_id: projectId,
      },
    ]);
  });

  it('writes a change once when its write lost a race and ran again on the newer state', async () => {
    const content = await stored(makeContentIn('REVIEW', { organizationId, projectId }));
    const loaded = (await contents.findByIdInOrganization(organizationId, content.id)) as Content;
    // Another writer changes the row after `loaded` was read: the approval's first write finds it changed.
    await contents.update(organizationId, content.id, (c) =>
      c.editManually({ title: 'عنوان تازه' }, randomUUID(), at(1)),
    );

    await contents.update(
      organizationId,
      content.id,
      (c) => c.approve({ by: randomUUID(), version: 1, versionAuthor: null, allowSelfApproval: true }, at(2)),
      loaded,
    );

    expect((await changesOf(content.id)).map((row) => [row.cause, row.version])).toEqual([['approved', 1]]);
  });

  it('is backfilled by its migration from ai and approval versions and the last rejection', async () => {
    const approved = await stored(makeContentIn('APPROVED', { organizationId, projectId }));
    const rejectedThenRegenerated = makeContentIn('REJECTED', { organizationId, projectId });
    rejectedThenRegenerated.startGeneration('job-2', T0);
    rejectedThenRegenerated.completeGeneration(
      { jobId: 'job-2', body: 'متن دوم', model: 'gpt-4o', usage: SAMPLE_USAGE, by: randomUUID() },
      at(30),
    );
    await stored(rejectedThenRegenerated);
    const draft = await stored(makeContent({ organizationId, projectId }));

    await rerunMigration(dataSource, new ContentStatusChanges1795600002200());

    const approval = approved.snapshot();
    expect(await changesOf(approved.id)).toEqual([
      expect.objectContaining({
        to_status: 'REVIEW',
        cause: 'generation_completed',
        version: 1,
        model: 'gpt-4.1-mini-2025-04-14',
        actor_id: approval.createdBy,
        occurred_at: T0,
      }),
      expect.objectContaining({
        from_status: 'REVIEW',
        to_status: 'APPROVED',
        cause: 'approved',
        version: 1,
        model: 'gpt-4.1-mini-2025-04-14',
        actor_id: approval.lastReview?.by,
        occurred_at: T0,
      }),
    ]);
    const rejection = rejectedThenRegenerated.snapshot().lastReview;
    // In the order things happened: the first generation, its rejection, then the second generation.
    expect(await changesOf(rejectedThenRegenerated.id)).toEqual([
      expect.objectContaining({ cause: 'generation_completed', version: 1, occurred_at: T0 }),
      expect.objectContaining({
        from_status: 'REVIEW',
        to_status: 'REJECTED',
        cause: 'rejected',
        version: 1,
        model: 'gpt-4.1-mini-2025-04-14',
        actor_id: rejection?.by,
        rejection_category: 'OTHER',
        occurred_at: T0,
      }),
      expect.objectContaining({ cause: 'generation_completed', version: 2, model: 'gpt-4o', occurred_at: at(30) }),
    ]);
    expect(await changesOf(draft.id)).toEqual([]);
  });
});

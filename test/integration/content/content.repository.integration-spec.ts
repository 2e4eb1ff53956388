import { createHash, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { pageRequest } from '#libs/ddd';
import { ContentBodyModel1795600001400 } from '../../../migrations/1795600001400-ContentBodyModel';
import { EditorialGovernance1795600001800 } from '../../../migrations/1795600001800-EditorialGovernance';
import { toContentView } from '../../../src/content/application/ports/content.repository';
import { changeRunningJob } from '../../../src/content/application/use-cases/generation/generation-outcomes';
import type { Content } from '../../../src/content/domain/content';
import {
  SEARCH_VECTOR,
  TypeOrmContentRepository,
} from '../../../src/content/infrastructure/typeorm/typeorm-content.repository';
import { TypeOrmProjectRepository } from '../../../src/content/infrastructure/typeorm/typeorm-project.repository';
import { TypeOrmPromptRepository } from '../../../src/content/infrastructure/typeorm/typeorm-prompt.repository';
import {
  AI_BODY,
  makeContent,
  makeContentIn,
  makeProject,
  makePrompt,
  SAMPLE_USAGE,
} from '../../factories/content.factory';
import { FixedClock } from '../../fakes/accounts/recording-ports';
import { recordAppQueries, readsContentRow } from '../../support/query-recorder';
import { rerunMigration } from '../../support/rerun-migration';
import { openTestDataSource } from '../../support/test-data-source';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('TypeOrmContentRepository', () => {
  let dataSource: DataSource;
  let contents: TypeOrmContentRepository;
  let projects: TypeOrmProjectRepository;
  let prompts: TypeOrmPromptRepository;
  let clock: FixedClock;
  let organizationId: string;
  let projectId: string;

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    contents = new TypeOrmContentRepository(dataSource);
    projects = new TypeOrmProjectRepository(dataSource);
    prompts = new TypeOrmPromptRepository(dataSource);
    clock = new FixedClock();
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  beforeEach(async () => {
    organizationId = randomUUID();
    const project = makeProject({ organizationId });
    await projects.add(project);
    projectId = project.id;
  });

  /** Stores a content of this test's project and organization. */
  const stored = async (content: Content): Promise<Content> => {
    await contents.add(content);
    return content;
  };
  const inProject = (overrides: Parameters<typeof makeContent>[0] = {}) => ({
    organizationId,
    projectId,
    ...overrides,
  });
  /** Every version of a content of a few, oldest first. */
  const versionsOf = (organization: string, id: string) =>
    contents.listVersionPage(organization, id, { order: 'asc', limit: 100 });
  const rowVersion = async (id: string) =>
    ((await dataSource.query('SELECT row_version FROM contents WHERE id = $1', [id])) as { row_version: number }[])[0]
      ?.row_version;

  it('stores and restores a content with every field, Persian text included', async () => {
    const content = await stored(
      makeContentIn('REVIEW', inProject({ temperature: 0.7, maxTokens: 900, variables: { نام_محصول: 'آوا ۵' } })),
    );
    const loaded = await contents.findByIdInOrganization(organizationId, content.id);
    expect(loaded?.snapshot()).toEqual(content.snapshot());
    expect(await contents.findViewInOrganization(organizationId, content.id)).toEqual(toContentView(content));
    expect(await versionsOf(organizationId, content.id)).toEqual([
      expect.objectContaining({
        number: 1,
        source: 'ai',
        body: AI_BODY,
        usage: SAMPLE_USAGE,
        model: 'gpt-4.1-mini-2025-04-14',
        generationJobId: 'job-1',
      }),
    ]);
    const [row] = (await dataSource.query('SELECT pii FROM contents WHERE id = $1', [content.id])) as {
      pii: unknown;
    }[];
    expect(row?.pii).toEqual({ found: false, findings: [] });
  });

  it('finds nothing with another organization id, and changes nothing through it', async () => {
    const content = await stored(makeContentIn('REVIEW', inProject()));
    const other = randomUUID();
    expect(await contents.findByIdInOrganization(other, content.id)).toBeUndefined();
    expect(await contents.findViewInOrganization(other, content.id)).toBeUndefined();
    expect(await contents.update(other, content.id, (c) => c.reject('x', 'y', clock.now()))).toBeUndefined();
    expect(await contents.delete(other, content.id, () => undefined)).toBe(false);
    expect(await versionsOf(other, content.id)).toEqual([]);
    expect(await contents.findVersion(other, content.id, 1)).toBeUndefined();
    expect((await contents.listForProject(other, projectId, {}, pageRequest())).total).toBe(0);
    expect((await contents.findByIdInOrganization(organizationId, content.id))?.status).toBe('REVIEW');
  });

  it('stores changes and new versions together, bumping row_version on each write', async () => {
    const content = await stored(makeContentIn('DRAFT', inProject()));
    expect(await rowVersion(content.id)).toBe(1);
    await contents.update(organizationId, content.id, (c) => c.startGeneration('job-2', clock.now()));
    await contents.update(organizationId, content.id, (c) =>
      c.completeGeneration(
        { jobId: 'job-2', body: AI_BODY, model: 'gpt-4.1-mini', usage: SAMPLE_USAGE, by: randomUUID() },
        clock.now(),
      ),
    );
    await contents.update(organizationId, content.id, (c) =>
      c.approve(
        { by: randomUUID(), version: 1, comment: 'تأیید', versionAuthor: null, allowSelfApproval: false },
        clock.now(),
      ),
    );
    expect(await rowVersion(content.id)).toBe(4);
    expect((await versionsOf(organizationId, content.id)).map((v) => [v.number, v.source, v.model])).toEqual([
      [1, 'ai', 'gpt-4.1-mini'],
      [2, 'approval', 'gpt-4.1-mini'],
    ]);
    expect(await contents.findVersion(organizationId, content.id, 2)).toMatchObject({
      source: 'approval',
      body: AI_BODY,
      usage: null,
      approvedVersion: 1,
      bodySha256: sha256(AI_BODY),
    });
    expect((await contents.findByIdInOrganization(organizationId, content.id))?.snapshot().lastReview).toMatchObject({
      decision: 'APPROVED',
      version: 1,
      bodySha256: sha256(AI_BODY),
    });
  });

  it('stores a restore version with the number it restored, and the rejection category in the last review', async () => {
    const content = await stored(makeContentIn('REVIEW', inProject()));
    await contents.update(organizationId, content.id, (c) =>
      c.editManually({ body: 'متن دوم' }, randomUUID(), clock.now()),
    );
    await contents.update(organizationId, content.id, (c) =>
      c.reject(randomUUID(), 'لحن', clock.now(), { category: 'TONE', version: 2 }),
    );
    const v1 = await contents.findVersion(organizationId, content.id, 1);
    await contents.update(organizationId, content.id, (c) => {
      c.restoreVersion(v1!, randomUUID(), clock.now());
    });
    const restored = await contents.findVersion(organizationId, content.id, 3);
    expect(restored).toMatchObject({
      source: 'restore',
      body: AI_BODY,
      restoredFrom: 1,
      model: 'gpt-4.1-mini-2025-04-14',
    });
    expect(restored).not.toHaveProperty('approvedVersion');
    expect(v1).not.toHaveProperty('restoredFrom');
    const state = (await contents.findByIdInOrganization(organizationId, content.id))?.snapshot();
    expect(state).toMatchObject({ status: 'REVIEW', body: AI_BODY, currentVersion: 3 });
    expect(state?.lastReview).toMatchObject({ decision: 'REJECTED', version: 2, category: 'TONE' });
  });

  it('backfills the approvals made before approvals named their version: the one before them and the hash of their body', async () => {
    const approved = await stored(makeContentIn('APPROVED', inProject()));
    const rejected = await stored(makeContentIn('REJECTED', inProject()));
    await rerunMigration(dataSource, new EditorialGovernance1795600001800(), async (runner) => {
      const columns = (await runner.query(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'content_versions' AND column_name = 'body_sha256'`,
      )) as unknown[];
      expect(columns).toEqual([]);
      const reviews = (await runner.query('SELECT last_review FROM contents WHERE id = $1', [approved.id])) as {
        last_review: Record<string, unknown>;
      }[];
      expect(reviews[0]?.last_review).not.toHaveProperty('bodySha256');
    });
    expect(await contents.findVersion(organizationId, approved.id, 2)).toMatchObject({
      source: 'approval',
      approvedVersion: 1,
      bodySha256: sha256(AI_BODY),
    });
    expect((await contents.findByIdInOrganization(organizationId, approved.id))?.snapshot().lastReview).toMatchObject({
      decision: 'APPROVED',
      version: 1,
      bodySha256: sha256(AI_BODY),
    });
    expect(await contents.findVersion(organizationId, approved.id, 1)).not.toHaveProperty('approvedVersion');
    expect((await contents.findByIdInOrganization(organizationId, rejected.id))?.snapshot().lastReview).toMatchObject({
      decision: 'REJECTED',
    });
  });

  it('keeps the model of the current body on the row (body_model), written with the versions', async () => {
    const bodyModelOf = async (id: string) =>
      ((await dataSource.query('SELECT body_model FROM contents WHERE id = $1', [id])) as { body_model: unknown }[])[0]
        ?.body_model;
    const content = await stored(makeContentIn('REVIEW', inProject()));
    expect(await bodyModelOf(content.id)).toBe('gpt-4.1-mini-2025-04-14');
    await contents.update(organizationId, content.id, (c) =>
      c.approve({ by: randomUUID(), version: 1, versionAuthor: null, allowSelfApproval: false }, clock.now()),
    );
    expect(await bodyModelOf(content.id)).toBe('gpt-4.1-mini-2025-04-14');
    const edited = await stored(makeContentIn('REVIEW', inProject()));
    await contents.update(organizationId, edited.id, (c) =>
      c.editManually({ body: 'متن دستی' }, randomUUID(), clock.now()),
    );
    expect(await bodyModelOf(edited.id)).toBeNull();
    expect((await contents.findByIdInOrganization(organizationId, edited.id))?.snapshot().bodyModel).toBeNull();
    expect(await bodyModelOf((await stored(makeContentIn('DRAFT', inProject()))).id)).toBeNull();
  });

  it('has body_model backfilled by its migration from each content’s newest version', async () => {
    const [generated, approved, edited, draft] = await Promise.all([
      stored(makeContentIn('REVIEW', inProject())),
      stored(makeContentIn('APPROVED', inProject())),
      stored(makeContentIn('REVIEW', inProject())),
      stored(makeContentIn('DRAFT', inProject())),
    ]);
    await contents.update(organizationId, edited.id, (c) =>
      c.editManually({ body: 'متن دستی' }, randomUUID(), clock.now()),
    );
    await rerunMigration(dataSource, new ContentBodyModel1795600001400());
    const rows = (await dataSource.query('SELECT id, body_model FROM contents WHERE id = ANY($1)', [
      [generated.id, approved.id, edited.id, draft.id],
    ])) as { id: string; body_model: string | null }[];
    expect(Object.fromEntries(rows.map((row) => [row.id, row.body_model]))).toEqual({
      [generated.id]: 'gpt-4.1-mini-2025-04-14',
      [approved.id]: 'gpt-4.1-mini-2025-04-14',
      [edited.id]: null,
      [draft.id]: null,
    });
  });

  it('writes over a content it loaded without reading the row again', async () => {
    const content = await stored(makeContentIn('DRAFT', inProject()));
    const loaded = await contents.findByIdInOrganization(organizationId, content.id);
    const recorder = recordAppQueries();
    try {
      await contents.update(organizationId, content.id, (c) => c.startGeneration('job-loaded', clock.now()), loaded);
    } finally {
      recorder.stop();
    }
    expect(recorder.queries.filter(readsContentRow(content.id))).toHaveLength(0);
    expect(recorder.queries).toHaveLength(1);
    expect(await rowVersion(content.id)).toBe(2);
    expect((await contents.findByIdInOrganization(organizationId, content.id))?.generationJobId).toBe('job-loaded');
  });

  it('reads the row again and applies the change to it when the loaded content is out of date', async () => {
    const content = await stored(makeContentIn('DRAFT', inProject()));
    const stale = await contents.findByIdInOrganization(organizationId, content.id);
    await contents.update(organizationId, content.id, (c) => c.startGeneration('job-first', clock.now()));
    await expect(
      contents.update(organizationId, content.id, (c) => c.startGeneration('job-second', clock.now()), stale),
    ).rejects.toMatchObject({ code: 'CONTENT_BUSY' });
    const now = await contents.findByIdInOrganization(organizationId, content.id);
    expect(now?.generationJobId).toBe('job-first');
    expect(await rowVersion(content.id)).toBe(2);
  });

  it('computes the search vector again only when the title, prompt or body changes', async () => {
    const content = await stored(makeContentIn('DRAFT', inProject({ title: 'گزارش فصلی' })));
    const vectorOf = async () =>
      (
        (await dataSource.query('SELECT search_vector::text AS v FROM contents WHERE id = $1', [content.id])) as {
          v: string;
        }[]
      )[0]?.v;
    const before = await vectorOf();
    expect(before).toContain('گزارش');
    // A status change writes the whole row: the vector stays as it was, even if edited by hand meanwhile.
    await dataSource.query(`UPDATE contents SET search_vector = to_tsvector('simple', 'دستی') WHERE id = $1`, [
      content.id,
    ]);
    await contents.update(organizationId, content.id, (c) => c.startGeneration('job-vector', clock.now()));
    expect(await vectorOf()).toContain('دستی');
    await contents.update(organizationId, content.id, (c) =>
      c.completeGeneration(
        { jobId: 'job-vector', body: 'متن تازه', model: 'gpt-4.1-mini', usage: SAMPLE_USAGE, by: randomUUID() },
        clock.now(),
      ),
    );
    const after = await vectorOf();
    expect(after).toContain('تازه');
    expect(after).toContain('گزارش');
    expect(after).not.toContain('دستی');
  });

  it('writes nothing when the change says nothing changed', async () => {
    const content = await stored(makeContentIn('DRAFT', inProject()));
    await contents.update(organizationId, content.id, () => false);
    expect(await rowVersion(content.id)).toBe(1);
  });

  it('keeps nothing of a change that throws', async () => {
    const content = await stored(makeContentIn('APPROVED', inProject()));
    await expect(
      contents.update(organizationId, content.id, (c) => c.startGeneration('job-9', clock.now())),
    ).rejects.toMatchObject({ code: 'CONTENT_INVALID_TRANSITION' });
    expect((await contents.findByIdInOrganization(organizationId, content.id))?.status).toBe('APPROVED');
  });

  it('refuses two versions for one generation job at the database too', async () => {
    const content = await stored(makeContentIn('REVIEW', inProject()));
    await expect(
      dataSource.query(
        `INSERT INTO content_versions (content_id, number, organization_id, source, body, generation_job_id, created_by) VALUES ($1, 2, $2, 'ai', 'x', 'job-1', $3)`,
        [content.id, organizationId, randomUUID()],
      ),
    ).rejects.toThrow(/uq_content_versions_job/);
  });

  describe('generation under concurrency', () => {
    const start = (contentId: string, jobId: string) =>
      contents.update(organizationId, contentId, (c) => c.startGeneration(jobId, clock.now()));

    it('lets exactly one of several concurrent starts win, under the row lock', async () => {
      const content = await stored(makeContentIn('DRAFT', inProject()));
      const jobs = ['a', 'b', 'c', 'd', 'e'].map((x) => `job-${x}`);
      const results = await Promise.allSettled(jobs.map((jobId) => start(content.id, jobId)));
      const winners = results.filter((r) => r.status === 'fulfilled');
      expect(winners).toHaveLength(1);
      expect(
        results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code),
      ).toEqual(Array(4).fill('CONTENT_BUSY'));
      const stored_ = await contents.findByIdInOrganization(organizationId, content.id);
      expect(jobs).toContain(stored_?.generationJobId);
    });

    it('writes one version when the same completion arrives three times at once', async () => {
      const content = await stored(makeContentIn('IN_PROGRESS', inProject()));
      const complete = () =>
        changeRunningJob(contents, organizationId, content.id, 'job-running', (c) =>
          c.completeGeneration(
            { jobId: 'job-running', body: AI_BODY, model: 'gpt-4.1-mini', usage: SAMPLE_USAGE, by: randomUUID() },
            clock.now(),
          ),
        );
      const outcomes = await Promise.all([complete(), complete(), complete()]);
      expect(outcomes.map((o) => o.outcome).sort()).toEqual(['changed', 'finished', 'finished']);
      expect(await versionsOf(organizationId, content.id)).toHaveLength(1);
    });

    it('returns a failed generation to the status it left', async () => {
      const content = await stored(makeContentIn('REJECTED', inProject()));
      await start(content.id, 'job-2');
      const failed = await changeRunningJob(contents, organizationId, content.id, 'job-2', (c) =>
        c.failGeneration('job-2', { code: 'OPENAI_TIMEOUT', message: 'مهلت تمام شد' }, clock.now()),
      );
      expect(failed.outcome).toBe('changed');
      expect((await contents.findByIdInOrganization(organizationId, content.id))?.snapshot()).toMatchObject({
        status: 'REJECTED',
        lastError: { code: 'OPENAI_TIMEOUT', message: 'مهلت تمام شد', at: clock.now() },
      });
    });

    it('finds which of several jobs are the running generation of their content', async () => {
      const running = await stored(makeContentIn('DRAFT', inProject()));
      await start(running.id, 'job-live');
      const finished = await stored(makeContentIn('IN_PROGRESS', inProject()));
      await changeRunningJob(contents, organizationId, finished.id, 'job-running', (c) =>
        c.failGeneration('job-running', { code: 'X', message: 'x' }, clock.now()),
      );
      expect(await contents.findRunningJobIds(['job-live', 'job-running', 'job-unknown'])).toEqual(
        new Set(['job-live']),
      );
    });
  });

  describe('listForProject', () => {
    const minutes = (n: number) => new Date(Date.UTC(2026, 10, 24, 10, n));
    let authorA: string;
    let authorB: string;
    let ids: Record<string, string>;

    beforeEach(async () => {
      [authorA, authorB] = [randomUUID(), randomUUID()];
      ids = {};
      const seed: [string, Parameters<typeof makeContent>[0], 'DRAFT' | 'REVIEW'][] = [
        ['phone', { title: 'معرفی گوشی آوا', createdBy: authorA, now: minutes(1) }, 'REVIEW'],
        [
          'laptop',
          { title: 'Laptop LAUNCH post', prompt: 'درباره لپ‌تاپ بنویس', createdBy: authorB, now: minutes(2) },
          'DRAFT',
        ],
        ['discount', { title: 'تخفیف ۵۰% نوروز', createdBy: authorA, now: minutes(3) }, 'DRAFT'],
        ['tie1', { title: 'هم‌زمان ۱', createdBy: authorB, now: minutes(4) }, 'DRAFT'],
        ['tie2', { title: 'هم‌زمان ۲', createdBy: authorB, now: minutes(4) }, 'DRAFT'],
      ];
      for (const [key, overrides, status] of seed)
        ids[key] = (await stored(makeContentIn(status, inProject(overrides)))).id;
      await stored(makeContentIn('DRAFT', { organizationId, projectId: (await addProject()).id, title: 'پروژهٔ دیگر' }));
    });

    const addProject = async () => {
      const project = makeProject({ organizationId });
      await projects.add(project);
      return project;
    };
    const list = async (filter: Parameters<TypeOrmContentRepository['listForProject']>[2], page = pageRequest()) =>
      contents.listForProject(organizationId, projectId, filter, page);
    const keysOf = (items: { id: string }[]) =>
      items.map((item) => Object.keys(ids).find((key) => ids[key] === item.id));

    it('lists the project only, newest first with id DESC between equal times', async () => {
      const page = await list({});
      expect(page.total).toBe(5);
      const tie = [ids.tie1!, ids.tie2!].sort().reverse();
      expect(page.items.map((i) => i.id)).toEqual([...tie, ids.discount, ids.laptop, ids.phone]);
    });

    it('paginates with a stable order', async () => {
      const first = await list({}, pageRequest(1, 2));
      const second = await list({}, pageRequest(2, 2));
      const third = await list({}, pageRequest(3, 2));
      expect(first).toMatchObject({ total: 5, page: 1, limit: 2 });
      expect([...first.items, ...second.items, ...third.items].map((i) => i.id)).toEqual(
        (await list({})).items.map((i) => i.id),
      );
    });

    it('answers the total with an empty page past the end, and none for another organization’s project', async () => {
      expect(await list({}, pageRequest(4, 2))).toEqual({ items: [], total: 5, page: 4, limit: 2 });
      expect(await contents.listForProject(randomUUID(), projectId, { statuses: ['DRAFT'] }, pageRequest())).toEqual({
        items: [],
        total: 0,
        page: 1,
        limit: 20,
      });
    });

    it('filters by author and status together', async () => {
      const page = await list({ createdBy: authorB, statuses: ['DRAFT'] });
      expect(page.total).toBe(3);
      expect(keysOf(page.items).sort()).toEqual(['laptop', 'tie1', 'tie2']);
      expect((await list({ createdBy: authorA, statuses: ['REVIEW'] })).items.map((i) => i.id)).toEqual([ids.phone]);
    });

    it('filters by status and by author', async () => {
      expect(keysOf((await list({ statuses: ['REVIEW'] })).items)).toEqual(['phone']);
      expect(keysOf((await list({ statuses: ['REVIEW', 'DRAFT'] })).items)).toHaveLength(5);
      expect(keysOf((await list({ createdBy: authorA })).items)).toEqual(['discount', 'phone']);
    });

    it('filters by creation time: from inclusive, to exclusive', async () => {
      expect(keysOf((await list({ from: minutes(2), to: minutes(4) })).items)).toEqual(['discount', 'laptop']);
    });

    it('searches title, prompt and body by word prefixes, case-insensitively, Persian included', async () => {
      expect(keysOf((await list({ q: 'launch' })).items)).toEqual(['laptop']);
      expect(keysOf((await list({ q: 'LAU' })).items)).toEqual(['laptop']);
      expect(keysOf((await list({ q: 'لپ‌تاپ' })).items)).toEqual(['laptop']);
      expect(keysOf((await list({ q: 'باتری دوروزه' })).items)).toEqual(['phone']);
      expect(keysOf((await list({ q: 'باتری لپ‌تاپ' })).items)).toEqual([]);
    });

    it('finds Persian however it was typed: Arabic ي/ك, with or without the zero-width non-joiner, diacritics, any digit script', async () => {
      expect(keysOf((await list({ q: 'باتري دوربين' })).items)).toEqual(['phone']);
      expect(keysOf((await list({ q: 'باتَری' })).items)).toEqual(['phone']);
      expect(keysOf((await list({ q: 'مگاپيكسلي' })).items)).toEqual(['phone']);
      expect(keysOf((await list({ q: 'لپتاپ' })).items)).toEqual(['laptop']);
      expect(keysOf((await list({ q: '50' })).items)).toEqual(['discount', 'phone']);
      expect(keysOf((await list({ q: '٥٠ نوروز' })).items)).toEqual(['discount']);
      expect(keysOf((await list({ q: 'همزمان ۲' })).items)).toEqual(['tie2']);
    });

    it('treats search operators and punctuation as plain text, never as an error', async () => {
      expect((await list({ q: "& | ! :* ( ) ' <->" })).total).toBe(5);
      expect(keysOf((await list({ q: "launch' & !" })).items)).toEqual(['laptop']);
    });

    it('combines search with the filters and paginates the matches', async () => {
      expect(keysOf((await list({ q: 'همزمان', createdBy: authorB, statuses: ['DRAFT'] })).items)).toHaveLength(2);
      const first = await list({ q: 'همزمان' }, pageRequest(1, 1));
      const second = await list({ q: 'همزمان' }, pageRequest(2, 1));
      expect(first.total).toBe(2);
      expect([...first.items, ...second.items].map((item) => item.id).sort()).toEqual([ids.tie1, ids.tie2].sort());
    });

    it('searches with an expression the GIN index serves (the query repeats the index expression exactly)', async () => {
      const plan = await dataSource.transaction(async (manager) => {
        await manager.query('SET LOCAL enable_seqscan = off');
        const rows: { 'QUERY PLAN': string }[] = await manager.query(
          `EXPLAIN SELECT c.id FROM contents c WHERE ${SEARCH_VECTOR} @@ to_tsquery('simple', contexor_search_text($1))`,
          ['گوشی:*'],
        );
        return rows.map((row) => row['QUERY PLAN']).join('\n');
      });
      expect(plan).toContain('idx_contents_search');
    });
  });

  it('deletes a content with its versions', async () => {
    const content = await stored(makeContentIn('APPROVED', inProject()));
    expect(await contents.delete(organizationId, content.id, () => undefined)).toBe(true);
    expect(await contents.findByIdInOrganization(organizationId, content.id)).toBeUndefined();
    const [row] = (await dataSource.query('SELECT count(*)::int AS n FROM content_versions WHERE content_id = $1', [
      content.id,
    ])) as { n: number }[];
    expect(row?.n).toBe(0);
  });

  it('keeps the content when the delete check refuses', async () => {
    const content = await stored(makeContentIn('IN_PROGRESS', inProject()));
    await expect(
      contents.delete(organizationId, content.id, (c) =>
        c.assertCanBeDeletedBy({ userId: randomUUID(), isAdmin: true }),
      ),
    ).rejects.toMatchObject({ code: 'CONTENT_BUSY' });
    expect(await contents.findByIdInOrganization(organizationId, content.id)).toBeDefined();
  });

  it('answers NOT_FOUND when the project is gone by the time the content is stored', async () => {
    await expect(contents.add(makeContent({ organizationId, projectId: randomUUID() }))).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Project not found',
    });
  });

  it('tells the access guard which organization owns a content, and the worker reads it by id', async () => {
    const content = await stored(makeContentIn('IN_PROGRESS', inProject()));
    expect(await contents.findOrganizationIdOf(content.id)).toBe(organizationId);
    expect(await contents.findOrganizationIdOf(randomUUID())).toBeUndefined();
    expect((await contents.findForGeneration(content.id))?.snapshot()).toMatchObject({
      organizationId,
      status: 'IN_PROGRESS',
      generationJobId: 'job-running',
    });
  });

  it('keeps a content made from a prompt template when the template is deleted', async () => {
    const prompt = makePrompt({ organizationId });
    await prompts.add(prompt);
    const content = await stored(makeContent(inProject({ promptId: prompt.id, variables: { نام_محصول: 'آوا' } })));
    expect(await prompts.delete(organizationId, prompt.id)).toBe(true);
    expect((await contents.findByIdInOrganization(organizationId, content.id))?.snapshot()).toMatchObject({
      promptId: null,
      prompt: content.snapshot().prompt,
    });
  });
});

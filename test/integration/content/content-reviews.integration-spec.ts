import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { TypeOrmUnitOfWork } from '#libs/database';
import type { Content } from '../../../src/content/domain/content';
import { TypeOrmContentReviews } from '../../../src/content/infrastructure/typeorm/typeorm-content-reviews';
import { TypeOrmContentRepository } from '../../../src/content/infrastructure/typeorm/typeorm-content.repository';
import { TypeOrmProjectRepository } from '../../../src/content/infrastructure/typeorm/typeorm-project.repository';
import { makeContent, makeContentIn, makeProject, SAMPLE_USAGE, AI_BODY } from '../../factories/content.factory';
import { openTestDataSource } from '../../support/test-data-source';

const NOW = new Date('2026-12-07T10:00:00Z');
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

/**
 * The review inbox's queries on the real PostgreSQL: the page of waiting reviews, and the overdue
 * scan's claim, with two data sources standing for two worker processes.
 */
describe('TypeOrmContentReviews (PostgreSQL)', () => {
  let processA: DataSource;
  let processB: DataSource;
  let contents: TypeOrmContentRepository;
  let projects: TypeOrmProjectRepository;
  let reviewsA: TypeOrmContentReviews;
  let reviewsB: TypeOrmContentReviews;

  beforeAll(async () => {
    [processA, processB] = await Promise.all([openTestDataSource(), openTestDataSource()]);
    contents = new TypeOrmContentRepository(processA);
    projects = new TypeOrmProjectRepository(processA);
    reviewsA = new TypeOrmContentReviews(processA);
    reviewsB = new TypeOrmContentReviews(processB);
  });

  afterAll(async () => {
    await Promise.all([processA.destroy(), processB.destroy()]);
  });

  async function projectIn(organizationId: string): Promise<string> {
    const project = makeProject({ organizationId });
    await projects.add(project);
    return project.id;
  }

  /** A content of the organization brought to REVIEW at `since`, with an optional due date, stored. */
  async function inReview(organizationId: string, projectId: string, since: Date, due: Date | null): Promise<Content> {
    const content = makeContent({ organizationId, projectId });
    content.startGeneration('job-1', since);
    content.completeGeneration(
      { jobId: 'job-1', body: AI_BODY, model: 'gpt-4.1-mini', usage: SAMPLE_USAGE, by: randomUUID() },
      since,
    );
    content.scheduleReview(due, since);
    await contents.add(content);
    return content;
  }

  const claimedIds = async (reviews: TypeOrmContentReviews, at = NOW) =>
    (await reviews.claimOverdue(at, 1_000)).map((review) => review.contentId);

  describe('claimOverdue', () => {
    it('claims a content in REVIEW past its due date once, with what the announcement needs', async () => {
      const organizationId = randomUUID();
      const projectId = await projectIn(organizationId);
      const due = await inReview(organizationId, projectId, minutes(-60), minutes(-1));
      const ahead = await inReview(organizationId, projectId, minutes(-60), minutes(5));
      const undated = await inReview(organizationId, projectId, minutes(-60), null);
      const rejected = makeContentIn('REJECTED', { organizationId, projectId });
      rejected.scheduleReview(minutes(-1), NOW);
      await contents.add(rejected);

      const claimed = await reviewsA.claimOverdue(NOW, 1_000);
      const mine = claimed.filter((review) => review.organizationId === organizationId);

      expect(mine).toEqual([
        {
          contentId: due.id,
          organizationId,
          projectId,
          workspaceId: due.snapshot().workspaceId,
          title: due.snapshot().title,
          version: 1,
          reviewDueAt: minutes(-1),
          waitingSince: minutes(-60),
          createdBy: due.createdBy,
        },
      ]);
      expect(await claimedIds(reviewsA)).not.toContain(due.id);
      expect(await claimedIds(reviewsB)).not.toContain(due.id);
      // Once its time comes, the one ahead is claimed too; the others never are.
      const later = await claimedIds(reviewsB, minutes(10));
      expect(later).toContain(ahead.id);
      expect(later).not.toContain(undated.id);
      expect(later).not.toContain(rejected.id);
    });

    it('leaves rows another transaction is claiming to it, and takes them back if that one rolls back', async () => {
      const organizationId = randomUUID();
      const projectId = await projectIn(organizationId);
      const due = await inReview(organizationId, projectId, minutes(-30), minutes(-2));
      const uowA = new TypeOrmUnitOfWork(processA);

      let seenByB: string[] = [];
      await expect(
        uowA.run(async () => {
          expect(await claimedIds(reviewsA)).toContain(due.id);
          // Process B scans while A's transaction (its announcement not yet committed) holds the row.
          seenByB = await claimedIds(reviewsB);
          throw new Error('announcement failed');
        }),
      ).rejects.toThrow('announcement failed');
      expect(seenByB).not.toContain(due.id);

      // A's claim rolled back with its announcement: the next scan claims it.
      expect(await claimedIds(reviewsB)).toContain(due.id);
    });

    it('claims each row once when two processes scan at the same time', async () => {
      const organizationId = randomUUID();
      const projectId = await projectIn(organizationId);
      const due = await Promise.all(
        Array.from({ length: 20 }, (_, i) => inReview(organizationId, projectId, minutes(-100 + i), minutes(-1 - i))),
      );
      const ids = new Set(due.map((content) => content.id));
      const uows = [new TypeOrmUnitOfWork(processA), new TypeOrmUnitOfWork(processB)];
      const runs = await Promise.all(
        [0, 1, 0, 1].map((i) =>
          uows[i].run(async () => (await (i ? reviewsB : reviewsA).claimOverdue(NOW, 3)).map((r) => r.contentId)),
        ),
      );
      // Then the rest, in batches, by both.
      for (;;) {
        const more = await Promise.all([claimedIds(reviewsA), claimedIds(reviewsB)]);
        runs.push(...more);
        if (more.every((batch) => batch.length === 0)) break;
      }
      const claimed = runs.flat().filter((id) => ids.has(id));
      expect(claimed).toHaveLength(20);
      expect(new Set(claimed).size).toBe(20);
    });

    it('claims again after a new due date passes, never again for the same one', async () => {
      const organizationId = randomUUID();
      const projectId = await projectIn(organizationId);
      const content = await inReview(organizationId, projectId, minutes(-30), minutes(-5));
      expect(await claimedIds(reviewsA)).toContain(content.id);

      await contents.update(organizationId, content.id, (c) => c.scheduleReview(minutes(-3), NOW));
      expect(await claimedIds(reviewsA)).toContain(content.id);
      expect(await claimedIds(reviewsA)).not.toContain(content.id);

      // Cleared and set back to the date already announced: nothing.
      await contents.update(organizationId, content.id, (c) => c.scheduleReview(null, NOW));
      await contents.update(organizationId, content.id, (c) => c.scheduleReview(minutes(-3), NOW));
      expect(await claimedIds(reviewsA)).not.toContain(content.id);
    });

    it('never undoes the mark when the application writes the content (the column is the scan’s alone)', async () => {
      const organizationId = randomUUID();
      const projectId = await projectIn(organizationId);
      const content = await inReview(organizationId, projectId, minutes(-30), minutes(-5));
      // The application read the row before the scan marked it, and writes it after.
      const loaded = (await contents.findByIdInOrganization(organizationId, content.id)) as Content;
      expect(await claimedIds(reviewsA)).toContain(content.id);
      await contents.update(
        organizationId,
        content.id,
        (c) => c.editManually({ title: 'عنوان تازه' }, 'u', NOW),
        loaded,
      );
      expect(await claimedIds(reviewsA)).not.toContain(content.id);
    });
  });

  describe('listWaiting', () => {
    it('pages the contents in REVIEW of the given organizations, longest waiting first, with filters and total', async () => {
      const [orgA, orgB, orgC] = [randomUUID(), randomUUID(), randomUUID()];
      const [projectA, projectB, projectC] = await Promise.all([projectIn(orgA), projectIn(orgB), projectIn(orgC)]);
      const b1 = await inReview(orgB, projectB, minutes(-50), minutes(30));
      const a1 = await inReview(orgA, projectA, minutes(-40), minutes(-10));
      const a2 = await inReview(orgA, projectA, minutes(-60), null);
      await inReview(orgC, projectC, minutes(-70), null);
      await contents.add(makeContentIn('REJECTED', { organizationId: orgA, projectId: projectA }));
      await contents.add(makeContent({ organizationId: orgA, projectId: projectA }));
      const page = (organizationIds: string[], overdue?: boolean, number = 1, limit = 20) =>
        reviewsA.listWaiting({ organizationIds, overdue, now: NOW }, { page: number, limit });
      const ids = (found: Awaited<ReturnType<typeof page>>) => found.items.map((item) => item.contentId);

      const all = await page([orgA, orgB]);
      expect(ids(all)).toEqual([a2.id, b1.id, a1.id]);
      expect(all.total).toBe(3);
      expect(all.items[2]).toEqual({
        contentId: a1.id,
        title: a1.snapshot().title,
        projectId: projectA,
        workspaceId: a1.snapshot().workspaceId,
        organizationId: orgA,
        version: 1,
        waitingSince: minutes(-40),
        reviewDueAt: minutes(-10),
      });
      expect(ids(await page([orgA, orgB], true))).toEqual([a1.id]);
      expect(ids(await page([orgA, orgB], false))).toEqual([a2.id, b1.id]);
      const second = await page([orgA, orgB], undefined, 2, 2);
      expect(ids(second)).toEqual([a1.id]);
      expect(second.total).toBe(3);
      expect(await page([])).toEqual({ items: [], total: 0, page: 1, limit: 20 });
      expect((await page([orgA, orgB], undefined, 5, 2)).total).toBe(3);
    });
  });
});

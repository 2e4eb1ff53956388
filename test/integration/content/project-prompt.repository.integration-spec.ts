import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { assertProjectDeletable } from '../../../src/content/domain/project';
import { TypeOrmContentRepository } from '../../../src/content/infrastructure/typeorm/typeorm-content.repository';
import { TypeOrmProjectRepository } from '../../../src/content/infrastructure/typeorm/typeorm-project.repository';
import { TypeOrmPromptRepository } from '../../../src/content/infrastructure/typeorm/typeorm-prompt.repository';
import { makeContentIn, makeProject, makePrompt, T0 } from '../../factories/content.factory';
import { openTestDataSource } from '../../support/test-data-source';

describe('TypeOrmProjectRepository and TypeOrmPromptRepository', () => {
  let dataSource: DataSource;
  let projects: TypeOrmProjectRepository;
  let prompts: TypeOrmPromptRepository;
  let contents: TypeOrmContentRepository;
  let organizationId: string;
  let workspaceId: string;

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    projects = new TypeOrmProjectRepository(dataSource);
    prompts = new TypeOrmPromptRepository(dataSource);
    contents = new TypeOrmContentRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  beforeEach(() => {
    organizationId = randomUUID();
    workspaceId = randomUUID();
  });

  const later = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

  describe('projects', () => {
    it('stores, lists newest first, renames, and stays inside its organization', async () => {
      const first = makeProject({ organizationId, workspaceId, name: 'کمپین تابستان', now: later(1) });
      const second = makeProject({
        organizationId,
        workspaceId,
        name: 'کمپین پاییز',
        description: null,
        now: later(2),
      });
      await projects.add(first);
      await projects.add(second);
      await projects.add(makeProject({ organizationId, name: 'فضای کاری دیگر' }));

      expect((await projects.listForWorkspace(organizationId, workspaceId)).map((p) => p.snapshot().name)).toEqual([
        'کمپین پاییز',
        'کمپین تابستان',
      ]);
      expect(await projects.listForWorkspace(randomUUID(), workspaceId)).toEqual([]);
      expect(await projects.findByIdInOrganization(randomUUID(), first.id)).toBeUndefined();

      first.revise({ name: 'کمپین تابستان ۱۴۰۵', description: null }, later(5));
      await projects.save(first);
      expect((await projects.findByIdInOrganization(organizationId, first.id))?.snapshot()).toEqual(first.snapshot());
    });

    it('deletes a project with its contents and their versions', async () => {
      const project = makeProject({ organizationId, workspaceId });
      await projects.add(project);
      const content = makeContentIn('APPROVED', { organizationId, projectId: project.id });
      await contents.add(content);
      expect(await projects.delete(organizationId, project.id, assertProjectDeletable)).toBe(true);
      expect(await contents.findByIdInOrganization(organizationId, content.id)).toBeUndefined();
      const [row] = (await dataSource.query('SELECT count(*)::int AS n FROM content_versions WHERE content_id = $1', [
        content.id,
      ])) as { n: number }[];
      expect(row?.n).toBe(0);
    });

    it('refuses to delete a project while one of its contents is being generated', async () => {
      const project = makeProject({ organizationId, workspaceId });
      await projects.add(project);
      await contents.add(makeContentIn('IN_PROGRESS', { organizationId, projectId: project.id }));
      await expect(projects.delete(organizationId, project.id, assertProjectDeletable)).rejects.toMatchObject({
        code: 'CONTENT_BUSY',
      });
      expect(await projects.findByIdInOrganization(organizationId, project.id)).toBeDefined();
    });

    it('deletes nothing through another organization', async () => {
      const project = makeProject({ organizationId, workspaceId });
      await projects.add(project);
      expect(await projects.delete(randomUUID(), project.id, assertProjectDeletable)).toBe(false);
      expect(await projects.findByIdInOrganization(organizationId, project.id)).toBeDefined();
    });
  });

  describe('prompts', () => {
    it('stores, filters by category, revises, and stays inside its organization', async () => {
      const ad = makePrompt({ organizationId, workspaceId, category: 'تبلیغات', now: later(1) });
      const blog = makePrompt({
        organizationId,
        workspaceId,
        category: 'وبلاگ',
        template: 'مقاله‌ای دربارهٔ {{موضوع}}',
        now: later(2),
      });
      await prompts.add(ad);
      await prompts.add(blog);

      expect((await prompts.listForWorkspace(organizationId, workspaceId)).map((p) => p.id)).toEqual([blog.id, ad.id]);
      expect((await prompts.listForWorkspace(organizationId, workspaceId, 'وبلاگ')).map((p) => p.variables)).toEqual([
        ['موضوع'],
      ]);
      expect(await prompts.listForWorkspace(randomUUID(), workspaceId)).toEqual([]);
      expect(await prompts.findByIdInOrganization(randomUUID(), ad.id)).toBeUndefined();

      ad.revise({ template: 'فقط {{شهر}}' }, later(3));
      await prompts.save(ad);
      expect((await prompts.findByIdInOrganization(organizationId, ad.id))?.snapshot()).toEqual(ad.snapshot());
    });

    it('deletes only inside its organization', async () => {
      const prompt = makePrompt({ organizationId, workspaceId });
      await prompts.add(prompt);
      expect(await prompts.delete(randomUUID(), prompt.id)).toBe(false);
      expect(await prompts.delete(organizationId, prompt.id)).toBe(true);
      expect(await prompts.findByIdInOrganization(organizationId, prompt.id)).toBeUndefined();
    });
  });
});

import { randomUUID } from 'node:crypto';
import { AI_BODY, makeContentIn } from '../../../../../test/factories/content.factory';
import {
  InMemoryContentPolicyRepository,
  InMemoryContentRepository,
} from '../../../../../test/fakes/content/in-memory-content.repositories';
import type { Caller } from '#libs/ddd';
import type { Content } from '../../../domain/content';
import type { ContentVersion } from '../../../domain/content-version';
import { ExportContentUseCase } from './export-content.use-case';
import { EXPORT_VERSION_BATCH } from './exported-versions';

async function all(versions: AsyncIterable<ContentVersion>): Promise<number[]> {
  const numbers: number[] = [];
  for await (const version of versions) numbers.push(version.number);
  return numbers;
}

describe('ExportContentUseCase', () => {
  const organizationId = randomUUID();
  const access: Caller = { userId: randomUUID(), organizationId, role: 'VIEWER' };
  let contents: InMemoryContentRepository;
  let policies: InMemoryContentPolicyRepository;
  let exportContent: ExportContentUseCase;
  let pages: jest.SpyInstance;

  beforeEach(() => {
    contents = new InMemoryContentRepository();
    policies = new InMemoryContentPolicyRepository();
    exportContent = new ExportContentUseCase(contents, policies);
    pages = jest.spyOn(contents, 'listVersionPage');
  });

  /** A content in REVIEW with `count` versions in all (one "ai", then manual ones). */
  async function storedWith(count: number): Promise<Content> {
    const content = makeContentIn('REVIEW', { organizationId });
    for (let i = 2; i <= count; i++) content.editManually({ body: `متن ${i}` }, content.createdBy, new Date());
    await contents.add(content);
    return content;
  }

  const edit = (content: Content, body: string) =>
    contents.update(organizationId, content.id, (c) => void c.editManually({ body }, c.createdBy, new Date()));

  it('reads the versions in batches by number, oldest first, as they are written out', async () => {
    const content = await storedWith(2 * EXPORT_VERSION_BATCH + 5);

    const exported = await exportContent.execute(access, content.id, { withVersions: true });

    expect(pages).toHaveBeenCalledTimes(1);
    expect(await all(exported.versions)).toEqual(Array.from({ length: 2 * EXPORT_VERSION_BATCH + 5 }, (_, i) => i + 1));
    expect(pages).toHaveBeenCalledTimes(3);
    for (const [, , page] of pages.mock.calls)
      expect(page).toMatchObject({ order: 'asc', limit: EXPORT_VERSION_BATCH });
  });

  it('leaves out versions written after the export started, as its content header does', async () => {
    const content = await storedWith(EXPORT_VERSION_BATCH + 1);

    const exported = await exportContent.execute(access, content.id, { withVersions: true });
    await edit(content, 'نسخهٔ تازه');

    expect(exported.content.currentVersion).toBe(EXPORT_VERSION_BATCH + 1);
    expect((await all(exported.versions)).at(-1)).toBe(EXPORT_VERSION_BATCH + 1);
  });

  it('reads no versions for the Markdown file', async () => {
    const content = await storedWith(3);

    const exported = await exportContent.execute(access, content.id, { withVersions: false });

    expect(await all(exported.versions)).toEqual([]);
    expect(pages).not.toHaveBeenCalled();
  });

  it('answers 404 for a content of another organization', async () => {
    const content = await storedWith(1);

    await expect(
      exportContent.execute({ userId: randomUUID(), organizationId: randomUUID(), role: 'ADMIN' }, content.id, {
        withVersions: true,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers 404, before anything is written, for a content deleted before its versions are read', async () => {
    const content = await storedWith(3);
    const read = contents.listVersionPage.bind(contents);
    pages.mockImplementationOnce(async (...args: Parameters<typeof read>) => {
      await contents.delete(organizationId, content.id, () => undefined);
      return read(...args);
    });

    await expect(exportContent.execute(access, content.id, { withVersions: true })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('breaks off with an error, rather than ending a file that looks whole, when the content is deleted meanwhile', async () => {
    const content = await storedWith(EXPORT_VERSION_BATCH + 3);
    const exported = await exportContent.execute(access, content.id, { withVersions: true });
    await contents.delete(organizationId, content.id, () => undefined);

    await expect(all(exported.versions)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  describe('redacted', () => {
    const PHONE = '۰۹۱۲۱۲۳۴۵۶۷';

    /** A content whose title, prompt, two versions and rejection reason hold personal data. */
    async function withPersonalData(): Promise<Content> {
      const content = makeContentIn('REVIEW', {
        organizationId,
        title: `تماس با ${PHONE}`,
        prompt: 'برای sara@example.com یک پیام بنویس',
      });
      content.editManually({ body: `با شماره ${PHONE} تماس بگیرید.` }, content.createdBy, new Date());
      content.reject(randomUUID(), 'Remove the address sara@example.com first', new Date());
      await contents.add(content);
      return content;
    }

    async function bodies(versions: AsyncIterable<ContentVersion>): Promise<string[]> {
      const out: string[] = [];
      for await (const version of versions) out.push(version.body);
      return out;
    }

    it('masks the content and each version when asked', async () => {
      const content = await withPersonalData();

      const exported = await exportContent.execute(access, content.id, { withVersions: true, redact: true });

      expect(exported.content).toMatchObject({
        title: 'تماس با [شماره همراه]',
        prompt: 'برای [ایمیل] یک پیام بنویس',
        body: 'با شماره [شماره همراه] تماس بگیرید.',
        lastReview: { decision: 'REJECTED', note: 'Remove the address [email] first' },
      });
      expect(await bodies(exported.versions)).toEqual([AI_BODY, 'با شماره [شماره همراه] تماس بگیرید.']);
    });

    it('masks every export where the content policy says so, even when not asked', async () => {
      const content = await withPersonalData();
      await policies.save({ ...(await policies.find(organizationId)), redactPiiInExports: true });

      const markdown = await exportContent.execute(access, content.id, { withVersions: false });
      const json = await exportContent.execute(access, content.id, { withVersions: true, redact: false });

      expect(markdown.content.body).toBe('با شماره [شماره همراه] تماس بگیرید.');
      expect(json.content.title).toBe('تماس با [شماره همراه]');
      expect((await bodies(json.versions)).join()).not.toContain(PHONE);
    });

    it('leaves everything as stored when neither the request nor the policy asks', async () => {
      const content = await withPersonalData();

      const exported = await exportContent.execute(access, content.id, { withVersions: true });

      expect(exported.content.title).toBe(`تماس با ${PHONE}`);
      expect((await bodies(exported.versions)).at(-1)).toBe(`با شماره ${PHONE} تماس بگیرید.`);
    });
  });
});

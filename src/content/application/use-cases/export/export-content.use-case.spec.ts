import { randomUUID } from 'node:crypto';
import { makeContentIn } from '../../../../../test/factories/content.factory';
import { InMemoryContentRepository } from '../../../../../test/fakes/content/in-memory-content.repositories';
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
  let exportContent: ExportContentUseCase;
  let pages: jest.SpyInstance;

  beforeEach(() => {
    contents = new InMemoryContentRepository();
    exportContent = new ExportContentUseCase(contents);
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
});

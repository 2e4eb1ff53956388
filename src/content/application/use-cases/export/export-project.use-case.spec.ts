import { randomUUID } from 'node:crypto';
import { makeContentIn, makeProject, T0 } from '../../../../../test/factories/content.factory';
import {
  InMemoryContentPolicyRepository,
  InMemoryContentRepository,
  InMemoryProjectRepository,
} from '../../../../../test/fakes/content/in-memory-content.repositories';
import type { Caller } from '#libs/ddd';
import type { Content } from '../../../domain/content';
import type { StreamedContentExport } from './content-export';
import { EXPORT_VERSION_BATCH } from './exported-versions';
import { EXPORT_CONTENT_BATCH, ExportProjectUseCase } from './export-project.use-case';

describe('ExportProjectUseCase', () => {
  const organizationId = randomUUID();
  const access: Caller = { userId: randomUUID(), organizationId, role: 'VIEWER' };
  const project = makeProject({ organizationId });
  let contents: InMemoryContentRepository;
  let policies: InMemoryContentPolicyRepository;
  let exportProject: ExportProjectUseCase;

  beforeEach(async () => {
    contents = new InMemoryContentRepository();
    policies = new InMemoryContentPolicyRepository();
    const projects = new InMemoryProjectRepository();
    await projects.add(project);
    exportProject = new ExportProjectUseCase(projects, contents, policies);
  });

  /** A content of the project in REVIEW with `count` versions in all, created `second` seconds after T0. */
  async function stored(count: number, second = 0): Promise<Content> {
    const content = makeContentIn('REVIEW', {
      organizationId,
      projectId: project.id,
      now: new Date(T0.getTime() + second * 1000),
    });
    for (let i = 2; i <= count; i++) content.editManually({ body: `متن ${i}` }, content.createdBy, T0);
    await contents.add(content);
    return content;
  }

  /** Every content's id and version numbers, each content's versions taken whole before the next content; `meanwhile` runs after each. */
  async function written(exported: AsyncIterable<StreamedContentExport>, meanwhile?: (index: number) => Promise<void>) {
    const out: { id: string; numbers: number[] }[] = [];
    for await (const { content, versions } of exported) {
      const numbers: number[] = [];
      for await (const version of versions) numbers.push(version.number);
      out.push({ id: content.id, numbers });
      await meanwhile?.(out.length - 1);
    }
    return out;
  }

  /** The project's contents as listForProject orders them: newest first, then by id, descending. */
  const newestFirst = (all: Content[]) =>
    all
      .map((content) => content.snapshot())
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
      .map((content) => content.id);

  it('writes each content’s versions as they are read, holding at most one batch of versions at a time', async () => {
    const many = 2 * EXPORT_VERSION_BATCH + 5;
    await Promise.all([stored(many, 1), stored(1, 2), stored(many, 3), stored(many, 4), stored(3, 5)]);
    const readPage = contents.listVersionPage.bind(contents);
    const pages = jest.spyOn(contents, 'listVersionPage');
    let read = 0;
    let taken = 0;
    let mostHeld = 0;
    pages.mockImplementation(async (...args) => {
      const page = await readPage(...args);
      read += page.length;
      return page;
    });

    const exported = await exportProject.execute(access, project.id);
    for await (const { versions } of exported) {
      for await (const _ of versions) {
        mostHeld = Math.max(mostHeld, read - taken);
        taken += 1;
      }
    }

    expect(taken).toBe(3 * many + 1 + 3);
    expect(read).toBe(taken);
    expect(mostHeld).toBe(EXPORT_VERSION_BATCH);
    for (const [, , page] of pages.mock.calls) expect(page.limit).toBe(EXPORT_VERSION_BATCH);
  });

  it('neither skips nor repeats a content when contents are created while it runs, across pages of contents', async () => {
    const all: Content[] = [];
    // Several contents a second, so that pages also end between contents created at the same time.
    for (let i = 0; i < 2 * EXPORT_CONTENT_BATCH + 7; i++) all.push(await stored(1, Math.floor(i / 3)));

    const out = await written(await exportProject.execute(access, project.id), async (index) => {
      if (index % 50 === 0) await stored(1, 10_000 + index);
    });

    expect(out.map((content) => content.id)).toEqual(newestFirst(all));
  });

  it('leaves out a content deleted before the export reaches it', async () => {
    const [newest, deleted, oldest] = [await stored(2, 3), await stored(2, 2), await stored(2, 1)];

    const out = await written(await exportProject.execute(access, project.id), async (index) => {
      if (index === 0) await contents.delete(organizationId, deleted.id, () => undefined);
    });

    expect(out).toEqual([
      { id: newest.id, numbers: [1, 2] },
      { id: oldest.id, numbers: [1, 2] },
    ]);
  });

  it('masks each content and each of its versions when asked, or always where the content policy says so', async () => {
    const phone = '۰۹۱۲۱۲۳۴۵۶۷';
    const content = await stored(EXPORT_VERSION_BATCH + 2);
    await contents.update(organizationId, content.id, (c) => void c.editManually({ body: `تماس: ${phone}` }, 'u', T0));
    const texts = async (exported: AsyncIterable<StreamedContentExport>) => {
      const out: string[] = [];
      for await (const { content: view, versions } of exported) {
        out.push(view.body ?? '');
        for await (const version of versions) out.push(version.body);
      }
      return out;
    };

    const plain = await texts(await exportProject.execute(access, project.id));
    const asked = await texts(await exportProject.execute(access, project.id, { redact: true }));
    await policies.save({ ...(await policies.find(organizationId)), redactPiiInExports: true });
    const forced = await texts(await exportProject.execute(access, project.id, { redact: false }));

    expect(plain.filter((text) => text.includes(phone))).toHaveLength(2);
    expect(asked).toEqual(plain.map((text) => text.replace(phone, '[شماره همراه]')));
    expect(forced).toEqual(asked);
  });
});

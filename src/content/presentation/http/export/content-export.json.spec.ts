import { makeContentIn } from '../../../../../test/factories/content.factory';
import { toContentView } from '../../../application/ports/content.repository';
import type { ContentExport, StreamedContentExport } from '../../../application/use-cases/export/content-export';
import type { Content } from '../../../domain/content';
import type { ContentVersion } from '../../../domain/content-version';
import { contentExportJson, contentExportJsonText, projectExportJsonText } from './content-export.json';

async function* each(versions: ContentVersion[]): AsyncIterable<ContentVersion> {
  yield* versions;
}

async function written(chunks: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const chunk of chunks) out.push(chunk);
  return out;
}

/** A content with `count` more manual versions, whose bodies hold what JSON must escape. */
function withVersions(count: number): { content: Content; versions: ContentVersion[] } {
  const content = makeContentIn('APPROVED', { title: 'عنوان «ویژه» "نقل‌قول"\n\\ خط دوم' });
  const versions = content.pullNewVersions();
  const reopened = makeContentIn('REVIEW');
  versions.push(...reopened.pullNewVersions());
  for (let i = 1; i <= count; i++) {
    reopened.editManually(
      { body: `نسخهٔ ${i}: "نقل‌قول" \\ \t تب\nخط دوم 🙂 \u2028 </script> ${'ـ'.repeat(i)}` },
      content.createdBy,
      new Date(Date.UTC(2026, 10, 24, 10, 0, i)),
    );
  }
  versions.push(...reopened.pullNewVersions());
  return { content, versions };
}

describe('contentExportJsonText', () => {
  it.each([0, 1, 5])(
    'writes exactly what JSON.stringify writes for the whole export, with %i more versions',
    async (count) => {
      const { content, versions } = withVersions(count);
      const view = toContentView(content);

      const text = (await written(contentExportJsonText(view, each(versions)))).join('');

      expect(text).toBe(JSON.stringify(contentExportJson({ content: view, versions }), null, 2));
    },
  );

  it('writes the export of a content without versions as JSON.stringify does', async () => {
    const view = toContentView(makeContentIn('DRAFT'));

    const text = (await written(contentExportJsonText(view, each([])))).join('');

    expect(text).toBe(JSON.stringify(contentExportJson({ content: view, versions: [] }), null, 2));
    expect(text.endsWith('  "versions": []\n}')).toBe(true);
  });

  it.each([0, 1, 5])(
    'writes compact, exactly as JSON.stringify without indent, with %i more versions',
    async (count) => {
      const { content, versions } = withVersions(count);
      const view = toContentView(content);

      const text = (await written(contentExportJsonText(view, each(versions), 0))).join('');

      expect(text).toBe(JSON.stringify(contentExportJson({ content: view, versions })));
    },
  );

  it('writes one chunk per version, after the content, as the versions arrive', async () => {
    const { content, versions } = withVersions(3);

    const chunks = await written(contentExportJsonText(toContentView(content), each(versions)));

    expect(chunks).toHaveLength(versions.length + 2);
    expect(chunks[1]).toContain(`"number": ${versions[0]?.number}`);
  });
});

describe('projectExportJsonText', () => {
  /** The project export as it was written before it was streamed: each content's compact JSON whole, one a line. */
  const wholeArray = (exports: ContentExport[]): string =>
    `[${exports.map((exported, i) => `${i ? ',' : ''}\n${JSON.stringify(contentExportJson(exported))}`).join('')}${
      exports.length ? '\n]\n' : ']\n'
    }`;

  async function* streamed(exports: ContentExport[]): AsyncIterable<StreamedContentExport> {
    for (const { content, versions } of exports) yield { content, versions: each(versions) };
  }

  it('writes exactly the array of compact contents it wrote whole, for contents with many, few and no versions', async () => {
    const exports = [
      withVersions(40),
      { content: makeContentIn('DRAFT'), versions: [] },
      withVersions(0),
      withVersions(25),
    ].map(({ content, versions }): ContentExport => ({ content: toContentView(content), versions }));

    const text = (await written(projectExportJsonText(streamed(exports)))).join('');

    expect(text).toBe(wholeArray(exports));
    expect(JSON.parse(text)).toHaveLength(4);
  });

  it('writes an empty project as []', async () => {
    expect((await written(projectExportJsonText(streamed([])))).join('')).toBe('[]\n');
  });
});

import type { ContentView } from '../../../application/ports/content.repository';
import type { ContentExport, StreamedContentExport } from '../../../application/use-cases/export/content-export';
import type { ContentVersion } from '../../../domain/content-version';
import { ContentResponseDto, ContentVersionResponseDto } from '../dto/content.dto';

/** The JSON export of a content: the content as the API shows it, with all its versions. */
export function contentExportJson(
  exported: ContentExport,
): ContentResponseDto & { versions: ContentVersionResponseDto[] } {
  return {
    ...ContentResponseDto.from(exported.content),
    versions: exported.versions.map((version) => ContentVersionResponseDto.from(version)),
  };
}

/**
 * A content's JSON export, exactly `JSON.stringify(contentExportJson(…), null, indent)`, written a
 * version at a time as the versions arrive: `indent` 2 for the single-content file, 0 (compact) for
 * an element of the project's array. `versions` is the last key, so the content's own keys come
 * first and each version is an object at depth two. A JSON text holds no raw line break, so
 * indenting after each one indents exactly the object's lines.
 */
export async function* contentExportJsonText(
  content: ContentView,
  versions: AsyncIterable<ContentVersion>,
  indent: 0 | 2 = 2,
): AsyncIterable<string> {
  /** A line break and the indentation of `depth`: nothing at all when compact. */
  const line = (depth: number) => (indent ? `\n${' '.repeat(depth * indent)}` : '');
  const head = JSON.stringify(ContentResponseDto.from(content), null, indent);
  yield `${head.slice(0, -`${line(0)}}`.length)},${line(1)}"versions":${indent ? ' ' : ''}[`;
  let first = true;
  for await (const version of versions) {
    const text = JSON.stringify(ContentVersionResponseDto.from(version), null, indent).replaceAll('\n', line(2));
    yield `${first ? '' : ','}${line(2)}${text}`;
    first = false;
  }
  yield first ? `]${line(0)}}` : `${line(1)}]${line(0)}}`;
}

/**
 * The project's JSON export: its contents' compact exports (as contentExportJson, versions and all),
 * one a line, in a JSON array ending with a line break (`[]\n` when empty); each content is written
 * as its versions arrive, so the file is never held whole.
 */
export async function* projectExportJsonText(contents: AsyncIterable<StreamedContentExport>): AsyncIterable<string> {
  let first = true;
  yield '[';
  for await (const { content, versions } of contents) {
    yield first ? '\n' : ',\n';
    yield* contentExportJsonText(content, versions, 0);
    first = false;
  }
  yield first ? ']\n' : '\n]\n';
}

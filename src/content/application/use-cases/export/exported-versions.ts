import { NotFoundError } from '#libs/ddd';
import type { ContentVersion } from '../../../domain/content-version';
import type { ContentRepository, ContentView } from '../../ports/content.repository';

/** Versions read at a time: at most 20 bodies of 200 000 characters are held while they are written out. */
export const EXPORT_VERSION_BATCH = 20;

/**
 * The versions of a content for an export, oldest first, read EXPORT_VERSION_BATCH at a time by
 * number while they are written out, so memory stays bounded however many there are. They stop at
 * the content's current version as it was read (`content`): versions written meanwhile are left
 * out, so the file agrees with the content written above them.
 *
 * The first batch is read here, before anything of the content is written: undefined when there is
 * none although the content counted some, because it was deleted meanwhile. A content deleted
 * later, while its versions are written out, breaks the iteration off with a NotFoundError rather
 * than ending a file that would look whole.
 */
export async function readExportedVersions(
  contents: ContentRepository,
  organizationId: string,
  content: Pick<ContentView, 'id' | 'currentVersion'>,
): Promise<AsyncIterable<ContentVersion> | undefined> {
  const { id, currentVersion: last } = content;
  const page = (after: number) =>
    contents.listVersionPage(organizationId, id, {
      order: 'asc',
      after,
      before: last + 1,
      limit: EXPORT_VERSION_BATCH,
    });

  async function* versionsFrom(first: ContentVersion[]): AsyncIterable<ContentVersion> {
    let batch = first;
    for (;;) {
      yield* batch;
      const reached = batch.at(-1)?.number ?? last;
      if (reached >= last) return;
      if (batch.length < EXPORT_VERSION_BATCH) break;
      batch = await page(reached);
      if (!batch.length) break;
    }
    // Fewer versions than the content counted: deleted while it was written out.
    if (!(await contents.findOrganizationIdOf(id))) throw new NotFoundError('Content');
  }

  if (last < 1) return noVersions();
  const first = await page(0);
  return first.length ? versionsFrom(first) : undefined;
}

/** An export without versions (the Markdown file, or a content that has none yet). */
export async function* noVersions(): AsyncIterable<ContentVersion> {
  yield* [];
}

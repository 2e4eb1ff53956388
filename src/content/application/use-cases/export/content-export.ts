import type { ContentView } from '../../ports/content.repository';
import type { ContentVersion } from '../../../domain/content-version';

/** A content with every version it kept: what an export writes out. */
export interface ContentExport {
  content: ContentView;
  versions: ContentVersion[];
}

/** A content with its versions read as they are written out, a batch at a time, oldest first. */
export interface StreamedContentExport {
  content: ContentView;
  versions: AsyncIterable<ContentVersion>;
}

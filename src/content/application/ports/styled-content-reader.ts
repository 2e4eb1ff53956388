import type { GlossaryEntry } from '../../domain/style';
import type { ContentView } from './content.repository';

/**
 * A content as a read model with its organization's glossary, in one statement: what GET
 * /contents/:id checks the style of (its current body against the glossary of today).
 */
export abstract class StyledContentReader {
  abstract findViewWithGlossary(
    organizationId: string,
    contentId: string,
  ): Promise<{ content: ContentView; glossary: GlossaryEntry[] } | undefined>;
}

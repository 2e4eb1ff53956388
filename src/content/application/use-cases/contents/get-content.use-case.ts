import { Injectable } from '@nestjs/common';
import { NotFoundError, type Caller } from '#libs/ddd';
import { checkStyle, type StyleReport } from '../../../domain/style';
import type { ContentView } from '../../ports/content.repository';
import { StyledContentReader } from '../../ports/styled-content-reader';

/**
 * A content with the style issues of its current body. The style is checked on each read (the body's
 * length bounds it; ~0.2 ms for 20 KB), against the organization's glossary read in the same
 * statement as the row, so a glossary change applies at once and nothing needs recomputing.
 */
@Injectable()
export class GetContentUseCase {
  constructor(private readonly contents: StyledContentReader) {}

  async execute(caller: Caller, contentId: string): Promise<ContentView & { style: StyleReport }> {
    const found = await this.contents.findViewWithGlossary(caller.organizationId, contentId);
    if (!found) throw new NotFoundError('Content');
    return { ...found.content, style: checkStyle(found.content.body ?? '', found.glossary) };
  }
}

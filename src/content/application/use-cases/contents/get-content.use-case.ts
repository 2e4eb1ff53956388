import { Injectable } from '@nestjs/common';
import { NotFoundError, type Caller } from '#libs/ddd';
import { checkStyle, type GlossaryEntry, type StyleReport } from '../../../domain/style';
import type { ContentView } from '../../ports/content.repository';
import { StyledContentReader } from '../../ports/styled-content-reader';

/** Reports kept per process, by content version and glossary; the oldest goes first. */
const CACHED_REPORTS = 1_000;
/** A report with more issues than this is not kept (it is rare, and large). */
const CACHED_ISSUES = 100;

/**
 * A content with the style issues of its current body, checked against the organization's glossary
 * read in the same statement as the row, so a glossary change applies at once and nothing stored needs
 * recomputing. The check is linear in the body (see the README for its cost); the last reports are
 * kept in memory by content, version and glossary, so a content read again costs a map lookup.
 */
@Injectable()
export class GetContentUseCase {
  private readonly reports = new Map<string, { glossary: string; report: StyleReport }>();

  constructor(private readonly contents: StyledContentReader) {}

  async execute(caller: Caller, contentId: string): Promise<ContentView & { style: StyleReport }> {
    const found = await this.contents.findViewWithGlossary(caller.organizationId, contentId);
    if (!found) throw new NotFoundError('Content');
    return { ...found.content, style: this.styleOf(found.content, found.glossary) };
  }

  private styleOf(content: ContentView, glossary: GlossaryEntry[]): StyleReport {
    const key = `${content.id}:${content.currentVersion}`;
    const glossaryText = glossary.length ? JSON.stringify(glossary) : '';
    const cached = this.reports.get(key);
    if (cached?.glossary === glossaryText) return cached.report;
    const report = checkStyle(content.body ?? '', glossary);
    this.reports.delete(key);
    if (report.issues.length <= CACHED_ISSUES) {
      this.reports.set(key, { glossary: glossaryText, report });
      if (this.reports.size > CACHED_REPORTS) this.reports.delete(this.reports.keys().next().value!);
    }
    return report;
  }
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import type { ContentView } from '../../../application/ports/content.repository';
import {
  GLOSSARY_LIMITS,
  STYLE_RULES,
  type GlossaryEntry,
  type StyleReport,
  type StyleRule,
} from '../../../domain/style';
import { ContentResponseDto } from './content.dto';
import { SCAN_TEXT_MAX_LENGTH } from './pii.dto';

export class StyleIssueDto {
  @ApiProperty({
    enum: STYLE_RULES,
    example: 'zwnj-mi',
    description:
      '`zwnj-mi` «می شود»/«میشود» → «می‌شود»; `zwnj-ha` «کتاب ها»/«کتابها» → «کتاب‌ها»; `zwnj-tar` «بزرگ تر»/«بزرگتر» → «بزرگ‌تر» ' +
      '(«ترین» too); `arabic-letters` ي ى ك → ی ک; `latin-punctuation` , ; ? between Persian words → ، ؛ ؟; `mixed-digits` a number ' +
      'in two digit scripts → all Persian (Persian text) or all Latin; `double-space` two or more spaces beside Persian → one; ' +
      "`glossary-forbidden` a term the organization's glossary forbids (suggestion: its preferred term, or empty to remove it); " +
      '`glossary-preferred` a term the glossary prefers written otherwise',
  })
  rule!: StyleRule;

  @ApiProperty({
    description: 'UTF-16 offset of the first character: `text.slice(start, end)` is what to replace',
    example: 15,
  })
  start!: number;

  @ApiProperty({ description: 'UTF-16 offset just after the last character', example: 21 })
  end!: number;

  @ApiProperty({ description: 'What replaces `text.slice(start, end)`; empty removes it', example: 'می‌شود' })
  suggestion!: string;
}

export class StyleReportDto {
  @ApiProperty({
    type: [StyleIssueDto],
    description:
      'In text order, never overlapping (where two rules meet, the glossary and then the zero-width non-joiner rules win; ' +
      'applying the winner leaves the rest to the next check); at most 1,000',
  })
  issues!: StyleIssueDto[];

  static from(report: StyleReport): StyleReportDto {
    return { issues: report.issues.map(({ rule, start, end, suggestion }) => ({ rule, start, end, suggestion })) };
  }
}

export class CheckStyleRequestDto {
  @ApiProperty({
    description: 'Any text: Persian, English or mixed. English gets no Persian-rule issues.',
    maxLength: SCAN_TEXT_MAX_LENGTH,
    example: 'این متن بزرگ تر می شود, اما کتاب ها ...',
  })
  @IsString()
  @MaxLength(SCAN_TEXT_MAX_LENGTH)
  text!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "An organization of the caller's: its glossary applies (404 NOT_FOUND for any other)",
  })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}

export class GlossaryEntryDto {
  @ApiProperty({
    maxLength: GLOSSARY_LIMITS.termLength,
    example: 'اپلیکیشن',
    description:
      'A word or phrase, matched as whole words however it is typed (Arabic ي/ك, zero-width non-joiner or space, Latin case); ' +
      'no two terms of a glossary may be the same that way',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(GLOSSARY_LIMITS.termLength)
  term!: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: GLOSSARY_LIMITS.termLength,
    example: 'برنامه',
    description:
      'What to write instead: the suggestion of a forbidden term, or (not forbidden) the preferred form, suggested softly as ' +
      '`glossary-preferred`. Absent or null: a forbidden term is suggested removed; a term neither forbidden nor with a ' +
      'preferred form is accepted as written, and the built-in rules leave it alone.',
  })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsString()
  @MaxLength(GLOSSARY_LIMITS.termLength)
  preferred?: string | null;

  @ApiProperty({ description: 'The term must not be used (`glossary-forbidden`)', example: true })
  @IsBoolean()
  forbidden!: boolean;
}

export class GlossaryEntryResponseDto {
  @ApiProperty({ example: 'اپلیکیشن' })
  term!: string;

  @ApiProperty({ type: String, nullable: true, example: 'برنامه' })
  preferred!: string | null;

  @ApiProperty({ example: true })
  forbidden!: boolean;

  static from(entry: GlossaryEntry): GlossaryEntryResponseDto {
    return { term: entry.term, preferred: entry.preferred, forbidden: entry.forbidden };
  }
}

/** GET /contents/:id: the content and the style issues of its current body. */
export class ContentDetailResponseDto extends ContentResponseDto {
  @ApiProperty({
    type: StyleReportDto,
    description:
      "Persian style issues of the current body (offsets as `pii`'s) and the organization's glossary terms, checked on " +
      'each read against the glossary of now; no body, no issues',
  })
  style!: StyleReportDto;

  static withStyle(view: ContentView & { style: StyleReport }): ContentDetailResponseDto {
    return { ...ContentResponseDto.from(view), style: StyleReportDto.from(view.style) };
  }
}

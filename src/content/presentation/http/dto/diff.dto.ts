import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { wholeNumber } from '#libs/http';
import type { VersionComparison } from '../../../application/use-cases/contents/compare-content-versions.use-case';
import { VERSION_SOURCES, type VersionSource } from '../../../domain/content-status';
import type { ContentVersion } from '../../../domain/content-version';
import type { DiffLine, TextPart } from '../../../domain/version-diff';

export class DiffQueryDto {
  @ApiProperty({ description: 'The older version number (Persian digits accepted)', example: 1 })
  @Transform(wholeNumber)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  from!: number;

  @ApiProperty({ description: 'The newer version number (Persian digits accepted)', example: 2 })
  @Transform(wholeNumber)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  to!: number;
}

export class DiffVersionDto {
  number!: number;

  @ApiProperty({ enum: VERSION_SOURCES })
  source!: VersionSource;

  model!: string | null;

  @ApiProperty({ format: 'uuid' })
  createdBy!: string;

  createdAt!: string;

  static from(version: ContentVersion): DiffVersionDto {
    return {
      number: version.number,
      source: version.source,
      model: version.model,
      createdBy: version.createdBy,
      createdAt: version.createdAt.toISOString(),
    };
  }
}

export class DiffSegmentDto {
  @ApiProperty({
    enum: ['equal', 'added', 'removed'],
    description: 'equal: in both versions; removed: only in `from`; added: only in `to`',
  })
  type!: TextPart['kind'];

  @ApiProperty({ description: 'Whole words with their spaces and punctuation' })
  text!: string;
}

export class DiffLineDto {
  @ApiProperty({ enum: ['unchanged', 'changed', 'added', 'removed'] })
  type!: DiffLine['type'];

  @ApiPropertyOptional({ description: 'Line number in `from` (1-based); absent for added lines' })
  fromLine?: number;

  @ApiPropertyOptional({ description: 'Line number in `to` (1-based); absent for removed lines' })
  toLine?: number;

  @ApiPropertyOptional({ description: 'The line, for unchanged, added and removed lines' })
  text?: string;

  @ApiPropertyOptional({
    type: [DiffSegmentDto],
    description: 'For changed lines: the words, in order, each equal, removed or added',
  })
  segments?: DiffSegmentDto[];
}

export class DiffStatsDto {
  unchanged!: number;

  changed!: number;

  added!: number;

  removed!: number;
}

/**
 * Rendering-neutral: no "+"/"-" markers inside the text, so a client lays it out right to left
 * (or side by side) as it reads.
 */
export class ContentDiffResponseDto {
  from!: DiffVersionDto;

  to!: DiffVersionDto;

  @ApiProperty({ type: DiffStatsDto, description: 'Number of lines of each type' })
  stats!: DiffStatsDto;

  lines!: DiffLineDto[];

  static from(comparison: VersionComparison): ContentDiffResponseDto {
    return {
      from: DiffVersionDto.from(comparison.from),
      to: DiffVersionDto.from(comparison.to),
      stats: { ...comparison.stats },
      lines: comparison.lines.map((line) =>
        line.type === 'changed'
          ? {
              type: line.type,
              fromLine: line.fromLine,
              toLine: line.toLine,
              segments: line.segments.map((segment) => ({ type: segment.kind, text: segment.value })),
            }
          : { ...line },
      ),
    };
  }
}

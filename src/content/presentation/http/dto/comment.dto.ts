import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import type { AnchoredCommentView, CommentView } from '../../../application/use-cases/comments/comment-view';
import { COMMENT_LIMITS } from '../../../domain/comments/comment';
import { MAX_VERSION_NUMBER } from '../../../domain/content-version';

export class CreateCommentDto {
  @ApiProperty({ description: 'The version whose body the range is of (the one the reviewer read)', example: 2 })
  @IsInt()
  @Min(1)
  @Max(MAX_VERSION_NUMBER)
  version!: number;

  @ApiProperty({
    description:
      "Where the range starts in that version's body, in UTF-16 code units (JavaScript string offsets, like `pii`). " +
      'Out-of-range values answer 400 COMMENT_RANGE_INVALID.',
    example: 12,
  })
  @IsInt()
  start!: number;

  @ApiProperty({ description: 'Where the range ends (exclusive): `body.slice(start, end)` is the quote', example: 30 })
  @IsInt()
  end!: number;

  @ApiProperty({ example: 'این جمله با لحن برند نمی‌خواند.', maxLength: COMMENT_LIMITS.body })
  @IsString()
  @Matches(/\S/, { message: 'body must not be empty' })
  @MaxLength(COMMENT_LIMITS.body)
  body!: string;
}

export class CommentAnchorDto {
  @ApiProperty({ description: 'The current version of the content', example: 3 })
  version!: number;

  @ApiProperty({ description: 'Start of the quoted text in the current body (UTF-16 code units)' })
  start!: number;

  @ApiProperty({ description: 'End (exclusive) of the quoted text in the current body' })
  end!: number;
}

export class CommentResponseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  contentId!: string;

  @ApiProperty({ description: 'The version the range was selected in' })
  version!: number;

  @ApiProperty({ description: "Start of the range in that version's body (UTF-16 code units)" })
  start!: number;

  @ApiProperty({ description: 'End of the range (exclusive)' })
  end!: number;

  @ApiProperty({ description: "The commented text: that version's body.slice(start, end)" })
  quote!: string;

  body!: string;

  @ApiProperty({ format: 'uuid' })
  authorId!: string;

  resolved!: boolean;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Who resolved it (null until then)' })
  resolvedBy!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  resolvedAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  static from(view: CommentView): CommentResponseDto {
    return {
      id: view.id,
      contentId: view.contentId,
      version: view.version,
      start: view.start,
      end: view.end,
      quote: view.quote,
      body: view.body,
      authorId: view.authorId,
      resolved: view.resolved,
      resolvedBy: view.resolvedBy,
      resolvedAt: view.resolvedAt?.toISOString() ?? null,
      createdAt: view.createdAt.toISOString(),
    };
  }
}

export class AnchoredCommentResponseDto extends CommentResponseDto {
  @ApiProperty({
    type: CommentAnchorDto,
    nullable: true,
    description:
      'Where the quoted text is in the current version, followed through the edits since `version`; null once it is gone',
  })
  anchor!: CommentAnchorDto | null;

  static fromAnchored(view: AnchoredCommentView): AnchoredCommentResponseDto {
    return {
      ...CommentResponseDto.from(view),
      anchor: view.anchor && { version: view.anchor.version, start: view.anchor.start, end: view.anchor.end },
    };
  }
}

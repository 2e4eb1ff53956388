import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import type { Page } from '#libs/ddd';
import { PageQueryDto, pageOf, PageResponseDto } from '#libs/http';
import type { MyReview } from '../../../application/use-cases/reviews/list-my-reviews.use-case';

/** `?overdue=true|false`: anything else stays as sent, and is refused by @IsBoolean. */
const queryBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class MyReviewsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Only this organization. One where you are not ADMIN (or not a member) gives an empty list, not an error: it filters your own inbox',
  })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({
    type: Boolean,
    description:
      'true: only overdue reviews (`reviewDueAt` before now); false: only the others (no due date, or not passed yet); absent: all',
  })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  overdue?: boolean;
}

export class ReviewItemDto {
  @ApiProperty({ format: 'uuid' })
  contentId!: string;

  title!: string;

  @ApiProperty({ format: 'uuid' })
  projectId!: string;

  @ApiProperty({ format: 'uuid' })
  workspaceId!: string;

  @ApiProperty({ format: 'uuid' })
  organizationId!: string;

  @ApiProperty({ example: 2, description: 'The version under review (the current one)' })
  version!: number;

  @ApiProperty({ format: 'date-time', description: 'When the content entered REVIEW this time' })
  waitingSince!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The review due date, if set' })
  reviewDueAt!: string | null;

  @ApiProperty({ description: '`reviewDueAt` has passed (at the time of the answer)' })
  overdue!: boolean;

  static from(review: MyReview): ReviewItemDto {
    return {
      contentId: review.contentId,
      title: review.title,
      projectId: review.projectId,
      workspaceId: review.workspaceId,
      organizationId: review.organizationId,
      version: review.version,
      waitingSince: review.waitingSince.toISOString(),
      reviewDueAt: review.reviewDueAt?.toISOString() ?? null,
      overdue: review.overdue,
    };
  }
}

export class ReviewPageResponseDto extends PageResponseDto(ReviewItemDto) {
  static from(page: Page<MyReview>): ReviewPageResponseDto {
    return pageOf(page, (item) => ReviewItemDto.from(item));
  }
}

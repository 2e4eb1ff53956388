import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { toLatinDigits, type Page } from '#libs/ddd';
import { IsIsoDateOrInstant, IsIsoInstant, PageQueryDto, pageOf, PageResponseDto, trim, wholeNumber } from '#libs/http';
import type { ContentView } from '../../../application/ports/content.repository';
import type { ContentEdit } from '../../../application/use-cases/contents/edit-content.use-case';
import {
  DEFAULT_VERSION_PAGE_LIMIT,
  MAX_VERSION_PAGE_LIMIT,
} from '../../../application/use-cases/contents/list-content-versions.use-case';
import { CONTENT_LIMITS } from '../../../domain/content';
import {
  CONTENT_STATUSES,
  REJECTION_CATEGORIES,
  VERSION_SOURCES,
  type ContentStatus,
  type RejectionCategory,
  type VersionSource,
} from '../../../domain/content-status';
import { MAX_VERSION_NUMBER, type ContentVersion } from '../../../domain/content-version';
import { PiiReportDto } from './pii.dto';
import { IsStringMap, NotBefore, NotWith, Optional } from './validators';

const MODEL_PATTERN = /^[A-Za-z0-9._:/-]{1,100}$/;

export class CreateContentDto {
  @ApiProperty({ example: 'معرفی گوشی جدید', maxLength: CONTENT_LIMITS.title })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(CONTENT_LIMITS.title)
  title!: string;

  @ApiPropertyOptional({
    example: 'یک متن کوتاه و صمیمی برای معرفی گوشی «آوا ۵» بنویس.',
    maxLength: CONTENT_LIMITS.prompt,
    description: 'The prompt written out. Send this, or promptId (with variables).',
  })
  @ValidateIf((dto: CreateContentDto) => dto.prompt !== undefined || dto.promptId === undefined)
  @Transform(trim)
  @IsString({ message: 'send prompt, or promptId with variables' })
  @IsNotEmpty()
  @MaxLength(CONTENT_LIMITS.prompt)
  prompt?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'A prompt template of the same organization (404 otherwise), rendered with `variables`',
  })
  @Optional()
  @IsUUID()
  @NotWith('prompt')
  promptId?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { نام_محصول: 'آوا ۵', لحن: 'صمیمی' },
    description:
      'Values for the template variables. Every variable needs a non-blank value (else 400 TEMPLATE_VARIABLE_MISSING with details.missing); values for names the template does not use are ignored.',
  })
  @Optional()
  @IsStringMap(100, 10_000)
  @NotWith('prompt', { message: 'variables go with promptId, not with prompt' })
  variables?: Record<string, string>;

  @ApiPropertyOptional({ example: 'gpt-4.1-mini', description: 'Default: OPENAI_DEFAULT_MODEL' })
  @IsOptional()
  @IsString()
  @Matches(MODEL_PATTERN, { message: 'model must be 1–100 letters, digits or . _ : / -' })
  model?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: CONTENT_LIMITS.maxTemperature, description: "Default: the model's own" })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(CONTENT_LIMITS.maxTemperature)
  temperature?: number;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: CONTENT_LIMITS.maxTokens,
    description: "Most tokens the answer may have. Default: the model's own limit",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(CONTENT_LIMITS.maxTokens)
  maxTokens?: number;
}

export class UpdateContentDto {
  @ApiPropertyOptional({ maxLength: CONTENT_LIMITS.title })
  @Optional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(CONTENT_LIMITS.title)
  title?: string;

  @ApiPropertyOptional({
    maxLength: CONTENT_LIMITS.body,
    description: 'A changed body is kept as a new version with source "manual"; the status does not change',
  })
  @Optional()
  @IsString()
  @Matches(/\S/, { message: 'body must not be empty' })
  @MaxLength(CONTENT_LIMITS.body)
  body?: string;

  @ApiPropertyOptional({
    maxLength: CONTENT_LIMITS.prompt,
    description: 'A hand-edited prompt no longer comes from a template: promptId and variables become null',
  })
  @Optional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(CONTENT_LIMITS.prompt)
  prompt?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2026-12-01T17:00:00+03:30',
    description:
      'When the review should be done by: an instant with its offset (a date alone is refused), or null to clear it. ' +
      'Allowed in every status but APPROVED (409 CONTENT_INVALID_TRANSITION), also alone while a generation runs. ' +
      'A content in REVIEW past this instant is overdue: `GET /me/reviews?overdue=true` lists it and the webhook ' +
      '`content.review_overdue` is sent once for this due date (a new due date is announced again once it passes). Persian digits accepted',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? toLatinDigits(value.trim()) : value))
  @IsIsoInstant()
  reviewDueAt?: string | null;

  /** The edit for the use case: the due date as a Date (null clears it). */
  static toEdit(dto: UpdateContentDto): ContentEdit {
    const { reviewDueAt, ...text } = dto;
    return {
      ...text,
      ...(reviewDueAt !== undefined && { reviewDueAt: reviewDueAt === null ? null : new Date(reviewDueAt) }),
    };
  }
}

export class ApproveContentDto {
  @ApiProperty({
    example: 3,
    minimum: 1,
    maximum: MAX_VERSION_NUMBER,
    description:
      'The number of the version the reviewer read (`currentVersion` of the content they saw). 409 CONTENT_VERSION_STALE ' +
      '(`details.currentVersion`) when it is no longer the current version',
  })
  @IsInt()
  @Min(1)
  @Max(MAX_VERSION_NUMBER)
  version!: number;

  @ApiPropertyOptional({ example: 'عالی است؛ منتشر شود.', maxLength: CONTENT_LIMITS.reviewNote })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(CONTENT_LIMITS.reviewNote)
  comment?: string;
}

export class RejectContentDto {
  @ApiProperty({ example: 'لحن متن رسمی نیست؛ دوباره بنویسید.', maxLength: CONTENT_LIMITS.reviewNote })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(CONTENT_LIMITS.reviewNote)
  reason!: string;

  @ApiPropertyOptional({
    enum: REJECTION_CATEGORIES,
    default: 'OTHER',
    description: 'Why the text is rejected; OTHER when absent',
  })
  @IsOptional()
  @IsIn(REJECTION_CATEGORIES)
  category?: RejectionCategory;

  @ApiPropertyOptional({
    example: 3,
    minimum: 1,
    maximum: MAX_VERSION_NUMBER,
    description:
      'The number of the version the reviewer read; when given, 409 CONTENT_VERSION_STALE (`details.currentVersion`) unless it is the current one',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_VERSION_NUMBER)
  version?: number;
}

export class ListContentsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: CONTENT_STATUSES,
    isArray: true,
    example: ['REVIEW', 'REJECTED'],
    description: 'Only these statuses: the parameter repeated, or several separated by commas (`REVIEW,REJECTED`).',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => listOf(value))
  @IsArray()
  @ArrayMaxSize(CONTENT_STATUSES.length)
  @IsIn(CONTENT_STATUSES, { each: true })
  status?: ContentStatus[];

  @ApiPropertyOptional({
    description:
      'Words to find in the title, prompt or body, each as the start of a word, all of them (Persian or English; Arabic ي/ك, zero-width non-joiners, diacritics and digit scripts do not matter)',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only contents created by this user' })
  @IsOptional()
  @IsUUID()
  createdBy?: string;

  @ApiPropertyOptional({
    example: '2026-11-01',
    description:
      'Created at or after this date (`2026-11-01`) or instant with an offset (`2026-11-01T10:00:00Z`); other ISO 8601 forms are refused. Persian digits accepted',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? toLatinDigits(value.trim()) : value))
  @IsIsoDateOrInstant()
  from?: string;

  @ApiPropertyOptional({
    example: '2026-11-30',
    description:
      'Created before this instant with an offset (exclusive), or on or before this date when only a date is given (`2026-11-30`); other ISO 8601 forms are refused. Persian digits accepted',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? toLatinDigits(value.trim()) : value))
  @IsIsoDateOrInstant()
  @NotBefore('from')
  to?: string;
}

export const VERSION_ORDERS = ['asc', 'desc'] as const;

/** `GET /contents/:id/versions`: a page of versions, by a keyset on their numbers. */
export class ListVersionsQueryDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_VERSION_PAGE_LIMIT,
    default: DEFAULT_VERSION_PAGE_LIMIT,
    description: 'Versions per page (Persian digits accepted)',
  })
  @IsOptional()
  @Transform(wholeNumber)
  @IsInt()
  @Min(1)
  @Max(MAX_VERSION_PAGE_LIMIT)
  limit?: number;

  @ApiPropertyOptional({
    enum: VERSION_ORDERS,
    default: 'asc',
    description: 'asc: oldest first (the order the list always had); desc: newest first',
  })
  @IsOptional()
  @IsIn(VERSION_ORDERS)
  order?: (typeof VERSION_ORDERS)[number];

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: MAX_VERSION_NUMBER,
    example: 50,
    description:
      'Only versions numbered above this one. Oldest first, the next page is `after` the last number of this one (the `Link` header names it). Persian digits accepted',
  })
  @IsOptional()
  @Transform(wholeNumber)
  @IsInt()
  @Min(0)
  @Max(MAX_VERSION_NUMBER)
  after?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_VERSION_NUMBER,
    description:
      'Only versions numbered below this one. Newest first, the next page is `before` the last number of this one (the `Link` header names it). Persian digits accepted',
  })
  @IsOptional()
  @Transform(wholeNumber)
  @IsInt()
  @Min(1)
  @Max(MAX_VERSION_NUMBER)
  before?: number;
}

/** `a,b`, `["a", "b,c"]` (a repeated parameter) → `["a", "b", "c"]`. */
function listOf(value: unknown): unknown {
  if (typeof value === 'string')
    return value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  if (Array.isArray(value))
    return value.flatMap((item) =>
      typeof item === 'string'
        ? item
            .split(',')
            .map((part) => part.trim())
            .filter(Boolean)
        : [item],
    );
  return value;
}

/** A date-only `to` includes its whole (UTC) day. */
export function endOfRange(to: string): Date {
  const end = new Date(to);
  return /^\d{4}-\d{2}-\d{2}$/.test(to) ? new Date(end.getTime() + 86_400_000) : end;
}

export class GenerationUsageDto {
  promptTokens!: number;

  completionTokens!: number;

  cachedTokens!: number;

  totalTokens!: number;

  @ApiProperty({ example: '0.000420', description: 'USD, six decimals' })
  costUsd!: string;
}

export class LastErrorDto {
  @ApiProperty({ example: 'OPENAI_TIMEOUT' })
  code!: string;

  message!: string;

  at!: string;
}

export class ReviewDecisionDto {
  @ApiProperty({ enum: ['APPROVED', 'REJECTED'] })
  decision!: 'APPROVED' | 'REJECTED';

  @ApiProperty({ format: 'uuid' })
  by!: string;

  at!: string;

  @ApiProperty({ type: String, nullable: true, description: "The approver's comment or the rejection reason" })
  note!: string | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'The version the reviewer read and decided on; null for a decision recorded before decisions named their version',
  })
  version!: number | null;

  @ApiProperty({
    type: String,
    nullable: true,
    pattern: '^[0-9a-f]{64}$',
    description: "Approvals: SHA-256 (lowercase hex) of the approved version's body as UTF-8; null for a rejection",
  })
  bodySha256!: string | null;

  @ApiProperty({
    enum: REJECTION_CATEGORIES,
    nullable: true,
    description: 'Rejections: why (OTHER when the reviewer gave none); null for an approval',
  })
  category!: RejectionCategory | null;
}

export class ContentResponseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  projectId!: string;

  @ApiProperty({ format: 'uuid' })
  workspaceId!: string;

  title!: string;

  @ApiProperty({ description: 'The prompt sent to the model (rendered, when it came from a template)' })
  prompt!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uuid',
    description:
      'The template the prompt was rendered from; null for a written prompt, after a hand edit of the prompt, or once the template is deleted',
  })
  promptId!: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    nullable: true,
    description: 'The values the template used',
  })
  variables!: Record<string, string> | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The current text; null until the first generation or edit',
  })
  body!: string | null;

  @ApiProperty({ enum: CONTENT_STATUSES })
  status!: ContentStatus;

  @ApiProperty({ example: 'gpt-4.1-mini', description: 'The model generations use' })
  model!: string;

  temperature!: number | null;

  maxTokens!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Number of the newest version; null before the first' })
  currentVersion!: number | null;

  @ApiProperty({
    type: LastErrorDto,
    nullable: true,
    description: 'Why the last generation failed; cleared by the next successful one',
  })
  lastError!: LastErrorDto | null;

  @ApiProperty({
    type: PiiReportDto,
    description:
      'Personal data found in the current body: types and UTF-16 offsets (`body.slice(start, end)`), never the values',
  })
  pii!: PiiReportDto;

  @ApiProperty({
    type: PiiReportDto,
    description:
      'Personal data found in the prompt: a warning before generating. Where the organization blocks such prompts, generate answers 422 PROMPT_CONTAINS_PII.',
  })
  promptPii!: PiiReportDto;

  @ApiProperty({ type: ReviewDecisionDto, nullable: true, description: 'The most recent approval or rejection' })
  lastReview!: ReviewDecisionDto | null;

  @ApiProperty({ type: String, nullable: true, description: 'The running generation job, or the most recent one' })
  generationJobId!: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the review should be done by (set with PATCH); null when none is set',
  })
  reviewDueAt!: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      'When the content last entered REVIEW (a completed generation, a restore): how long its review has been waiting while in REVIEW. Null before the first time',
  })
  reviewSince!: string | null;

  @ApiProperty({ format: 'uuid' })
  createdBy!: string;

  createdAt!: string;

  updatedAt!: string;

  static from(view: ContentView): ContentResponseDto {
    return {
      id: view.id,
      projectId: view.projectId,
      workspaceId: view.workspaceId,
      title: view.title,
      prompt: view.prompt,
      promptId: view.promptId,
      variables: view.variables,
      body: view.body,
      status: view.status,
      model: view.model,
      temperature: view.temperature,
      maxTokens: view.maxTokens,
      currentVersion: view.currentVersion || null,
      lastError: view.lastError
        ? { code: view.lastError.code, message: view.lastError.message, at: view.lastError.at.toISOString() }
        : null,
      pii: PiiReportDto.from(view.pii),
      promptPii: PiiReportDto.from(view.promptPii),
      lastReview: view.lastReview
        ? {
            decision: view.lastReview.decision,
            by: view.lastReview.by,
            at: view.lastReview.at.toISOString(),
            note: view.lastReview.note,
            version: view.lastReview.version ?? null,
            bodySha256: view.lastReview.bodySha256 ?? null,
            category: view.lastReview.decision === 'REJECTED' ? (view.lastReview.category ?? 'OTHER') : null,
          }
        : null,
      generationJobId: view.generationJobId,
      reviewDueAt: view.reviewDueAt?.toISOString() ?? null,
      reviewSince: view.reviewSince?.toISOString() ?? null,
      createdBy: view.createdBy,
      createdAt: view.createdAt.toISOString(),
      updatedAt: view.updatedAt.toISOString(),
    };
  }
}

export class ContentPageResponseDto extends PageResponseDto(ContentResponseDto) {
  static from(page: Page<ContentView>): ContentPageResponseDto {
    return pageOf(page, (item) => ContentResponseDto.from(item));
  }
}

export class ContentVersionResponseDto {
  @ApiProperty({ example: 1 })
  number!: number;

  @ApiProperty({ enum: VERSION_SOURCES })
  source!: VersionSource;

  body!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The model that wrote the text (null for a manual version)',
  })
  model!: string | null;

  @ApiProperty({ type: GenerationUsageDto, nullable: true, description: 'Set on "ai" versions' })
  usage!: GenerationUsageDto | null;

  @ApiProperty({
    format: 'uuid',
    description:
      'Who wrote the text: the manual author, whoever requested the generation ("ai"), the approver ("approval"), or whoever restored it ("restore")',
  })
  createdBy!: string;

  createdAt!: string;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'A "restore" version: the number of the earlier version whose text it brought back; null otherwise',
  })
  restoredFrom!: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'An "approval" version: the number of the version the reviewer read and approved; null otherwise',
  })
  approvedVersion!: number | null;

  @ApiProperty({
    type: String,
    nullable: true,
    pattern: '^[0-9a-f]{64}$',
    description: 'An "approval" version: SHA-256 (lowercase hex) of the approved body as UTF-8; null otherwise',
  })
  bodySha256!: string | null;

  static from(version: ContentVersion): ContentVersionResponseDto {
    return {
      number: version.number,
      source: version.source,
      body: version.body,
      model: version.model,
      usage: version.usage
        ? {
            promptTokens: version.usage.promptTokens,
            completionTokens: version.usage.completionTokens,
            cachedTokens: version.usage.cachedTokens,
            totalTokens: version.usage.totalTokens,
            costUsd: version.usage.costUsd,
          }
        : null,
      createdBy: version.createdBy,
      createdAt: version.createdAt.toISOString(),
      restoredFrom: version.restoredFrom ?? null,
      approvedVersion: version.approvedVersion ?? null,
      bodySha256: version.bodySha256 ?? null,
    };
  }
}

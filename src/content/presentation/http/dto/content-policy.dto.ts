import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { latinTrimmed } from '#libs/http';
import { ALLOWED_MODELS_MAX, MODEL_ID_MAX, type ContentPolicy } from '../../../domain/content-policy';

const unlessNull = ValidateIf((_object: unknown, value: unknown) => value !== null && value !== undefined);

export class UpdateContentPolicyDto {
  @ApiProperty({ description: 'Refuse to generate from prompts that contain personal data (422 PROMPT_CONTAINS_PII)' })
  @IsBoolean()
  blockPromptsWithPii!: boolean;

  @ApiPropertyOptional({
    description:
      'Mask the personal data of every export of the organization (GET /contents/:id/export, GET /projects/:projectId/export), ' +
      'as `redact=true` does, whatever the request asks. Absent: left as it is',
  })
  @IsOptional()
  @IsBoolean()
  redactPiiInExports?: boolean;

  @ApiPropertyOptional({
    description:
      'Let the ADMIN who wrote or generated the version under review approve it (else 403 SELF_APPROVAL_FORBIDDEN, audited). ' +
      'Absent: left as it is',
  })
  @IsOptional()
  @IsBoolean()
  allowSelfApproval?: boolean;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '0.050000',
    description:
      'The most one generation may cost, as a decimal string of USD (at most 6 decimals): a generation whose worst case (all prompt tokens ' +
      'uncached plus its completion cap, at its model’s price) costs more is refused with 402 GENERATION_COST_CEILING. null = no ceiling. Absent: left as it is',
  })
  @unlessNull
  @Transform(latinTrimmed)
  @IsString()
  @Matches(/^\d{1,12}(?:\.\d{1,6})?$/, {
    message: 'maxCostPerGenerationUsd must be a decimal string of USD with at most 6 decimals, like "0.05"',
  })
  maxCostPerGenerationUsd?: string | null;

  @ApiPropertyOptional({
    type: [String],
    nullable: true,
    example: ['gpt-4.1-mini', 'gpt-4o-mini'],
    description:
      `The only models contents may generate with (400 MODEL_NOT_ALLOWED for another); null or [] = any model. At most ${ALLOWED_MODELS_MAX} ids ` +
      `of 1 to ${MODEL_ID_MAX} characters, repeats dropped. Absent: left as it is`,
  })
  @unlessNull
  @IsArray()
  @ArrayMaxSize(ALLOWED_MODELS_MAX)
  @IsString({ each: true })
  @Length(1, MODEL_ID_MAX, { each: true })
  allowedModels?: string[] | null;
}

export class ContentPolicyResponseDto {
  @ApiProperty({ format: 'uuid' })
  organizationId!: string;

  @ApiProperty({
    description:
      'When true, POST /contents/:id/generate answers 422 PROMPT_CONTAINS_PII for a prompt with personal data; otherwise the content only carries a warning in `promptPii`',
  })
  blockPromptsWithPii!: boolean;

  @ApiProperty({
    description:
      'When true, every export of the organization comes out with its personal data masked (`[کد ملی]`, `[national id]` …), ' +
      'with or without `redact=true`; false by default',
  })
  redactPiiInExports!: boolean;

  @ApiProperty({
    description:
      'When false (the default), an ADMIN cannot approve a version they wrote or generated: POST /contents/:id/approve answers ' +
      '403 SELF_APPROVAL_FORBIDDEN and the refusal is audited',
  })
  allowSelfApproval!: boolean;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '0.050000',
    description: 'The ceiling per generation in USD (402 GENERATION_COST_CEILING above it); null = none',
  })
  maxCostPerGenerationUsd!: string | null;

  @ApiProperty({
    type: [String],
    nullable: true,
    description: 'The only models contents may generate with (400 MODEL_NOT_ALLOWED for another); null = any',
  })
  allowedModels!: string[] | null;

  @ApiProperty({ type: String, nullable: true, description: 'null while the defaults apply' })
  updatedAt!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  updatedBy!: string | null;

  static from(policy: ContentPolicy): ContentPolicyResponseDto {
    return {
      organizationId: policy.organizationId,
      blockPromptsWithPii: policy.blockPromptsWithPii,
      redactPiiInExports: policy.redactPiiInExports,
      allowSelfApproval: policy.allowSelfApproval,
      maxCostPerGenerationUsd: policy.maxCostPerGenerationUsd?.toDecimalString() ?? null,
      allowedModels: policy.allowedModels,
      updatedAt: policy.updatedAt?.toISOString() ?? null,
      updatedBy: policy.updatedBy,
    };
  }
}

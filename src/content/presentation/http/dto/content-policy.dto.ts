import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import type { ContentPolicy } from '../../../domain/content-policy';

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
      updatedAt: policy.updatedAt?.toISOString() ?? null,
      updatedBy: policy.updatedBy,
    };
  }
}

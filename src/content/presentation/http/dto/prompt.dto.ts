import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { trim } from '#libs/http';
import { PROMPT_LIMITS } from '../../../domain/prompt';
import type { PromptView } from '../../../application/use-cases/prompts/prompt-view';
import { Optional } from './validators';

const TEMPLATE_HELP =
  'Text with `{{variable}}` placeholders. A name is letters of any script (Persian too), digits, `_` and the zero-width non-joiner; ' +
  'spaces inside the braces are allowed (`{{ نام_محصول }}`). Arabic ي/ك in names count as Persian ی/ک.';

export class CreatePromptDto {
  @ApiProperty({ example: 'معرفی محصول', maxLength: PROMPT_LIMITS.name })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(PROMPT_LIMITS.name)
  name!: string;

  @ApiProperty({
    example: 'تبلیغات',
    maxLength: PROMPT_LIMITS.category,
    description: 'Free text; lists filter on it exactly',
  })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(PROMPT_LIMITS.category)
  category!: string;

  @ApiProperty({
    example: 'یک متن تبلیغاتی کوتاه برای {{نام_محصول}} با لحن {{ لحن }} بنویس.',
    maxLength: PROMPT_LIMITS.template,
    description: TEMPLATE_HELP,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PROMPT_LIMITS.template)
  template!: string;
}

export class UpdatePromptDto {
  @ApiPropertyOptional({ maxLength: PROMPT_LIMITS.name })
  @Optional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(PROMPT_LIMITS.name)
  name?: string;

  @ApiPropertyOptional({ maxLength: PROMPT_LIMITS.category })
  @Optional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(PROMPT_LIMITS.category)
  category?: string;

  @ApiPropertyOptional({
    maxLength: PROMPT_LIMITS.template,
    description: `${TEMPLATE_HELP} Contents already created keep their prompt text.`,
  })
  @Optional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(PROMPT_LIMITS.template)
  template?: string;
}

export class ListPromptsQueryDto {
  @ApiPropertyOptional({ description: 'Only prompts of this category (exact match)' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(PROMPT_LIMITS.category)
  category?: string;
}

export class PromptResponseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  organizationId!: string;

  @ApiProperty({ format: 'uuid' })
  workspaceId!: string;

  name!: string;

  category!: string;

  template!: string;

  @ApiProperty({
    type: [String],
    example: ['نام_محصول', 'لحن'],
    description: "The template's variables, each once, in order of first appearance",
  })
  variables!: string[];

  @ApiProperty({ format: 'uuid' })
  createdBy!: string;

  createdAt!: string;

  updatedAt!: string;

  static from(prompt: PromptView): PromptResponseDto {
    return {
      id: prompt.id,
      organizationId: prompt.organizationId,
      workspaceId: prompt.workspaceId,
      name: prompt.name,
      category: prompt.category,
      template: prompt.template,
      variables: prompt.variables,
      createdBy: prompt.createdBy,
      createdAt: prompt.createdAt.toISOString(),
      updatedAt: prompt.updatedAt.toISOString(),
    };
  }
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';

export const EXPORT_FORMATS = ['markdown', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** `true` and `false` as a query string writes them; anything else is left for IsBoolean to refuse. */
const queryBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

const REDACT = {
  type: Boolean,
  default: false,
  description:
    'true: every text of the file that a person or the model wrote (title, prompt, variable values, body, every version’s body, ' +
    'review note, last error message) has its personal data replaced by typed masks such as `[کد ملی]` / `[national id]`, ' +
    'in the language of each text, and everything else comes out byte for byte as without it; `pii` and `promptPii` then point at the masks. ' +
    "Where the organization's content policy has `redactPiiInExports`, every export is redacted whatever this says.",
};

export class ExportQueryDto {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'markdown' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: ExportFormat;

  @ApiPropertyOptional(REDACT)
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  redact?: boolean;
}

export class ProjectExportQueryDto {
  @ApiPropertyOptional({ enum: ['json'], default: 'json', description: 'The only format of a project export' })
  @IsOptional()
  @IsIn(['json'])
  format?: 'json';

  @ApiPropertyOptional(REDACT)
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  redact?: boolean;
}

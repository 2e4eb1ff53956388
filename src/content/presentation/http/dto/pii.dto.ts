import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { PII_TYPES, type PiiRedaction, type PiiScan, type PiiType } from '../../../domain/pii';

/** As long as a content body may be. */
export const SCAN_TEXT_MAX_LENGTH = 200_000;

export class PiiFindingDto {
  @ApiProperty({ enum: PII_TYPES, example: 'IR_PHONE' })
  type!: PiiType;

  @ApiProperty({
    description: 'UTF-16 offset of the first character: `text.slice(start, end)` is the finding',
    example: 12,
  })
  start!: number;

  @ApiProperty({ description: 'UTF-16 offset just after the last character', example: 23 })
  end!: number;
}

export class PiiReportDto {
  found!: boolean;

  findings!: PiiFindingDto[];

  static from(scan: PiiScan): PiiReportDto {
    return { found: scan.found, findings: scan.findings.map(({ type, start, end }) => ({ type, start, end })) };
  }
}

export class ScanTextRequestDto {
  @ApiProperty({
    description: 'Any text: Persian, English or mixed, in any digit script',
    maxLength: SCAN_TEXT_MAX_LENGTH,
    example: 'با من به شماره ۰۹۱۲ ۳۴۵ ۶۷۸۹ تماس بگیرید',
  })
  @IsString()
  @MaxLength(SCAN_TEXT_MAX_LENGTH)
  text!: string;
}

export class RedactTextRequestDto extends ScanTextRequestDto {}

export class RedactedTextResponseDto {
  @ApiProperty({
    description:
      'The text with each finding replaced by a typed mask such as `[کد ملی]` / `[national id]`, in the language of the text ' +
      '(Persian unless Latin letters outnumber Persian ones outside the findings); every other character exactly as sent',
    example: 'با من به شماره [شماره همراه] تماس بگیرید',
  })
  text!: string;

  @ApiProperty({
    type: [PiiFindingDto],
    description:
      'The findings in the ORIGINAL text, as POST /pii/scan gives them: `original.slice(start, end)` is the value that was masked, in text order',
  })
  findings!: PiiFindingDto[];

  static from(redaction: PiiRedaction): RedactedTextResponseDto {
    return {
      text: redaction.text,
      findings: redaction.findings.map(({ type, start, end }) => ({ type, start, end })),
    };
  }
}

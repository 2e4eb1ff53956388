import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../../../accounts';
import { RedactTextForPiiUseCase } from '../../application/use-cases/pii/redact-text-for-pii.use-case';
import { ScanTextForPiiUseCase } from '../../application/use-cases/pii/scan-text-for-pii.use-case';
import { PiiReportDto, RedactedTextResponseDto, RedactTextRequestDto, ScanTextRequestDto } from './dto/pii.dto';

@ApiTags('Personal data')
@ApiBearerAuth()
@Controller('pii')
export class PiiController {
  constructor(
    private readonly scanText: ScanTextForPiiUseCase,
    private readonly redactText: RedactTextForPiiUseCase,
  ) {}

  @Post('scan')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Find personal data in a text before sending it',
    description:
      'Iranian national IDs (check digit valid), mobiles and landlines in any form and digit script, Sheba numbers (mod 97), bank cards (Luhn; Iranian BINs as CARD_NUMBER, ' +
      'others CREDIT_CARD), postal codes where the text says so, emails and IP addresses. Offsets are UTF-16 (`text.slice(start, end)`). Nothing is stored or logged. ' +
      'Errors: 400 VALIDATION_FAILED, 401 UNAUTHENTICATED.',
  })
  @ApiOkResponse({ type: PiiReportDto })
  scan(@Body() body: ScanTextRequestDto): PiiReportDto {
    return PiiReportDto.from(this.scanText.execute(body.text));
  }

  @Post('redact')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Replace the personal data in a text with typed masks',
    description:
      'Finds what POST /pii/scan finds and replaces each finding with a mask naming its type: `[کد ملی]`, `[شماره همراه]`, `[تلفن ثابت]`, ' +
      '`[ایمیل]`, `[شماره شبا]`, `[شماره کارت]`, `[کارت اعتباری]`, `[کد پستی]`, `[نشانی IP]` in a Persian text, or `[national id]`, ' +
      '`[mobile number]`, `[phone number]`, `[email]`, `[IBAN]`, `[card number]`, `[credit card]`, `[postal code]`, `[IP address]` in an English one. ' +
      'The language is the majority script of the letters outside the findings, Persian on a tie or without letters. Every character outside ' +
      'the findings is returned exactly as sent. `findings` are offsets into the text as sent (not the answer). Nothing is stored or logged. ' +
      'Errors: 400 VALIDATION_FAILED, 401 UNAUTHENTICATED.',
  })
  @ApiOkResponse({ type: RedactedTextResponseDto })
  redact(@Body() body: RedactTextRequestDto): RedactedTextResponseDto {
    return RedactedTextResponseDto.from(this.redactText.execute(body.text));
  }
}

import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../../../accounts';
import { ScanTextForPiiUseCase } from '../../application/use-cases/pii/scan-text-for-pii.use-case';
import { PiiReportDto, ScanTextRequestDto } from './dto/pii.dto';

@ApiTags('Personal data')
@ApiBearerAuth()
@Controller('pii')
export class PiiController {
  constructor(private readonly scanText: ScanTextForPiiUseCase) {}

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
}

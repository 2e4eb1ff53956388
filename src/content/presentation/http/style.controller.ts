import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '#libs/ddd';
import { ApiErrors } from '#libs/http';
import { Authenticated, CurrentActor, RequireRole } from '../../../accounts';
import type { GlossaryEntry } from '../../domain/style';
import { CheckTextStyleUseCase } from '../../application/use-cases/style/check-text-style.use-case';
import { GetGlossaryUseCase } from '../../application/use-cases/style/get-glossary.use-case';
import { UpdateGlossaryUseCase } from '../../application/use-cases/style/update-glossary.use-case';
import { CheckStyleRequestDto, GlossaryEntryDto, GlossaryEntryResponseDto, StyleReportDto } from './dto/style.dto';
import { GlossaryBodyPipe } from './glossary-body.pipe';

@ApiTags('Style')
@ApiBearerAuth()
@Controller()
export class StyleController {
  constructor(
    private readonly checkText: CheckTextStyleUseCase,
    private readonly getGlossary: GetGlossaryUseCase,
    private readonly updateGlossary: UpdateGlossaryUseCase,
  ) {}

  @Post('style/check')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Check a text against the Persian style rules and, with `organizationId`, that organization’s glossary',
    description:
      'Zero-width non-joiner in «می‌», «‌ها», «‌تر»/«‌ترین»; Arabic ي ى ك; Latin , ; ? inside Persian sentences; numbers in mixed ' +
      'digit scripts; double spaces; the glossary’s forbidden and preferred terms. Offsets are UTF-16 (`text.slice(start, end)`). ' +
      'English text gets no Persian-rule issues. Nothing is stored or logged. Errors: 400 VALIDATION_FAILED, 401 UNAUTHENTICATED, ' +
      '404 NOT_FOUND (an organization the caller is not a member of, as for any foreign id).',
  })
  @ApiOkResponse({ type: StyleReportDto })
  @ApiErrors(404)
  async check(@CurrentActor() actor: Actor, @Body() body: CheckStyleRequestDto): Promise<StyleReportDto> {
    return StyleReportDto.from(
      await this.checkText.execute(actor, { text: body.text, organizationId: body.organizationId }),
    );
  }

  @Get('organizations/:orgId/glossary')
  @RequireRole('VIEWER')
  @ApiOperation({
    summary: "The organization's glossary for the style checks (any member)",
    description:
      'Terms in the order they were written; an empty array until the first PUT. Errors: 404 (not a member).',
  })
  @ApiOkResponse({ type: [GlossaryEntryResponseDto] })
  async get(@Param('orgId') orgId: string): Promise<GlossaryEntryResponseDto[]> {
    return (await this.getGlossary.execute(orgId)).map((entry) => GlossaryEntryResponseDto.from(entry));
  }

  @Put('organizations/:orgId/glossary')
  @RequireRole('ADMIN')
  @ApiOperation({
    summary: "Replace the organization's glossary (ADMIN)",
    description:
      'The whole list, at most 500 entries: each `term` non-blank with a letter or digit and at most 100 characters (as ' +
      '`preferred`), no two terms the same once normalized (Arabic ي/ك as ی/ک, zero-width non-joiner as a space, spaces ' +
      'collapsed, Latin lower case). Terms and preferred forms are trimmed; an empty `preferred` is null. It applies at once, ' +
      'to POST /style/check and to every content’s `style`. A change is audited (`content.glossary_changed`). ' +
      'Errors: 400 VALIDATION_FAILED (`details.fields` by index, e.g. `3.term`), 403 FORBIDDEN (not ADMIN), 404 (not a member).',
  })
  @ApiBody({ type: [GlossaryEntryDto] })
  @ApiOkResponse({ type: [GlossaryEntryResponseDto] })
  async put(
    @CurrentActor() actor: Actor,
    @Param('orgId') orgId: string,
    @Body(GlossaryBodyPipe) entries: GlossaryEntry[],
  ): Promise<GlossaryEntryResponseDto[]> {
    return (await this.updateGlossary.execute(actor, orgId, entries)).map((entry) =>
      GlossaryEntryResponseDto.from(entry),
    );
  }
}

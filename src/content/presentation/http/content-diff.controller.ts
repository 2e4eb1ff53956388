import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Caller } from '#libs/ddd';
import { CurrentCaller, RequireRole } from '../../../accounts';
import { CompareContentVersionsUseCase } from '../../application/use-cases/contents/compare-content-versions.use-case';
import { ContentDiffResponseDto, DiffQueryDto } from './dto/diff.dto';

@ApiTags('Contents')
@ApiBearerAuth()
@Controller('contents/:id/diff')
export class ContentDiffController {
  constructor(private readonly compare: CompareContentVersionsUseCase) {}

  @Get()
  @RequireRole('VIEWER', 'content', 'id')
  @ApiOperation({
    summary: 'Compare two versions of a content, by line and, within changed lines, by word',
    description:
      'Lines are unchanged, changed (with word segments), added or removed, numbered on each side. Persian words stay whole (zero-width non-joiners included). ' +
      'Errors: 400 VALIDATION_FAILED (from/to missing or not positive whole numbers), 404 NOT_FOUND (no such content or version).',
  })
  @ApiOkResponse({ type: ContentDiffResponseDto })
  async diff(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Query() query: DiffQueryDto,
  ): Promise<ContentDiffResponseDto> {
    return ContentDiffResponseDto.from(await this.compare.execute(caller, id, query.from, query.to));
  }
}

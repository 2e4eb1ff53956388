import { Readable } from 'node:stream';
import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Caller } from '#libs/ddd';
import { CurrentCaller, RequireRole } from '../../../accounts';
import { ExportContentUseCase } from '../../application/use-cases/export/export-content.use-case';
import { ExportProjectUseCase } from '../../application/use-cases/export/export-project.use-case';
import { ExportQueryDto, ProjectExportQueryDto } from './dto/export.dto';
import { attachment } from './export/attachment';
import { contentExportJsonText, projectExportJsonText } from './export/content-export.json';
import { contentMarkdown } from './export/content-markdown';

@ApiTags('Contents')
@ApiBearerAuth()
@Controller()
export class ContentExportController {
  constructor(
    private readonly exportContent: ExportContentUseCase,
    private readonly exportProject: ExportProjectUseCase,
  ) {}

  @Get('contents/:id/export')
  @RequireRole('VIEWER', 'content', 'id')
  @ApiOperation({
    summary:
      'Download a content as Markdown (YAML front matter: title, status, model, version, approval) or JSON (with every version, streamed)',
    description:
      'The JSON file is written as its versions are read, a batch at a time, oldest first: a content with thousands of versions ' +
      'is never held in memory whole. With `redact=true`, or always where the content policy has `redactPiiInExports`, personal data ' +
      'in the title, prompt, variables, body, versions, review note and last error is masked (`[کد ملی]`, `[national id]` …), ' +
      'the file otherwise the same byte for byte. Errors: 400 VALIDATION_FAILED (unknown format, redact not true or false), 404 NOT_FOUND.',
  })
  @ApiProduces('text/markdown', 'application/json')
  @ApiOkResponse({ description: 'The file, as an attachment named after the title' })
  async content(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Query() query: ExportQueryDto,
  ): Promise<StreamableFile> {
    const markdown = (query.format ?? 'markdown') === 'markdown';
    const exported = await this.exportContent.execute(caller, id, { withVersions: !markdown, redact: query.redact });
    const disposition = attachment(exported.content.title, `content-${id.slice(0, 8)}`, markdown ? 'md' : 'json');
    if (markdown) {
      const text = contentMarkdown(exported);
      return new StreamableFile(Readable.from([text]), {
        type: 'text/markdown; charset=utf-8',
        disposition,
        length: Buffer.byteLength(text),
      });
    }
    return new StreamableFile(Readable.from(contentExportJsonText(exported.content, exported.versions)), {
      type: 'application/json; charset=utf-8',
      disposition,
    });
  }

  @Get('projects/:projectId/export')
  @RequireRole('VIEWER', 'project', 'projectId')
  @ApiOperation({
    summary: 'Download every content of a project, with its versions, as one JSON array (streamed)',
    description:
      'Newest first; each element has the shape of the single-content JSON export. `redact=true`, or the content policy’s ' +
      '`redactPiiInExports`, masks personal data as in that export. Errors: 400 VALIDATION_FAILED, 404 NOT_FOUND.',
  })
  @ApiProduces('application/json')
  @ApiOkResponse({ description: 'A JSON array, as an attachment' })
  async project(
    @CurrentCaller() caller: Caller,
    @Param('projectId') projectId: string,
    @Query() query: ProjectExportQueryDto,
  ): Promise<StreamableFile> {
    const contents = await this.exportProject.execute(caller, projectId, { redact: query.redact });
    return new StreamableFile(Readable.from(projectExportJsonText(contents)), {
      type: 'application/json; charset=utf-8',
      disposition: attachment('', `project-${projectId.slice(0, 8)}`, 'json'),
    });
  }
}

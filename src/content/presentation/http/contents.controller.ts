import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { pageRequest, type Caller } from '#libs/ddd';
import { ApiErrors } from '#libs/http';
import { CurrentCaller, RequireRole, RequireStepUp } from '../../../accounts';
import { ApproveContentUseCase } from '../../application/use-cases/contents/approve-content.use-case';
import { CreateContentUseCase } from '../../application/use-cases/contents/create-content.use-case';
import { DeleteContentUseCase } from '../../application/use-cases/contents/delete-content.use-case';
import { EditContentUseCase } from '../../application/use-cases/contents/edit-content.use-case';
import { GetContentUseCase } from '../../application/use-cases/contents/get-content.use-case';
import { GetContentVersionUseCase } from '../../application/use-cases/contents/get-content-version.use-case';
import {
  DEFAULT_VERSION_PAGE_LIMIT,
  ListContentVersionsUseCase,
  MAX_VERSION_PAGE_LIMIT,
} from '../../application/use-cases/contents/list-content-versions.use-case';
import { ListContentsUseCase } from '../../application/use-cases/contents/list-contents.use-case';
import { RejectContentUseCase } from '../../application/use-cases/contents/reject-content.use-case';
import { RestoreContentVersionUseCase } from '../../application/use-cases/contents/restore-content-version.use-case';
import {
  ApproveContentDto,
  ContentPageResponseDto,
  ContentResponseDto,
  ContentVersionResponseDto,
  CreateContentDto,
  endOfRange,
  ListContentsQueryDto,
  ListVersionsQueryDto,
  RejectContentDto,
  UpdateContentDto,
} from './dto/content.dto';
import { ContentDetailResponseDto } from './dto/style.dto';
import { ParseVersionNumberPipe } from './parse-version-number.pipe';

@ApiTags('Contents')
@ApiBearerAuth()
@Controller()
export class ContentsController {
  constructor(
    private readonly createContent: CreateContentUseCase,
    private readonly listContents: ListContentsUseCase,
    private readonly getContent: GetContentUseCase,
    private readonly editContent: EditContentUseCase,
    private readonly approveContent: ApproveContentUseCase,
    private readonly rejectContent: RejectContentUseCase,
    private readonly deleteContent: DeleteContentUseCase,
    private readonly listVersions: ListContentVersionsUseCase,
    private readonly getVersion: GetContentVersionUseCase,
    private readonly restoreVersion: RestoreContentVersionUseCase,
  ) {}

  @Post('projects/:projectId/contents')
  @RequireRole('EDITOR', 'project', 'projectId')
  @ApiOperation({
    summary: 'Create a content in DRAFT (EDITOR)',
    description:
      'Send `{title, prompt}`, or `{title, promptId, variables}` to render a prompt template of the organization. ' +
      'Errors: 400 TEMPLATE_VARIABLE_MISSING (details.missing names them), 400 VALIDATION_FAILED, 404 when promptId is not a prompt of the organization.',
  })
  @ApiCreatedResponse({ type: ContentResponseDto })
  @ApiErrors({ 400: ['TEMPLATE_VARIABLE_MISSING'] })
  async create(
    @CurrentCaller() caller: Caller,
    @Param('projectId') projectId: string,
    @Body() body: CreateContentDto,
  ): Promise<ContentResponseDto> {
    return ContentResponseDto.from(await this.createContent.execute(caller, { projectId, ...body }));
  }

  @Get('projects/:projectId/contents')
  @RequireRole('VIEWER', 'project', 'projectId')
  @ApiOperation({
    summary: "The project's contents, newest first (createdAt DESC, id DESC) (VIEWER)",
  })
  @ApiOkResponse({ type: ContentPageResponseDto })
  async list(
    @CurrentCaller() caller: Caller,
    @Param('projectId') projectId: string,
    @Query() query: ListContentsQueryDto,
  ): Promise<ContentPageResponseDto> {
    const filter = {
      statuses: query.status,
      q: query.q,
      createdBy: query.createdBy,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? endOfRange(query.to) : undefined,
    };
    return ContentPageResponseDto.from(
      await this.listContents.execute(caller, projectId, filter, pageRequest(query.page, query.limit)),
    );
  }

  @Get('contents/:id')
  @RequireRole('VIEWER', 'content', 'id')
  @ApiOperation({
    summary:
      'A content with its current body, personal data found in it, the style issues of its body and its last review (VIEWER)',
  })
  @ApiOkResponse({ type: ContentDetailResponseDto })
  async get(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<ContentDetailResponseDto> {
    return ContentDetailResponseDto.withStyle(await this.getContent.execute(caller, id));
  }

  @Patch('contents/:id')
  @RequireRole('EDITOR', 'content', 'id')
  @ApiOperation({
    summary: 'Edit title, prompt and/or body, or set the review due date (EDITOR)',
    description:
      'A changed body becomes a new version with source "manual"; the status stays as it is. ' +
      '`reviewDueAt` (an instant with its offset, or null) sets or clears the review due date; alone, it may be set while a generation runs. ' +
      'Errors: 400 VALIDATION_FAILED for a malformed `reviewDueAt`; 409 CONTENT_INVALID_TRANSITION for APPROVED content, 409 CONTENT_BUSY while it is being generated (text fields).',
  })
  @ApiOkResponse({ type: ContentResponseDto })
  @ApiErrors({ 409: ['CONTENT_BUSY', 'CONTENT_INVALID_TRANSITION'] })
  async update(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: UpdateContentDto,
  ): Promise<ContentResponseDto> {
    return ContentResponseDto.from(await this.editContent.execute(caller, id, UpdateContentDto.toEdit(body)));
  }

  @Post('contents/:id/approve')
  @RequireRole('ADMIN', 'content', 'id')
  @RequireStepUp()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Approve the version the reviewer read, of a content in REVIEW (ADMIN)',
    description:
      '`version` is the number of the version the reviewer read. The approval is recorded as a version with source "approval" ' +
      'that names that number (`approvedVersion`) and the SHA-256 of its body (`bodySha256`), as does `lastReview`; ' +
      '`content.approved` goes to the audit log. Unless the content policy has `allowSelfApproval`, the ADMIN who wrote ' +
      'that version (its manual author, whoever requested the generation that wrote it, or restored it) cannot approve it; ' +
      'the refusal is audited as `content.self_approval_refused`. ' +
      'Errors: 400 VALIDATION_FAILED without `version`; 403 SELF_APPROVAL_FORBIDDEN; 409 CONTENT_VERSION_STALE ' +
      '(`details.currentVersion`) when another version is current (newer, or `version` beyond it); 409 CONTENT_INVALID_TRANSITION unless in REVIEW.',
  })
  @ApiOkResponse({ type: ContentResponseDto })
  @ApiErrors({
    403: ['SELF_APPROVAL_FORBIDDEN'],
    409: ['CONTENT_BUSY', 'CONTENT_INVALID_TRANSITION', 'CONTENT_VERSION_STALE'],
  })
  async approve(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: ApproveContentDto,
  ): Promise<ContentResponseDto> {
    return ContentResponseDto.from(await this.approveContent.execute(caller, id, body));
  }

  @Post('contents/:id/reject')
  @RequireRole('ADMIN', 'content', 'id')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Reject a content in REVIEW with a reason and a category (ADMIN)',
    description:
      '`category` is one of TONE, ACCURACY, PII, STYLE, LEGAL, OTHER (OTHER when absent) and is kept in `lastReview`. ' +
      'Writes `content.rejected` to the audit log; the content may be generated again. ' +
      'Errors: 409 CONTENT_VERSION_STALE (`details.currentVersion`) when `version` is given and is not the current one; ' +
      '409 CONTENT_INVALID_TRANSITION unless in REVIEW.',
  })
  @ApiOkResponse({ type: ContentResponseDto })
  @ApiErrors({ 409: ['CONTENT_BUSY', 'CONTENT_INVALID_TRANSITION', 'CONTENT_VERSION_STALE'] })
  async reject(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: RejectContentDto,
  ): Promise<ContentResponseDto> {
    return ContentResponseDto.from(await this.rejectContent.execute(caller, id, body));
  }

  @Get('contents/:id/versions')
  @RequireRole('VIEWER', 'content', 'id')
  @ApiOperation({
    summary: 'The versions of the content, a page at a time, oldest first (VIEWER)',
    description:
      `The body is a plain array of versions, as it always was; without parameters it holds the first ${DEFAULT_VERSION_PAGE_LIMIT}, oldest first ` +
      `(\`limit\` up to ${MAX_VERSION_PAGE_LIMIT}). \`X-Total-Count\` tells how many versions the content has, and \`Link: <…>; rel="next"\` ` +
      'names the next page while more follow: a keyset on the version number (`after` the last one oldest first, `before` it with ' +
      '`order=desc`), so a page costs the same however deep it is. Errors: 400 VALIDATION_FAILED (bad parameters), 404 NOT_FOUND.',
  })
  @ApiOkResponse({
    type: [ContentVersionResponseDto],
    headers: {
      'X-Total-Count': {
        description: 'How many versions the content has',
        schema: { type: 'integer' },
      },
      Link: {
        description:
          'Only while more versions follow: `</api/v1/contents/{id}/versions?limit=50&after=50>; rel="next"` (a path on this server, same parameters)',
        schema: { type: 'string' },
      },
    },
  })
  async versions(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Query() query: ListVersionsQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContentVersionResponseDto[]> {
    const order = query.order ?? 'asc';
    const page = await this.listVersions.execute(caller, id, {
      order,
      after: query.after,
      before: query.before,
      limit: query.limit ?? DEFAULT_VERSION_PAGE_LIMIT,
    });
    reply.header('x-total-count', String(page.total));
    if (page.next !== null) {
      const path = (request.routeOptions.url ?? '').replace(':id', encodeURIComponent(id));
      reply.header('link', `<${path}?${nextVersionsQuery(query, order, page.limit, page.next)}>; rel="next"`);
    }
    return page.items.map((version) => ContentVersionResponseDto.from(version));
  }

  @Get('contents/:id/versions/:number')
  @RequireRole('VIEWER', 'content', 'id')
  @ApiOperation({ summary: 'One version of the content, by its number (VIEWER)' })
  @ApiOkResponse({ type: ContentVersionResponseDto })
  async version(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Param('number', ParseVersionNumberPipe) number: number,
  ): Promise<ContentVersionResponseDto> {
    return ContentVersionResponseDto.from(await this.getVersion.execute(caller, id, number));
  }

  @Post('contents/:id/versions/:number/restore')
  @RequireRole('EDITOR', 'content', 'id')
  @ApiOperation({
    summary: 'Restore an earlier version: its text becomes a new version and the content goes to REVIEW (EDITOR)',
    description:
      'Answers the new version: source "restore", `restoredFrom` the number restored, written by the caller (so, unless ' +
      'the content policy allows self-approval, the caller cannot approve it). Allowed from DRAFT, REVIEW and REJECTED. ' +
      'Errors: 409 CONTENT_INVALID_TRANSITION from APPROVED or IN_PROGRESS; 404 NOT_FOUND for a number the content does not have.',
  })
  @ApiCreatedResponse({ type: ContentVersionResponseDto })
  @ApiErrors({ 409: ['CONTENT_INVALID_TRANSITION'] })
  async restore(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Param('number', ParseVersionNumberPipe) number: number,
  ): Promise<ContentVersionResponseDto> {
    return ContentVersionResponseDto.from(await this.restoreVersion.execute(caller, id, number));
  }

  @Delete('contents/:id')
  @RequireRole('EDITOR', 'content', 'id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a content with its versions',
    description:
      'An EDITOR may delete their own DRAFT (else 403 FORBIDDEN); an ADMIN any content. Errors: 409 CONTENT_BUSY while it is being generated.',
  })
  @ApiNoContentResponse()
  @ApiErrors({ 409: ['CONTENT_BUSY'] })
  async remove(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<void> {
    await this.deleteContent.execute(caller, id);
  }
}

/** The query of the next page: the same order, limit and other bound, the cursor moved past this page. */
function nextVersionsQuery(
  query: ListVersionsQueryDto,
  order: 'asc' | 'desc',
  limit: number,
  next: number,
): URLSearchParams {
  const params = new URLSearchParams({
    ...(order === 'desc' && { order }),
    limit: String(limit),
  });
  const after = order === 'asc' ? next : query.after;
  const before = order === 'desc' ? next : query.before;
  if (after !== undefined) params.set('after', String(after));
  if (before !== undefined) params.set('before', String(before));
  return params;
}

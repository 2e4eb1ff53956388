import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Caller } from '#libs/ddd';
import { ApiErrors } from '#libs/http';
import { CurrentCaller, RequireRole } from '../../../accounts';
import { AddCommentUseCase } from '../../application/use-cases/comments/add-comment.use-case';
import { ListCommentsUseCase } from '../../application/use-cases/comments/list-comments.use-case';
import { ResolveCommentUseCase } from '../../application/use-cases/comments/resolve-comment.use-case';
import { AnchoredCommentResponseDto, CommentResponseDto, CreateCommentDto } from './dto/comment.dto';

@ApiTags('Comments')
@ApiBearerAuth()
@Controller()
export class CommentsController {
  constructor(
    private readonly addComment: AddCommentUseCase,
    private readonly listComments: ListCommentsUseCase,
    private readonly resolveComment: ResolveCommentUseCase,
  ) {}

  @Post('contents/:id/comments')
  @RequireRole('EDITOR', 'content', 'id')
  @ApiOperation({
    summary: 'Comment on a range of one version of the body (EDITOR)',
    description:
      "`start` and `end` are UTF-16 code units of that version's body (JavaScript string offsets, like `pii`); the " +
      'quote is kept with some context around it so the comment can be found again in later versions. Contents in ' +
      'any status take comments. Errors: 400 COMMENT_RANGE_INVALID (`details.reason`: start_negative, empty, ' +
      'past_end, splits_surrogate_pair, or version_unknown when the content has no such version).',
  })
  @ApiCreatedResponse({ type: CommentResponseDto })
  @ApiErrors({ 400: ['COMMENT_RANGE_INVALID'] })
  async create(
    @CurrentCaller() caller: Caller,
    @Param('id') contentId: string,
    @Body() body: CreateCommentDto,
  ): Promise<CommentResponseDto> {
    return CommentResponseDto.from(await this.addComment.execute(caller, { contentId, ...body }));
  }

  @Get('contents/:id/comments')
  @RequireRole('VIEWER', 'content', 'id')
  @ApiOperation({
    summary: "The content's comments, oldest first, anchored in the current version (VIEWER)",
    description:
      '`anchor` is where the quoted text is in the current version: the range is carried through a word diff ' +
      "from the comment's version, and if the text there is no longer the quote, the quote is looked for in the " +
      'text the edits added (a moved sentence), the best match of the surrounding text first. `anchor` is null once ' +
      'the quoted text is gone or was changed (exact match only). Resolved comments are included (`resolved`).',
  })
  @ApiOkResponse({ type: [AnchoredCommentResponseDto] })
  async list(@CurrentCaller() caller: Caller, @Param('id') contentId: string): Promise<AnchoredCommentResponseDto[]> {
    const comments = await this.listComments.execute(caller, contentId);
    return comments.map((comment) => AnchoredCommentResponseDto.fromAnchored(comment));
  }

  @Post('comments/:id/resolve')
  @HttpCode(200)
  @RequireRole('EDITOR', 'comment', 'id')
  @ApiOperation({
    summary: 'Resolve a comment (EDITOR)',
    description: 'Resolving a resolved comment answers it unchanged: the first resolver and time stay.',
  })
  @ApiOkResponse({ type: CommentResponseDto })
  async resolve(@CurrentCaller() caller: Caller, @Param('id') commentId: string): Promise<CommentResponseDto> {
    return CommentResponseDto.from(await this.resolveComment.execute(caller, commentId));
  }
}

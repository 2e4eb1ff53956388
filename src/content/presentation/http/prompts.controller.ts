import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Caller } from '#libs/ddd';
import { CurrentCaller, RequireRole } from '../../../accounts';
import { CreatePromptUseCase } from '../../application/use-cases/prompts/create-prompt.use-case';
import { DeletePromptUseCase } from '../../application/use-cases/prompts/delete-prompt.use-case';
import { GetPromptUseCase } from '../../application/use-cases/prompts/get-prompt.use-case';
import { ListPromptsUseCase } from '../../application/use-cases/prompts/list-prompts.use-case';
import { UpdatePromptUseCase } from '../../application/use-cases/prompts/update-prompt.use-case';
import { CreatePromptDto, ListPromptsQueryDto, PromptResponseDto, UpdatePromptDto } from './dto/prompt.dto';

@ApiTags('Prompts')
@ApiBearerAuth()
@Controller()
export class PromptsController {
  constructor(
    private readonly createPrompt: CreatePromptUseCase,
    private readonly listPrompts: ListPromptsUseCase,
    private readonly getPrompt: GetPromptUseCase,
    private readonly updatePrompt: UpdatePromptUseCase,
    private readonly deletePrompt: DeletePromptUseCase,
  ) {}

  @Post('workspaces/:workspaceId/prompts')
  @RequireRole('EDITOR', 'workspace', 'workspaceId')
  @ApiOperation({
    summary: 'Create a prompt template (EDITOR); the answer lists its `variables`',
  })
  @ApiCreatedResponse({ type: PromptResponseDto })
  async create(
    @CurrentCaller() caller: Caller,
    @Param('workspaceId') workspaceId: string,
    @Body() body: CreatePromptDto,
  ): Promise<PromptResponseDto> {
    return PromptResponseDto.from(await this.createPrompt.execute(caller, { workspaceId, ...body }));
  }

  @Get('workspaces/:workspaceId/prompts')
  @RequireRole('VIEWER', 'workspace', 'workspaceId')
  @ApiOperation({
    summary: "The workspace's prompt templates, newest first, optionally of one category (VIEWER)",
  })
  @ApiOkResponse({ type: [PromptResponseDto] })
  async list(
    @CurrentCaller() caller: Caller,
    @Param('workspaceId') workspaceId: string,
    @Query() query: ListPromptsQueryDto,
  ): Promise<PromptResponseDto[]> {
    return (await this.listPrompts.execute(caller, workspaceId, query.category)).map((prompt) =>
      PromptResponseDto.from(prompt),
    );
  }

  @Get('prompts/:promptId')
  @RequireRole('VIEWER', 'prompt', 'promptId')
  @ApiOperation({ summary: 'A prompt template, with its variables (VIEWER)' })
  @ApiOkResponse({ type: PromptResponseDto })
  async get(@CurrentCaller() caller: Caller, @Param('promptId') promptId: string): Promise<PromptResponseDto> {
    return PromptResponseDto.from(await this.getPrompt.execute(caller, promptId));
  }

  @Patch('prompts/:promptId')
  @RequireRole('EDITOR', 'prompt', 'promptId')
  @ApiOperation({
    summary: 'Change a prompt template (EDITOR); contents already created keep their prompt text',
  })
  @ApiOkResponse({ type: PromptResponseDto })
  async update(
    @CurrentCaller() caller: Caller,
    @Param('promptId') promptId: string,
    @Body() body: UpdatePromptDto,
  ): Promise<PromptResponseDto> {
    return PromptResponseDto.from(await this.updatePrompt.execute(caller, promptId, body));
  }

  @Delete('prompts/:promptId')
  @RequireRole('EDITOR', 'prompt', 'promptId')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a prompt template (EDITOR); contents made from it keep their prompt text and get promptId null',
  })
  @ApiNoContentResponse()
  async remove(@CurrentCaller() caller: Caller, @Param('promptId') promptId: string): Promise<void> {
    await this.deletePrompt.execute(caller, promptId);
  }
}

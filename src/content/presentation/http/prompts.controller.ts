import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '#libs/ddd';
import { CurrentAccess, CurrentActor, RequireRole, type OrganizationAccess } from '../../../accounts';
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
  @ApiOperation({ summary: 'Create a prompt template (EDITOR); the answer lists its `variables`' })
  @ApiCreatedResponse({ type: PromptResponseDto })
  async create(
    @CurrentActor() actor: Actor,
    @CurrentAccess() access: OrganizationAccess,
    @Param('workspaceId') workspaceId: string,
    @Body() body: CreatePromptDto,
  ): Promise<PromptResponseDto> {
    return PromptResponseDto.from(await this.createPrompt.execute(actor, access, { workspaceId, ...body }));
  }

  @Get('workspaces/:workspaceId/prompts')
  @RequireRole('VIEWER', 'workspace', 'workspaceId')
  @ApiOperation({ summary: "The workspace's prompt templates, newest first, optionally of one category (VIEWER)" })
  @ApiOkResponse({ type: [PromptResponseDto] })
  async list(
    @CurrentAccess() access: OrganizationAccess,
    @Param('workspaceId') workspaceId: string,
    @Query() query: ListPromptsQueryDto,
  ): Promise<PromptResponseDto[]> {
    return (await this.listPrompts.execute(access, workspaceId, query.category)).map((prompt) =>
      PromptResponseDto.from(prompt),
    );
  }

  @Get('prompts/:promptId')
  @RequireRole('VIEWER', 'prompt', 'promptId')
  @ApiOkResponse({ type: PromptResponseDto })
  async get(
    @CurrentAccess() access: OrganizationAccess,
    @Param('promptId') promptId: string,
  ): Promise<PromptResponseDto> {
    return PromptResponseDto.from(await this.getPrompt.execute(access, promptId));
  }

  @Patch('prompts/:promptId')
  @RequireRole('EDITOR', 'prompt', 'promptId')
  @ApiOperation({ summary: 'Change a prompt template (EDITOR); contents already created keep their prompt text' })
  @ApiOkResponse({ type: PromptResponseDto })
  async update(
    @CurrentAccess() access: OrganizationAccess,
    @Param('promptId') promptId: string,
    @Body() body: UpdatePromptDto,
  ): Promise<PromptResponseDto> {
    return PromptResponseDto.from(await this.updatePrompt.execute(access, promptId, body));
  }

  @Delete('prompts/:promptId')
  @RequireRole('EDITOR', 'prompt', 'promptId')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a prompt template (EDITOR); contents made from it keep their prompt text and get promptId null',
  })
  @ApiNoContentResponse()
  async remove(@CurrentAccess() access: OrganizationAccess, @Param('promptId') promptId: string): Promise<void> {
    await this.deletePrompt.execute(access, promptId);
  }
}

import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Caller } from '#libs/ddd';
import { ApiErrors } from '#libs/http';
import { CurrentCaller, RequireRole } from '../../../accounts';
import { CreateProjectUseCase } from '../../application/use-cases/projects/create-project.use-case';
import { DeleteProjectUseCase } from '../../application/use-cases/projects/delete-project.use-case';
import { GetProjectUseCase } from '../../application/use-cases/projects/get-project.use-case';
import { ListProjectsUseCase } from '../../application/use-cases/projects/list-projects.use-case';
import { UpdateProjectUseCase } from '../../application/use-cases/projects/update-project.use-case';
import { CreateProjectDto, ProjectResponseDto, UpdateProjectDto } from './dto/project.dto';

@ApiTags('Projects')
@ApiBearerAuth()
@Controller()
export class ProjectsController {
  constructor(
    private readonly createProject: CreateProjectUseCase,
    private readonly listProjects: ListProjectsUseCase,
    private readonly getProject: GetProjectUseCase,
    private readonly updateProject: UpdateProjectUseCase,
    private readonly deleteProject: DeleteProjectUseCase,
  ) {}

  @Post('workspaces/:workspaceId/projects')
  @RequireRole('EDITOR', 'workspace', 'workspaceId')
  @ApiOperation({ summary: 'Create a project in a workspace (EDITOR)' })
  @ApiCreatedResponse({ type: ProjectResponseDto })
  async create(
    @CurrentCaller() caller: Caller,
    @Param('workspaceId') workspaceId: string,
    @Body() body: CreateProjectDto,
  ): Promise<ProjectResponseDto> {
    return ProjectResponseDto.from(await this.createProject.execute(caller, { workspaceId, ...body }));
  }

  @Get('workspaces/:workspaceId/projects')
  @RequireRole('VIEWER', 'workspace', 'workspaceId')
  @ApiOperation({ summary: "The workspace's projects, newest first (VIEWER)" })
  @ApiOkResponse({ type: [ProjectResponseDto] })
  async list(
    @CurrentCaller() caller: Caller,
    @Param('workspaceId') workspaceId: string,
  ): Promise<ProjectResponseDto[]> {
    return (await this.listProjects.execute(caller, workspaceId)).map((project) => ProjectResponseDto.from(project));
  }

  @Get('projects/:projectId')
  @RequireRole('VIEWER', 'project', 'projectId')
  @ApiOperation({ summary: 'A project (VIEWER)' })
  @ApiOkResponse({ type: ProjectResponseDto })
  async get(@CurrentCaller() caller: Caller, @Param('projectId') projectId: string): Promise<ProjectResponseDto> {
    return ProjectResponseDto.from(await this.getProject.execute(caller, projectId));
  }

  @Patch('projects/:projectId')
  @RequireRole('EDITOR', 'project', 'projectId')
  @ApiOperation({ summary: 'Rename or describe a project (EDITOR)' })
  @ApiOkResponse({ type: ProjectResponseDto })
  async update(
    @CurrentCaller() caller: Caller,
    @Param('projectId') projectId: string,
    @Body() body: UpdateProjectDto,
  ): Promise<ProjectResponseDto> {
    return ProjectResponseDto.from(await this.updateProject.execute(caller, projectId, body));
  }

  @Delete('projects/:projectId')
  @RequireRole('ADMIN', 'project', 'projectId')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a project with all its contents and their versions (ADMIN)',
    description:
      'The deletion is permanent. Errors: 409 CONTENT_BUSY while one of its contents is being generated (details.contentId).',
  })
  @ApiNoContentResponse()
  @ApiErrors({ 409: ['CONTENT_BUSY'] })
  async remove(@CurrentCaller() caller: Caller, @Param('projectId') projectId: string): Promise<void> {
    await this.deleteProject.execute(caller, projectId);
  }
}

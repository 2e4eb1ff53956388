import { Module, type DynamicModule, type OnModuleInit, type Provider } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '#libs/config';
import { Clock, SystemClock } from '#libs/ddd';
import { AccountsModule, ResourceOwners } from '../accounts';
import { ContentEvents } from './application/ports/content-events';
import { ContentPolicyRepository } from './application/ports/content-policy.repository';
import { ContentRepository } from './application/ports/content.repository';
import { TextDiffer } from './application/ports/text-differ';
import { GenerationDefaults } from './application/ports/generation-defaults';
import { ProjectRepository } from './application/ports/project.repository';
import { PromptRepository } from './application/ports/prompt.repository';
import { ApproveContentUseCase } from './application/use-cases/contents/approve-content.use-case';
import { CompareContentVersionsUseCase } from './application/use-cases/contents/compare-content-versions.use-case';
import { CreateContentUseCase } from './application/use-cases/contents/create-content.use-case';
import { DeleteContentUseCase } from './application/use-cases/contents/delete-content.use-case';
import { EditContentUseCase } from './application/use-cases/contents/edit-content.use-case';
import { GetContentUseCase } from './application/use-cases/contents/get-content.use-case';
import { GetContentVersionUseCase } from './application/use-cases/contents/get-content-version.use-case';
import { ListContentVersionsUseCase } from './application/use-cases/contents/list-content-versions.use-case';
import { ListContentsUseCase } from './application/use-cases/contents/list-contents.use-case';
import { RejectContentUseCase } from './application/use-cases/contents/reject-content.use-case';
import { CompleteGenerationUseCase } from './application/use-cases/generation/complete-generation.use-case';
import { FailGenerationUseCase } from './application/use-cases/generation/fail-generation.use-case';
import { GetGenerationRequestUseCase } from './application/use-cases/generation/get-generation-request.use-case';
import { ListRunningGenerationsUseCase } from './application/use-cases/generation/list-running-generations.use-case';
import { StartGenerationUseCase } from './application/use-cases/generation/start-generation.use-case';
import { ExportContentUseCase } from './application/use-cases/export/export-content.use-case';
import { ExportProjectUseCase } from './application/use-cases/export/export-project.use-case';
import { ScanTextForPiiUseCase } from './application/use-cases/pii/scan-text-for-pii.use-case';
import { GetContentPolicyUseCase } from './application/use-cases/policy/get-content-policy.use-case';
import { UpdateContentPolicyUseCase } from './application/use-cases/policy/update-content-policy.use-case';
import { CreateProjectUseCase } from './application/use-cases/projects/create-project.use-case';
import { DeleteProjectUseCase } from './application/use-cases/projects/delete-project.use-case';
import { GetProjectUseCase } from './application/use-cases/projects/get-project.use-case';
import { ListProjectsUseCase } from './application/use-cases/projects/list-projects.use-case';
import { UpdateProjectUseCase } from './application/use-cases/projects/update-project.use-case';
import { CreatePromptUseCase } from './application/use-cases/prompts/create-prompt.use-case';
import { DeletePromptUseCase } from './application/use-cases/prompts/delete-prompt.use-case';
import { GetPromptUseCase } from './application/use-cases/prompts/get-prompt.use-case';
import { ListPromptsUseCase } from './application/use-cases/prompts/list-prompts.use-case';
import { UpdatePromptUseCase } from './application/use-cases/prompts/update-prompt.use-case';
import { JsDiffTextDiffer } from './infrastructure/diff/jsdiff-text-differ';
import { WebhookContentEvents } from './infrastructure/events/webhook-content-events';
import { ContentPolicyEntity } from './infrastructure/persistence/content-policy.entity';
import { ContentEntity } from './infrastructure/persistence/content.entity';
import { ContentVersionEntity } from './infrastructure/persistence/content-version.entity';
import { ProjectEntity } from './infrastructure/persistence/project.entity';
import { PromptEntity } from './infrastructure/persistence/prompt.entity';
import { TypeOrmContentPolicyRepository } from './infrastructure/persistence/typeorm-content-policy.repository';
import { TypeOrmContentRepository } from './infrastructure/persistence/typeorm-content.repository';
import { TypeOrmProjectRepository } from './infrastructure/persistence/typeorm-project.repository';
import { TypeOrmPromptRepository } from './infrastructure/persistence/typeorm-prompt.repository';
import { ContentDiffController } from './presentation/http/content-diff.controller';
import { ContentExportController } from './presentation/http/content-export.controller';
import { ContentPolicyController } from './presentation/http/content-policy.controller';
import { ContentsController } from './presentation/http/contents.controller';
import { PiiController } from './presentation/http/pii.controller';
import { ProjectsController } from './presentation/http/projects.controller';
import { PromptsController } from './presentation/http/prompts.controller';

const ports = (config: AppConfig): Provider[] => [
  { provide: Clock, useClass: SystemClock },
  { provide: ProjectRepository, useClass: TypeOrmProjectRepository },
  { provide: PromptRepository, useClass: TypeOrmPromptRepository },
  { provide: ContentRepository, useClass: TypeOrmContentRepository },
  { provide: ContentPolicyRepository, useClass: TypeOrmContentPolicyRepository },
  { provide: TextDiffer, useClass: JsDiffTextDiffer },
  { provide: ContentEvents, useClass: WebhookContentEvents },
  { provide: GenerationDefaults, useValue: { defaultModel: config.openai.defaultModel } satisfies GenerationDefaults },
];

/** Called by the ai context (generation worker and generate endpoint); exported through index.ts. */
const generation = [
  GetGenerationRequestUseCase,
  StartGenerationUseCase,
  CompleteGenerationUseCase,
  FailGenerationUseCase,
  ListRunningGenerationsUseCase,
];

const useCases: Provider[] = [
  CreateProjectUseCase,
  ListProjectsUseCase,
  GetProjectUseCase,
  UpdateProjectUseCase,
  DeleteProjectUseCase,
  CreatePromptUseCase,
  ListPromptsUseCase,
  GetPromptUseCase,
  UpdatePromptUseCase,
  DeletePromptUseCase,
  CreateContentUseCase,
  ListContentsUseCase,
  GetContentUseCase,
  EditContentUseCase,
  ApproveContentUseCase,
  RejectContentUseCase,
  DeleteContentUseCase,
  ListContentVersionsUseCase,
  GetContentVersionUseCase,
  GetContentPolicyUseCase,
  UpdateContentPolicyUseCase,
  ScanTextForPiiUseCase,
  CompareContentVersionsUseCase,
  ExportContentUseCase,
  ExportProjectUseCase,
  ...generation,
];

/** Projects, prompt templates, contents with their review state machine, and versions. */
@Module({})
export class ContentModule implements OnModuleInit {
  constructor(
    private readonly owners: ResourceOwners,
    private readonly projects: ProjectRepository,
    private readonly prompts: PromptRepository,
    private readonly contents: ContentRepository,
  ) {}

  /**
   * Other contexts import this module for the generation use cases. Nest tells dynamic modules
   * apart by object identity, so one config always gets the same object back; a second copy would
   * mount the controllers twice and register the owner lookups twice (which ResourceOwners refuses).
   */
  private static readonly mounted = new WeakMap<AppConfig, DynamicModule>();

  static forRole(config: AppConfig): DynamicModule {
    const existing = ContentModule.mounted.get(config);
    if (existing) return existing;
    const mounted: DynamicModule = {
      module: ContentModule,
      // The same AccountsModule.forRole(config) object as AppModule's: one instance, whose ResourceOwners the access guard uses.
      imports: [
        TypeOrmModule.forFeature([
          ProjectEntity,
          PromptEntity,
          ContentEntity,
          ContentVersionEntity,
          ContentPolicyEntity,
        ]),
        AccountsModule.forRole(config),
      ],
      controllers: config.runsHttp
        ? [
            ProjectsController,
            PromptsController,
            ContentsController,
            ContentDiffController,
            ContentExportController,
            ContentPolicyController,
            PiiController,
          ]
        : [],
      providers: [...ports(config), ...useCases],
      exports: generation,
    };
    ContentModule.mounted.set(config, mounted);
    return mounted;
  }

  /** Lets the access guard find the organization of an addressed project, prompt or content. */
  onModuleInit(): void {
    this.owners.register('project', (id) => this.projects.findOrganizationIdOf(id));
    this.owners.register('prompt', (id) => this.prompts.findOrganizationIdOf(id));
    this.owners.register('content', (id) => this.contents.findOrganizationIdOf(id));
  }
}

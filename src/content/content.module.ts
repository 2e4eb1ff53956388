import { BullModule } from '@nestjs/bullmq';
import { Module, type OnModuleInit, type Provider } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '#libs/config';
import { AccountsModule, ResourceOwners } from '../accounts';
import { AiModule } from '../ai';
import { UsageModule } from '../usage';
import { CommentRepository } from './application/ports/comment.repository';
import { CompletedCalls } from './application/ports/completed-calls';
import { GenerationAnswers } from './application/ports/generation-answers';
import { GenerationQueue } from './application/ports/generation-queue';
import { ContentEvents } from './application/ports/content-events';
import { ContentPolicyRepository } from './application/ports/content-policy.repository';
import { ContentRepository } from './application/ports/content.repository';
import { ContentReviews } from './application/ports/content-reviews';
import { ReviewerOrganizations } from './application/ports/reviewer-organizations';
import { EditorialAnalytics } from './application/ports/editorial-analytics';
import { TextDiffer } from './application/ports/text-differ';
import { GenerationDefaults } from './application/ports/generation-defaults';
import { ProjectRepository } from './application/ports/project.repository';
import { GlossaryRepository } from './application/ports/glossary.repository';
import { StyledContentReader } from './application/ports/styled-content-reader';
import { PromptRepository } from './application/ports/prompt.repository';
import { AddCommentUseCase } from './application/use-cases/comments/add-comment.use-case';
import { ListCommentsUseCase } from './application/use-cases/comments/list-comments.use-case';
import { ResolveCommentUseCase } from './application/use-cases/comments/resolve-comment.use-case';
import { GetEditorialAnalyticsUseCase } from './application/use-cases/analytics/get-editorial-analytics.use-case';
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
import { RestoreContentVersionUseCase } from './application/use-cases/contents/restore-content-version.use-case';
import { FailGenerationUseCase } from './application/use-cases/generation/fail-generation.use-case';
import { GenerateContentUseCase } from './application/use-cases/generation/generate-content.use-case';
import { RecoverLostGenerationsUseCase } from './application/use-cases/generation/recover-lost-generations.use-case';
import { EstimateGenerationUseCase } from './application/use-cases/generation/estimate-generation.use-case';
import { RequestGenerationUseCase } from './application/use-cases/generation/request-generation.use-case';
import { WatchContentGenerationUseCase } from './application/use-cases/generation/watch-content-generation.use-case';
import { AnnounceOverdueReviewsUseCase } from './application/use-cases/reviews/announce-overdue-reviews.use-case';
import { ListMyReviewsUseCase } from './application/use-cases/reviews/list-my-reviews.use-case';
import { ExportContentUseCase } from './application/use-cases/export/export-content.use-case';
import { ExportProjectUseCase } from './application/use-cases/export/export-project.use-case';
import { RedactTextForPiiUseCase } from './application/use-cases/pii/redact-text-for-pii.use-case';
import { ScanTextForPiiUseCase } from './application/use-cases/pii/scan-text-for-pii.use-case';
import { GetContentPolicyUseCase } from './application/use-cases/policy/get-content-policy.use-case';
import { UpdateContentPolicyUseCase } from './application/use-cases/policy/update-content-policy.use-case';
import { CheckTextStyleUseCase } from './application/use-cases/style/check-text-style.use-case';
import { GetGlossaryUseCase } from './application/use-cases/style/get-glossary.use-case';
import { UpdateGlossaryUseCase } from './application/use-cases/style/update-glossary.use-case';
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
import { JsDiffTextDiffer } from './infrastructure/jsdiff/jsdiff-text-differ';
import { IntegrationContentEvents } from './infrastructure/in-process/in-process-content-events';
import { InProcessReviewerOrganizations } from './infrastructure/in-process/in-process-reviewer-organizations';
import { ContentCommentEntity } from './infrastructure/typeorm/content-comment.entity';
import { ContentPolicyEntity } from './infrastructure/typeorm/content-policy.entity';
import { ContentEntity } from './infrastructure/typeorm/content.entity';
import { ContentVersionEntity } from './infrastructure/typeorm/content-version.entity';
import { CONTENT_OWNER } from './infrastructure/typeorm/content-row-statements';
import { ProjectEntity } from './infrastructure/typeorm/project.entity';
import { PromptEntity } from './infrastructure/typeorm/prompt.entity';
import { COMMENT_OWNER, TypeOrmCommentRepository } from './infrastructure/typeorm/typeorm-comment.repository';
import { TypeOrmContentPolicyRepository } from './infrastructure/typeorm/typeorm-content-policy.repository';
import { TypeOrmContentRepository } from './infrastructure/typeorm/typeorm-content.repository';
import { OrganizationGlossaryEntity } from './infrastructure/typeorm/organization-glossary.entity';
import { TypeOrmGlossaryRepository } from './infrastructure/typeorm/typeorm-glossary.repository';
import { TypeOrmStyledContentReader } from './infrastructure/typeorm/typeorm-styled-content-reader';
import { TypeOrmContentReviews } from './infrastructure/typeorm/typeorm-content-reviews';
import { TypeOrmEditorialAnalytics } from './infrastructure/typeorm/typeorm-editorial-analytics';
import { PROJECT_OWNER, TypeOrmProjectRepository } from './infrastructure/typeorm/typeorm-project.repository';
import { PROMPT_OWNER, TypeOrmPromptRepository } from './infrastructure/typeorm/typeorm-prompt.repository';
import { CommentsController } from './presentation/http/comments.controller';
import { ContentDiffController } from './presentation/http/content-diff.controller';
import { ContentExportController } from './presentation/http/content-export.controller';
import { ContentPolicyController } from './presentation/http/content-policy.controller';
import { ContentsController } from './presentation/http/contents.controller';
import { EditorialAnalyticsController } from './presentation/http/editorial-analytics.controller';
import { GenerationEventsController } from './presentation/http/generation-events.controller';
import { GenerationController } from './presentation/http/generation.controller';
import { ReviewsController } from './presentation/http/reviews.controller';
import { SseStreams } from './presentation/http/sse-stream';
import { StreamAccessWatch } from './presentation/http/stream-access-watch';
import { BullMqGenerationQueue } from './infrastructure/bullmq/bullmq-generation.queue';
import { GENERATION_MAINTENANCE_QUEUE, GENERATION_QUEUE } from './infrastructure/bullmq/generation.queue';
import { REVIEW_MAINTENANCE_QUEUE } from './infrastructure/bullmq/review.queue';
import { RedisCompletedCalls } from './infrastructure/redis/redis-completed-calls';
import { RedisGenerationAnswers } from './infrastructure/redis/redis-generation-answers';
import { PiiController } from './presentation/http/pii.controller';
import { StyleController } from './presentation/http/style.controller';
import { ProjectsController } from './presentation/http/projects.controller';
import { PromptsController } from './presentation/http/prompts.controller';

const ports: Provider[] = [
  { provide: ProjectRepository, useClass: TypeOrmProjectRepository },
  { provide: PromptRepository, useClass: TypeOrmPromptRepository },
  { provide: ContentRepository, useClass: TypeOrmContentRepository },
  { provide: ContentReviews, useClass: TypeOrmContentReviews },
  { provide: ReviewerOrganizations, useClass: InProcessReviewerOrganizations },
  { provide: ContentPolicyRepository, useClass: TypeOrmContentPolicyRepository },
  { provide: GlossaryRepository, useClass: TypeOrmGlossaryRepository },
  { provide: StyledContentReader, useClass: TypeOrmStyledContentReader },
  { provide: CommentRepository, useClass: TypeOrmCommentRepository },
  { provide: TextDiffer, useClass: JsDiffTextDiffer },
  { provide: EditorialAnalytics, useClass: TypeOrmEditorialAnalytics },
  { provide: ContentEvents, useClass: IntegrationContentEvents },
  { provide: GenerationQueue, useClass: BullMqGenerationQueue },
  { provide: CompletedCalls, useClass: RedisCompletedCalls },
  { provide: GenerationAnswers, useClass: RedisGenerationAnswers },
  {
    provide: GenerationDefaults,
    inject: [AppConfig],
    useFactory: (config: AppConfig): GenerationDefaults => ({ defaultModel: config.openai.defaultModel }),
  },
];

/** The generation workflow, request to REVIEW: its queue jobs run these (see contentWorkers). */
const generation = [
  RequestGenerationUseCase,
  EstimateGenerationUseCase,
  GenerateContentUseCase,
  FailGenerationUseCase,
  RecoverLostGenerationsUseCase,
  WatchContentGenerationUseCase,
];

/** The review inbox's overdue scan: a queue job runs it (see contentWorkers). */
const reviewMaintenance = [AnnounceOverdueReviewsUseCase];

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
  RestoreContentVersionUseCase,
  GetContentPolicyUseCase,
  UpdateContentPolicyUseCase,
  ScanTextForPiiUseCase,
  RedactTextForPiiUseCase,
  CheckTextStyleUseCase,
  GetGlossaryUseCase,
  UpdateGlossaryUseCase,
  CompareContentVersionsUseCase,
  ExportContentUseCase,
  ExportProjectUseCase,
  ListMyReviewsUseCase,
  GetEditorialAnalyticsUseCase,
  AddCommentUseCase,
  ListCommentsUseCase,
  ResolveCommentUseCase,
  ...generation,
  ...reviewMaintenance,
];

const queues = BullModule.registerQueue(
  { name: GENERATION_QUEUE },
  { name: GENERATION_MAINTENANCE_QUEUE },
  { name: REVIEW_MAINTENANCE_QUEUE },
);

/**
 * Projects, prompt templates, contents with their review state machine and versions, and the
 * generation workflow that owns the contents row from request to REVIEW: it calls the ai gateway
 * for the model and the live events, and the usage context for the budget.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      ProjectEntity,
      PromptEntity,
      ContentEntity,
      ContentVersionEntity,
      ContentPolicyEntity,
      ContentCommentEntity,
      OrganizationGlossaryEntity,
    ]),
    queues,
    AccountsModule,
    AiModule,
    UsageModule,
  ],
  controllers: [
    ProjectsController,
    PromptsController,
    ContentsController,
    ContentDiffController,
    CommentsController,
    ContentExportController,
    ContentPolicyController,
    PiiController,
    StyleController,
    GenerationController,
    GenerationEventsController,
    ReviewsController,
    EditorialAnalyticsController,
  ],
  providers: [...ports, ...useCases, SseStreams, StreamAccessWatch],
  // The worker root's processors run the generation use cases and read the maintenance queue.
  exports: [...generation, ...reviewMaintenance, queues],
})
export class ContentModule implements OnModuleInit {
  constructor(private readonly owners: ResourceOwners) {}

  /** Lets the access guard find the organization of an addressed project, prompt, content or comment. */
  onModuleInit(): void {
    this.owners.register('project', PROJECT_OWNER);
    this.owners.register('prompt', PROMPT_OWNER);
    this.owners.register('content', CONTENT_OWNER);
    this.owners.register('comment', COMMENT_OWNER);
  }
}

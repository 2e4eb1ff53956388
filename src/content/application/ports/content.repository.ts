import type { Page, PageRequest } from '#libs/ddd';
import type { Content, ContentState } from '../../domain/content';
import type { ContentStatus } from '../../domain/content-status';
import type { ContentVersion } from '../../domain/content-version';

/** What the API shows of a content. */
export type ContentView = Omit<ContentState, 'resumeStatus' | 'bodyModel' | 'generationStartedAt'>;

export function toContentView(content: Content): ContentView {
  const { resumeStatus: _resume, bodyModel: _model, generationStartedAt: _started, ...view } = content.snapshot();
  return view;
}

export interface ContentFilter {
  /** Any of these statuses. */
  statuses?: ContentStatus[];
  /** Words that must all start a word of the title, prompt or body (see searchTermsOf), however the Persian is spelled. */
  q?: string;
  createdBy?: string;
  /** created_at ≥ from */
  from?: Date;
  /** created_at < to */
  to?: Date;
}

/** A content waiting for a generation job (status IN_PROGRESS). */
export interface RunningGeneration {
  contentId: string;
  organizationId: string;
  jobId: string;
  startedAt: Date;
  createdBy: string;
}

/** Returns false when it changed nothing, so nothing needs writing. */
export type ContentChange = (content: Content) => boolean | void;

export abstract class ContentRepository {
  /** Stores a new content with the versions it already has. */
  abstract add(content: Content): Promise<void>;
  abstract findByIdInOrganization(organizationId: string, contentId: string): Promise<Content | undefined>;
  /**
   * Applies `change` to the stored content and stores the new state and any new versions, only if
   * nobody changed the content meanwhile; otherwise `change` runs again on the newer state, so
   * concurrent changes of one content apply one after another. A change that returns false stores
   * nothing. Returns the content as changed, or undefined when it does not exist in the organization.
   *
   * `loaded`, a content this repository returned earlier, is tried first instead of reading the row
   * again: a job that read its content at its start writes its result without a second read.
   */
  abstract update(
    organizationId: string,
    contentId: string,
    change: ContentChange,
    loaded?: Content,
  ): Promise<Content | undefined>;
  /** Deletes the content and its versions if `check` (given the locked content) does not throw. False when not found. */
  abstract delete(organizationId: string, contentId: string, check: (content: Content) => void): Promise<boolean>;
  /** Newest first (created_at DESC, id DESC). */
  abstract listForProject(
    organizationId: string,
    projectId: string,
    filter: ContentFilter,
    page: PageRequest,
  ): Promise<Page<ContentView>>;
  /** Oldest first. */
  abstract listVersions(organizationId: string, contentId: string): Promise<ContentVersion[]>;
  /** The versions of several contents at once, oldest first per content. */
  abstract listVersionsOf(organizationId: string, contentIds: string[]): Promise<Map<string, ContentVersion[]>>;
  abstract findVersion(organizationId: string, contentId: string, number: number): Promise<ContentVersion | undefined>;
  /** For the access guard: the organization owning the content. */
  abstract findOrganizationIdOf(contentId: string): Promise<string | undefined>;
  /**
   * The only read not scoped by organization: a queue job carries just the content id. The result
   * says which organization the content belongs to.
   */
  abstract findForGeneration(contentId: string): Promise<Content | undefined>;
  /** Of these generation job ids, those whose content is IN_PROGRESS waiting for exactly that job. */
  abstract findRunningJobIds(jobIds: string[]): Promise<Set<string>>;
  /** Across organizations, for the recovery of lost jobs: IN_PROGRESS contents whose generation started before `startedBefore`, oldest first. */
  abstract findRunningGenerations(startedBefore: Date, limit: number): Promise<RunningGeneration[]>;
}

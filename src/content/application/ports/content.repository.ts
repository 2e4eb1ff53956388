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

/**
 * One page of a content's versions, by number: at most `limit` of them, oldest first (`asc`) or
 * newest first (`desc`), within the optional bounds. A keyset: the next page starts after the
 * last number of this one (`after` it when `asc`, `before` it when `desc`).
 */
export interface VersionPageRequest {
  order: 'asc' | 'desc';
  /** Only versions numbered above this one. */
  after?: number;
  /** Only versions numbered below this one. */
  before?: number;
  limit: number;
}

/**
 * Where a page of a project's contents ended (see listForProjectAfter): handed back to read the page
 * after it. Opaque: only the repository that made it reads it (it holds the exact creation time as
 * the database stores it, finer than a Date).
 */
export interface ContentListKey {
  readonly createdAt: string;
  readonly id: string;
}

/** A keyset page of a project's contents, with the key of its last one (undefined when the page is empty). */
export interface ContentKeysetPage {
  items: ContentView[];
  last: ContentListKey | undefined;
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
  /** The same content as a read model, for reads that change nothing: no aggregate is built. */
  abstract findViewInOrganization(organizationId: string, contentId: string): Promise<ContentView | undefined>;
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
  /**
   * At most `limit` of the project's contents after `after` (from the newest when undefined), in the
   * order of listForProject: newest first (created_at DESC, id DESC). A keyset, so contents created
   * or deleted meanwhile shift no later page; no total is counted.
   */
  abstract listForProjectAfter(
    organizationId: string,
    projectId: string,
    after: ContentListKey | undefined,
    limit: number,
  ): Promise<ContentKeysetPage>;
  /**
   * One page of the content's versions (see VersionPageRequest), read through the primary key
   * (content_id, number): the work is the page's, however many versions the content has.
   */
  abstract listVersionPage(
    organizationId: string,
    contentId: string,
    page: VersionPageRequest,
  ): Promise<ContentVersion[]>;
  /** How many versions the content has (0 for a content of another organization). */
  abstract countVersions(organizationId: string, contentId: string): Promise<number>;
  abstract findVersion(organizationId: string, contentId: string, number: number): Promise<ContentVersion | undefined>;
  /** The organization owning the content, whichever it is; undefined once the content is gone. */
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

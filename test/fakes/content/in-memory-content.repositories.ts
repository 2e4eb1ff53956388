import { offsetOf, type Page, type PageRequest } from '#libs/ddd';
import {
  ContentRepository,
  toContentView,
  type ContentChange,
  type ContentFilter,
  type ContentKeysetPage,
  type ContentListKey,
  type ContentView,
  type RunningGeneration,
  type VersionPageRequest,
} from '../../../src/content/application/ports/content.repository';
import { ContentPolicyRepository } from '../../../src/content/application/ports/content-policy.repository';
import { GenerationDefaults } from '../../../src/content/application/ports/generation-defaults';
import { defaultContentPolicy, type ContentPolicy } from '../../../src/content/domain/content-policy';
import { ProjectRepository } from '../../../src/content/application/ports/project.repository';
import { PromptRepository } from '../../../src/content/application/ports/prompt.repository';
import { Content, type ContentState } from '../../../src/content/domain/content';
import type { ContentVersion } from '../../../src/content/domain/content-version';
import { Project, type ProjectState } from '../../../src/content/domain/project';
import { Prompt, type PromptState } from '../../../src/content/domain/prompt';

/** created_at DESC, id DESC, as the real adapter lists a project's contents. */
const newestFirst = (a: ContentState, b: ContentState): number =>
  b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1);

export class FixedGenerationDefaults extends GenerationDefaults {
  constructor(readonly defaultModel = 'gpt-4.1-mini') {
    super();
  }
}

/**
 * Contents in memory, stored as snapshots so that a test's object is never the stored one.
 * `update` runs changes of one content one after another, like the row lock of the real adapter,
 * and keeps nothing of a change that throws.
 */
export class InMemoryContentRepository extends ContentRepository {
  readonly rows = new Map<string, ContentState>();
  readonly versions = new Map<string, ContentVersion[]>();
  /** How often each kind of read or write ran, for specs that count work. */
  readonly calls = { findByIdInOrganization: 0, findForGeneration: 0, update: 0 };
  /** Reads of a stored content, as the real adapter would send them: an update handed a loaded content reads none. */
  rowReads = 0;
  private readonly queues = new Map<string, Promise<unknown>>();

  add(content: Content): Promise<void> {
    this.rows.set(content.id, content.snapshot());
    this.versions.set(content.id, [...content.pullNewVersions()]);
    return Promise.resolve();
  }

  findByIdInOrganization(organizationId: string, contentId: string): Promise<Content | undefined> {
    this.calls.findByIdInOrganization += 1;
    this.rowReads += 1;
    const state = this.rows.get(contentId);
    return Promise.resolve(state && state.organizationId === organizationId ? this.restore(state) : undefined);
  }

  async findViewInOrganization(organizationId: string, contentId: string): Promise<ContentView | undefined> {
    const content = await this.findByIdInOrganization(organizationId, contentId);
    return content && toContentView(content);
  }

  update(
    organizationId: string,
    contentId: string,
    change: ContentChange,
    loaded?: Content,
  ): Promise<Content | undefined> {
    this.calls.update += 1;
    if (!loaded) this.rowReads += 1;
    const run = async (): Promise<Content | undefined> => {
      await Promise.resolve();
      const state = this.rows.get(contentId);
      if (!state || state.organizationId !== organizationId) return undefined;
      const content = this.restore(state);
      if (change(content) === false) return content;
      const versions = content.pullNewVersions();
      this.rows.set(contentId, content.snapshot());
      this.versions.get(contentId)!.push(...versions);
      return content;
    };
    const previous = this.queues.get(contentId) ?? Promise.resolve();
    const next = previous.then(run, run);
    this.queues.set(
      contentId,
      next.catch(() => undefined),
    );
    return next;
  }

  async delete(organizationId: string, contentId: string, check: (content: Content) => void): Promise<boolean> {
    const content = await this.findByIdInOrganization(organizationId, contentId);
    if (!content) return false;
    check(content);
    this.rows.delete(contentId);
    this.versions.delete(contentId);
    return true;
  }

  listForProject(
    organizationId: string,
    projectId: string,
    filter: ContentFilter,
    page: PageRequest,
  ): Promise<Page<ContentView>> {
    const q = filter.q?.toLowerCase();
    const matching = [...this.rows.values()]
      .filter((s) => s.organizationId === organizationId && s.projectId === projectId)
      .filter((s) => !filter.statuses?.length || filter.statuses.includes(s.status))
      .filter((s) => !filter.createdBy || s.createdBy === filter.createdBy)
      .filter((s) => !filter.from || s.createdAt >= filter.from)
      .filter((s) => !filter.to || s.createdAt < filter.to)
      .filter((s) => !q || [s.title, s.prompt, s.body ?? ''].some((text) => text.toLowerCase().includes(q)))
      .sort(newestFirst);
    const items = matching
      .slice(offsetOf(page), offsetOf(page) + page.limit)
      .map((s) => toContentView(this.restore(s)));
    return Promise.resolve({ items, total: matching.length, page: page.page, limit: page.limit });
  }

  /** The key is the ISO creation time and the id; the order is listForProject's (created_at DESC, id DESC). */
  listForProjectAfter(
    organizationId: string,
    projectId: string,
    after: ContentListKey | undefined,
    limit: number,
  ): Promise<ContentKeysetPage> {
    const key = after && { at: new Date(after.createdAt).getTime(), id: after.id };
    const items = [...this.rows.values()]
      .filter((s) => s.organizationId === organizationId && s.projectId === projectId)
      .filter((s) => !key || s.createdAt.getTime() < key.at || (s.createdAt.getTime() === key.at && s.id < key.id))
      .sort(newestFirst)
      .slice(0, Math.max(0, limit))
      .map((s) => toContentView(this.restore(s)));
    const last = items.at(-1);
    return Promise.resolve({ items, last: last && { createdAt: last.createdAt.toISOString(), id: last.id } });
  }

  async listVersionPage(
    organizationId: string,
    contentId: string,
    page: VersionPageRequest,
  ): Promise<ContentVersion[]> {
    const inRange = (await this.listVersions(organizationId, contentId)).filter(
      (version) =>
        (page.after === undefined || version.number > page.after) &&
        (page.before === undefined || version.number < page.before),
    );
    return (page.order === 'desc' ? inRange.reverse() : inRange).slice(0, page.limit);
  }

  async countVersions(organizationId: string, contentId: string): Promise<number> {
    return (await this.listVersions(organizationId, contentId)).length;
  }

  /** Every version of the content, oldest first: for specs (the port reads a page at a time). */
  listVersions(organizationId: string, contentId: string): Promise<ContentVersion[]> {
    const state = this.rows.get(contentId);
    return Promise.resolve(
      state?.organizationId === organizationId ? structuredClone(this.versions.get(contentId) ?? []) : [],
    );
  }

  async findVersion(organizationId: string, contentId: string, number: number): Promise<ContentVersion | undefined> {
    return (await this.listVersions(organizationId, contentId)).find((version) => version.number === number);
  }

  findOrganizationIdOf(contentId: string): Promise<string | undefined> {
    return Promise.resolve(this.rows.get(contentId)?.organizationId);
  }

  findForGeneration(contentId: string): Promise<Content | undefined> {
    this.calls.findForGeneration += 1;
    this.rowReads += 1;
    const state = this.rows.get(contentId);
    return Promise.resolve(state ? this.restore(state) : undefined);
  }

  findRunningJobIds(jobIds: string[]): Promise<Set<string>> {
    const running = [...this.rows.values()].filter(
      (state) => state.status === 'IN_PROGRESS' && state.generationJobId && jobIds.includes(state.generationJobId),
    );
    return Promise.resolve(new Set(running.map((state) => state.generationJobId ?? '')));
  }

  findRunningGenerations(startedBefore: Date, limit: number): Promise<RunningGeneration[]> {
    const running = [...this.rows.values()]
      .filter(
        (state) =>
          state.status === 'IN_PROGRESS' &&
          state.generationJobId &&
          state.generationStartedAt &&
          state.generationStartedAt < startedBefore,
      )
      .sort((a, b) => (a.generationStartedAt?.getTime() ?? 0) - (b.generationStartedAt?.getTime() ?? 0))
      .slice(0, limit)
      .map((state) => ({
        contentId: state.id,
        organizationId: state.organizationId,
        jobId: state.generationJobId ?? '',
        startedAt: state.generationStartedAt ?? new Date(0),
        createdBy: state.createdBy,
      }));
    return Promise.resolve(running);
  }

  /** The stored state, for assertions. */
  stored(contentId: string): ContentState {
    const state = this.rows.get(contentId);
    if (!state) throw new Error(`No content ${contentId}`);
    return structuredClone(state);
  }

  private restore(state: ContentState): Content {
    const versions = this.versions.get(state.id) ?? [];
    return Content.restore({ ...structuredClone(state), bodyModel: versions.at(-1)?.model ?? null });
  }
}

export class InMemoryProjectRepository extends ProjectRepository {
  readonly rows = new Map<string, ProjectState>();

  constructor(private readonly contents?: () => InMemoryContentRepository) {
    super();
  }

  add(project: Project): Promise<void> {
    this.rows.set(project.id, project.snapshot());
    return Promise.resolve();
  }

  findByIdInOrganization(organizationId: string, projectId: string): Promise<Project | undefined> {
    const state = this.rows.get(projectId);
    return Promise.resolve(state?.organizationId === organizationId ? Project.restore(state) : undefined);
  }

  listForWorkspace(organizationId: string, workspaceId: string): Promise<Project[]> {
    const states = [...this.rows.values()].filter(
      (s) => s.organizationId === organizationId && s.workspaceId === workspaceId,
    );
    return Promise.resolve(
      states.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).map((s) => Project.restore(s)),
    );
  }

  save(project: Project): Promise<void> {
    this.rows.set(project.id, project.snapshot());
    return Promise.resolve();
  }

  delete(
    organizationId: string,
    projectId: string,
    check: (contents: { id: string; status: string }[]) => void,
  ): Promise<boolean> {
    const state = this.rows.get(projectId);
    if (state?.organizationId !== organizationId) return Promise.resolve(false);
    const contents = this.contents?.();
    const owned = contents ? [...contents.rows.values()].filter((c) => c.projectId === projectId) : [];
    check(owned.map((c) => ({ id: c.id, status: c.status })));
    for (const content of owned) contents?.rows.delete(content.id);
    this.rows.delete(projectId);
    return Promise.resolve(true);
  }
}

export class InMemoryPromptRepository extends PromptRepository {
  readonly rows = new Map<string, PromptState>();

  add(prompt: Prompt): Promise<void> {
    this.rows.set(prompt.id, prompt.snapshot());
    return Promise.resolve();
  }

  findByIdInOrganization(organizationId: string, promptId: string): Promise<Prompt | undefined> {
    const state = this.rows.get(promptId);
    return Promise.resolve(state?.organizationId === organizationId ? Prompt.restore(state) : undefined);
  }

  listForWorkspace(organizationId: string, workspaceId: string, category?: string): Promise<Prompt[]> {
    const states = [...this.rows.values()].filter(
      (s) =>
        s.organizationId === organizationId && s.workspaceId === workspaceId && (!category || s.category === category),
    );
    return Promise.resolve(
      states.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).map((s) => Prompt.restore(s)),
    );
  }

  save(prompt: Prompt): Promise<void> {
    this.rows.set(prompt.id, prompt.snapshot());
    return Promise.resolve();
  }

  delete(organizationId: string, promptId: string): Promise<boolean> {
    if (this.rows.get(promptId)?.organizationId !== organizationId) return Promise.resolve(false);
    this.rows.delete(promptId);
    return Promise.resolve(true);
  }
}

export class InMemoryContentPolicyRepository extends ContentPolicyRepository {
  readonly rows = new Map<string, ContentPolicy>();

  find(organizationId: string): Promise<ContentPolicy> {
    return Promise.resolve(this.rows.get(organizationId) ?? defaultContentPolicy(organizationId));
  }

  async save(policy: ContentPolicy): Promise<ContentPolicy> {
    const previous = await this.find(policy.organizationId);
    this.rows.set(policy.organizationId, { ...policy });
    return previous;
  }
}

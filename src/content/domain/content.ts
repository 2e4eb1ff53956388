import { FieldInvalidError } from '#libs/ddd';
import {
  ContentBusyError,
  ContentDeleteForbiddenError,
  ContentInvalidTransitionError,
  ContentVersionStaleError,
  ModelNotAllowedError,
  PromptContainsPiiError,
  requireText,
  SelfApprovalForbiddenError,
} from './content.errors';
import type { ContentStatus, RejectionCategory } from './content-status';
import { bodySha256, normaliseUsage, type ContentVersion, type GenerationUsage } from './content-version';
import { detectPii, type PiiFinding, type PiiScan } from './pii';

export const CONTENT_LIMITS = {
  title: 300,
  prompt: 20_000,
  body: 200_000,
  reviewNote: 2_000,
  model: 100,
  maxTokens: 16_384,
  maxTemperature: 2,
} as const;

export interface GenerationError {
  code: string;
  message: string;
}

export interface LastError extends GenerationError {
  at: Date;
}

export type { PiiFinding } from './pii';

/** Personal data found in a text (see ./pii): types and UTF-16 offsets, never the values. */
export type PiiReport = PiiScan;

/** What an organization allows to be sent to the model. */
export interface GenerationPolicy {
  /** Refuse to generate while the prompt contains personal data. */
  blockPromptsWithPii: boolean;
  /** The only models contents may generate with; null or empty: any model. */
  allowedModels?: readonly string[] | null;
}

/** A generation's request to the model, as chat messages (the ai context's wire-neutral shape). */
export interface GenerationPrompt {
  model: string;
  messages: { role: 'system' | 'user' | 'assistant'; content: string }[];
  temperature?: number;
  /** The completion cap; absent: the model's own. */
  maxTokens?: number;
}

export interface ReviewDecision {
  decision: 'APPROVED' | 'REJECTED';
  by: string;
  at: Date;
  /** The approver's comment or the rejection reason. */
  note: string | null;
  /** The version the reviewer read and decided on (absent on decisions made before reviews named one). */
  version?: number;
  /** Approvals: SHA-256 (lowercase hex) of that version's body, as UTF-8. */
  bodySha256?: string;
  /** Rejections: why (OTHER when the reviewer named no category). */
  category?: RejectionCategory;
}

/** An ADMIN's approval of the version they read. */
export interface ApprovalRequest {
  by: string;
  /** The number of the version the reviewer read: it must still be the current one. */
  version: number;
  comment?: string | null;
  /** Who wrote that version (its createdBy): its manual author, whoever requested the generation, or restored it. */
  versionAuthor: string | null;
  /** The organization's policy: may the writer of a version approve it? */
  allowSelfApproval: boolean;
}

export interface RejectionOptions {
  category?: RejectionCategory;
  /** The version the reviewer read; when given, it must still be the current one. */
  version?: number;
}

export interface ContentState {
  id: string;
  organizationId: string;
  workspaceId: string;
  projectId: string;
  title: string;
  prompt: string;
  /** The prompt template the prompt was rendered from, and the values used; null once the prompt is edited by hand. */
  promptId: string | null;
  variables: Record<string, string> | null;
  body: string | null;
  status: ContentStatus;
  model: string;
  temperature: number | null;
  maxTokens: number | null;
  /** Number of the newest version; 0 before the first. */
  currentVersion: number;
  /** The model that wrote the current body (null after a manual edit); copied onto an approval snapshot. */
  bodyModel: string | null;
  lastError: LastError | null;
  /** Personal data in the current body. */
  pii: PiiReport;
  /** Personal data in the prompt: a warning, or a refusal to generate where the organization's policy says so. */
  promptPii: PiiReport;
  lastReview: ReviewDecision | null;
  /** The job of the running generation, or of the most recent one once it has finished. */
  generationJobId: string | null;
  generationStartedAt: Date | null;
  /** The status a running generation left, to return to if it fails. */
  resumeStatus: ContentStatus | null;
  /** When the review should be done by (set by an editor; null: no due date). Overdue once past while in REVIEW. */
  reviewDueAt: Date | null;
  /** When the content last entered REVIEW: how long it has been waiting for a reviewer. Null before the first time. */
  reviewSince: Date | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewContent {
  id: string;
  organizationId: string;
  workspaceId: string;
  projectId: string;
  title: string;
  prompt: string;
  promptId?: string | null;
  variables?: Record<string, string> | null;
  model: string;
  temperature?: number | null;
  maxTokens?: number | null;
  createdBy: string;
  now: Date;
}

export interface ManualEdit {
  title?: string;
  prompt?: string;
  body?: string;
}

export interface CompletedGeneration {
  jobId: string;
  body: string;
  model: string;
  usage: GenerationUsage | null;
  by: string;
}

const GENERATABLE_FROM: readonly ContentStatus[] = ['DRAFT', 'REVIEW', 'REJECTED'];
const RESTORABLE_FROM: readonly ContentStatus[] = ['DRAFT', 'REVIEW', 'REJECTED'];
export const NO_PII: PiiReport = Object.freeze({ found: false, findings: [] as PiiFinding[] }) as PiiReport;
const ALLOW_ALL: GenerationPolicy = { blockPromptsWithPii: false };

/**
 * A piece of text written with a model and reviewed by people. The whole state machine lives here:
 * DRAFT → IN_PROGRESS → REVIEW → APPROVED | REJECTED; generating again is allowed from DRAFT, REVIEW
 * and REJECTED; a failed generation returns to the status it left; APPROVED is final.
 */
export class Content {
  private newVersions: ContentVersion[] = [];

  private constructor(private state: ContentState) {}

  static create(input: NewContent): Content {
    const prompt = requireText('prompt', input.prompt, CONTENT_LIMITS.prompt);
    return new Content({
      id: input.id,
      organizationId: input.organizationId,
      workspaceId: input.workspaceId,
      projectId: input.projectId,
      title: requireText('title', input.title, CONTENT_LIMITS.title),
      prompt,
      promptId: input.promptId ?? null,
      variables: input.variables ?? null,
      body: null,
      status: 'DRAFT',
      model: checkModel(input.model),
      temperature: checkTemperature(input.temperature ?? null),
      maxTokens: checkMaxTokens(input.maxTokens ?? null),
      currentVersion: 0,
      bodyModel: null,
      lastError: null,
      pii: { found: false, findings: [] },
      promptPii: detectPii(prompt),
      lastReview: null,
      generationJobId: null,
      generationStartedAt: null,
      resumeStatus: null,
      reviewDueAt: null,
      reviewSince: null,
      createdBy: input.createdBy,
      createdAt: input.now,
      updatedAt: input.now,
    });
  }

  static restore(state: ContentState): Content {
    return new Content({ ...state });
  }

  get id(): string {
    return this.state.id;
  }

  get organizationId(): string {
    return this.state.organizationId;
  }

  get projectId(): string {
    return this.state.projectId;
  }

  get createdBy(): string {
    return this.state.createdBy;
  }

  get status(): ContentStatus {
    return this.state.status;
  }

  get generationJobId(): string | null {
    return this.state.generationJobId;
  }

  get currentVersion(): number {
    return this.state.currentVersion;
  }

  /** A copy of the whole state, for persistence and read models. */
  snapshot(): ContentState {
    return structuredClone(this.state);
  }

  /** Versions appended since the content was loaded; the repository stores them with the content. */
  pullNewVersions(): ContentVersion[] {
    const versions = this.newVersions;
    this.newVersions = [];
    return versions;
  }

  /** True while the generation job `jobId` is the one running. */
  isRunningJob(jobId: string): boolean {
    return this.state.status === 'IN_PROGRESS' && this.state.generationJobId === jobId;
  }

  /** True once `jobId` has run and finished (completed or failed) and no newer job has started. */
  hasFinishedJob(jobId: string): boolean {
    return this.state.status !== 'IN_PROGRESS' && this.state.generationJobId === jobId;
  }

  /**
   * Refuses, without changing anything, a generation that could not start now: 409 CONTENT_BUSY
   * while one runs, 409 CONTENT_INVALID_TRANSITION for APPROVED content, 422 PROMPT_CONTAINS_PII
   * where the policy blocks prompts with personal data (scanned again now: the stored scan may
   * predate the detector's rules). Callers check before they reserve anything.
   */
  assertCanStartGeneration(policy: GenerationPolicy = ALLOW_ALL): void {
    this.assertNotBusy();
    if (!GENERATABLE_FROM.includes(this.state.status))
      throw new ContentInvalidTransitionError(this.state.status, 'generated');
    this.assertModelAllowed(policy);
    if (policy.blockPromptsWithPii) {
      const scan = detectPii(this.state.prompt);
      this.state.promptPii = scan;
      if (scan.found) throw new PromptContainsPiiError(scan.findings);
    }
  }

  /** Hands the content to a generation job (the checks of assertCanStartGeneration, under the row lock). */
  /** 400 MODEL_NOT_ALLOWED when the policy lists the models contents may use and this content's is not one. */
  assertModelAllowed(policy: GenerationPolicy): void {
    const allowed = policy.allowedModels;
    if (allowed?.length && !allowed.includes(this.state.model))
      throw new ModelNotAllowedError(this.state.model, allowed);
  }

  startGeneration(jobId: string, now: Date, policy: GenerationPolicy = ALLOW_ALL): void {
    if (!jobId) throw new FieldInvalidError('jobId', 'jobId must not be empty');
    this.assertCanStartGeneration(policy);
    this.state.resumeStatus = this.state.status;
    this.state.status = 'IN_PROGRESS';
    this.state.generationJobId = jobId;
    this.state.generationStartedAt = now;
    this.state.updatedAt = now;
  }

  /**
   * Takes back a start whose job could not be queued: the content is as it was before, without a
   * `lastError` (nothing was attempted). The job, should it exist after all, finds itself stale.
   */
  abandonGeneration(jobId: string, now: Date): void {
    this.assertRunning(jobId, 'abandoned');
    this.state.status = this.state.resumeStatus ?? 'DRAFT';
    this.state.resumeStatus = null;
    this.state.generationStartedAt = null;
    this.state.updatedAt = now;
  }

  /** What the model is asked: the one place where a content becomes chat messages. */
  generationPrompt(): GenerationPrompt {
    return {
      model: this.state.model,
      messages: [{ role: 'user', content: this.state.prompt }],
      ...(this.state.temperature !== null && { temperature: this.state.temperature }),
      ...(this.state.maxTokens !== null && { maxTokens: this.state.maxTokens }),
    };
  }

  completeGeneration(result: CompletedGeneration, now: Date): void {
    this.assertRunning(result.jobId, 'completed');
    if (result.body.length > CONTENT_LIMITS.body)
      throw new FieldInvalidError('body', `body must be at most ${CONTENT_LIMITS.body} characters`);
    const model = checkModel(result.model);
    this.appendVersion(
      {
        source: 'ai',
        body: result.body,
        model,
        usage: normaliseUsage(result.usage),
        generationJobId: result.jobId,
        createdBy: result.by,
      },
      now,
    );
    this.state.body = result.body;
    this.state.bodyModel = model;
    this.state.pii = detectPii(result.body);
    this.enterReview(now);
    this.state.lastError = null;
    this.state.resumeStatus = null;
    this.state.generationStartedAt = null;
    this.state.updatedAt = now;
  }

  failGeneration(jobId: string, error: GenerationError, now: Date): void {
    this.assertRunning(jobId, 'failed');
    this.state.status = this.state.resumeStatus ?? 'DRAFT';
    this.state.lastError = {
      code: error.code.slice(0, 64) || 'GENERATION_FAILED',
      message: error.message.slice(0, 1000),
      at: now,
    };
    this.state.resumeStatus = null;
    this.state.generationStartedAt = null;
    this.state.updatedAt = now;
  }

  /**
   * Changes title, prompt and/or body by hand. A changed body becomes a new "manual" version; the
   * status stays what it was. A hand-edited prompt no longer comes from a template. Returns whether
   * anything changed.
   */
  editManually(edit: ManualEdit, by: string, now: Date): boolean {
    this.assertNotBusy();
    if (this.state.status === 'APPROVED') throw new ContentInvalidTransitionError('APPROVED', 'edited');
    let changed = false;
    if (edit.title !== undefined) {
      const title = requireText('title', edit.title, CONTENT_LIMITS.title);
      if (title !== this.state.title) [this.state.title, changed] = [title, true];
    }
    if (edit.prompt !== undefined) {
      const prompt = requireText('prompt', edit.prompt, CONTENT_LIMITS.prompt);
      if (prompt !== this.state.prompt) {
        Object.assign(this.state, { prompt, promptId: null, variables: null, promptPii: detectPii(prompt) });
        changed = true;
      }
    }
    if (edit.body !== undefined && edit.body !== this.state.body) {
      if (!edit.body.trim()) throw new FieldInvalidError('body', 'body must not be empty');
      if (edit.body.length > CONTENT_LIMITS.body)
        throw new FieldInvalidError('body', `body must be at most ${CONTENT_LIMITS.body} characters`);
      this.appendVersion(
        { source: 'manual', body: edit.body, model: null, usage: null, generationJobId: null, createdBy: by },
        now,
      );
      this.state.body = edit.body;
      this.state.bodyModel = null;
      this.state.pii = detectPii(edit.body);
      changed = true;
    }
    if (changed) this.state.updatedAt = now;
    return changed;
  }

  /**
   * Sets (or, with null, clears) the date the review should be done by. Allowed in every status but
   * APPROVED (final), a running generation included: the date concerns the review, not the text.
   * Returns whether it changed.
   */
  scheduleReview(dueAt: Date | null, now: Date): boolean {
    if (this.state.status === 'APPROVED') throw new ContentInvalidTransitionError('APPROVED', 'rescheduled');
    if (dueAt !== null && Number.isNaN(dueAt.getTime()))
      throw new FieldInvalidError('reviewDueAt', 'reviewDueAt must be a valid instant');
    if ((dueAt?.getTime() ?? null) === (this.state.reviewDueAt?.getTime() ?? null)) return false;
    this.state.reviewDueAt = dueAt;
    this.state.updatedAt = now;
    return true;
  }

  /** In REVIEW with its due date passed. */
  isReviewOverdue(now: Date): boolean {
    return isReviewOverdue(this.state, now);
  }

  /**
   * Approves the version the reviewer read and records it as an "approval" version that names that
   * number and the SHA-256 of its body. Refused with 409 CONTENT_VERSION_STALE when another version
   * is current, and with 403 SELF_APPROVAL_FORBIDDEN when the approver wrote or generated it and the
   * organization does not allow that.
   */
  approve(request: ApprovalRequest, now: Date): void {
    this.assertInReview('approved');
    this.assertCurrentVersion(request.version);
    if (!request.allowSelfApproval && request.versionAuthor === request.by)
      throw new SelfApprovalForbiddenError(request.version);
    const { comment, by, version } = request;
    const note = comment?.trim() ? requireText('comment', comment, CONTENT_LIMITS.reviewNote) : null;
    const body = this.state.body ?? '';
    const sha256 = bodySha256(body);
    this.appendVersion(
      {
        source: 'approval',
        body,
        model: this.state.bodyModel,
        usage: null,
        generationJobId: null,
        createdBy: by,
        approvedVersion: version,
        bodySha256: sha256,
      },
      now,
    );
    this.state.status = 'APPROVED';
    this.state.lastReview = { decision: 'APPROVED', by, at: now, note, version, bodySha256: sha256 };
    this.state.updatedAt = now;
  }

  /** REVIEW → REJECTED with a reason and a category (OTHER when none is given); no version is written. */
  reject(by: string, reason: string, now: Date, options: RejectionOptions = {}): void {
    this.assertInReview('rejected');
    if (options.version !== undefined) this.assertCurrentVersion(options.version);
    const note = requireText('reason', reason, CONTENT_LIMITS.reviewNote);
    this.state.status = 'REJECTED';
    this.state.lastReview = {
      decision: 'REJECTED',
      by,
      at: now,
      note,
      version: this.state.currentVersion,
      category: options.category ?? 'OTHER',
    };
    this.state.updatedAt = now;
  }

  /**
   * Brings back the text of an earlier version as a new "restore" version and sends the content to
   * REVIEW. Allowed from DRAFT, REVIEW and REJECTED: APPROVED is final and a running generation owns
   * the body (409 CONTENT_INVALID_TRANSITION for both). Returns the new version.
   */
  restoreVersion(from: ContentVersion, by: string, now: Date): ContentVersion {
    if (!RESTORABLE_FROM.includes(this.state.status))
      throw new ContentInvalidTransitionError(this.state.status, 'restored to an earlier version');
    if (!Number.isInteger(from.number) || from.number < 1 || from.number > this.state.currentVersion)
      throw new FieldInvalidError('number', `version ${from.number} is not a version of this content`);
    this.appendVersion(
      {
        source: 'restore',
        body: from.body,
        model: from.model,
        usage: null,
        generationJobId: null,
        createdBy: by,
        restoredFrom: from.number,
      },
      now,
    );
    this.state.body = from.body;
    this.state.bodyModel = from.model;
    this.state.pii = detectPii(from.body);
    this.enterReview(now);
    this.state.updatedAt = now;
    return { ...(this.newVersions.at(-1) as ContentVersion) };
  }

  /** An EDITOR may delete their own DRAFT; an ADMIN any content that is not being generated. */
  assertCanBeDeletedBy(caller: { userId: string; isAdmin: boolean }): void {
    const own = caller.userId === this.state.createdBy;
    if (!caller.isAdmin && !own)
      throw new ContentDeleteForbiddenError('An EDITOR may delete only contents they created');
    this.assertNotBusy();
    if (!caller.isAdmin && this.state.status !== 'DRAFT')
      throw new ContentDeleteForbiddenError(`An EDITOR may delete only a DRAFT; this content is ${this.state.status}`);
  }

  private assertNotBusy(): void {
    if (this.state.status === 'IN_PROGRESS') throw new ContentBusyError({ jobId: this.state.generationJobId });
  }

  private assertRunning(jobId: string, action: string): void {
    if (!this.isRunningJob(jobId)) {
      throw new ContentInvalidTransitionError(
        this.state.status,
        `${action} by a generation job that is not the running one (${jobId})`,
      );
    }
  }

  private assertCurrentVersion(version: number): void {
    if (!Number.isInteger(version) || version < 1)
      throw new FieldInvalidError('version', 'version must be a whole number ≥ 1');
    if (version !== this.state.currentVersion) throw new ContentVersionStaleError(version, this.state.currentVersion);
  }

  private assertInReview(action: string): void {
    if (this.state.status !== 'REVIEW') throw new ContentInvalidTransitionError(this.state.status, action);
  }

  /**
   * Every way into REVIEW goes through here: the review waits from now (the inbox's longest-waiting
   * order). A failed or abandoned generation returning to REVIEW does not come through here: the
   * text under review is the same, so it keeps waiting since it first entered.
   */
  private enterReview(now: Date): void {
    this.state.status = 'REVIEW';
    this.state.reviewSince = now;
  }

  private appendVersion(version: Omit<ContentVersion, 'number' | 'createdAt'>, now: Date): void {
    this.state.currentVersion += 1;
    this.newVersions.push({ ...version, number: this.state.currentVersion, createdAt: now });
  }
}

/** The overdue rule, for a content or its read model: in REVIEW with its due date passed. */
export function isReviewOverdue(content: Pick<ContentState, 'status' | 'reviewDueAt'>, now: Date): boolean {
  return content.status === 'REVIEW' && content.reviewDueAt !== null && content.reviewDueAt.getTime() < now.getTime();
}

function checkModel(model: string): string {
  const trimmed = model.trim();
  if (!/^[A-Za-z0-9._:/-]{1,100}$/.test(trimmed))
    throw new FieldInvalidError('model', 'model must be 1–100 letters, digits or . _ : / -');
  return trimmed;
}

function checkTemperature(value: number | null): number | null {
  if (value === null) return null;
  if (!Number.isFinite(value) || value < 0 || value > CONTENT_LIMITS.maxTemperature)
    throw new FieldInvalidError('temperature', 'temperature must be between 0 and 2');
  return value;
}

function checkMaxTokens(value: number | null): number | null {
  if (value === null) return null;
  if (!Number.isInteger(value) || value < 1 || value > CONTENT_LIMITS.maxTokens) {
    throw new FieldInvalidError('maxTokens', `maxTokens must be a whole number from 1 to ${CONTENT_LIMITS.maxTokens}`);
  }
  return value;
}

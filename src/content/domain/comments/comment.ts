import { requireText } from '../content.errors';
import type { ContentVersion } from '../content-version';
import { CommentRangeInvalidError } from './comment.errors';
import { rangeProblem, selectorOf, type TextSelector } from './text-anchor';

export const COMMENT_LIMITS = { body: 5_000 } as const;

export interface CommentState {
  id: string;
  organizationId: string;
  contentId: string;
  /** The version the range was selected in, and the range with its quote and context there. */
  version: number;
  selector: TextSelector;
  body: string;
  authorId: string;
  createdAt: Date;
  resolvedBy: string | null;
  resolvedAt: Date | null;
}

/** A reviewer's remark on a range of one version of a content's body. */
export class Comment {
  private constructor(private state: CommentState) {}

  /** Throws COMMENT_RANGE_INVALID unless `[start, end)` is a range of the version's body made of whole characters. */
  static create(input: {
    id: string;
    organizationId: string;
    contentId: string;
    version: ContentVersion;
    start: number;
    end: number;
    body: string;
    authorId: string;
    now: Date;
  }): Comment {
    const { version, start, end } = input;
    const problem = rangeProblem(version.body, start, end);
    if (problem)
      throw new CommentRangeInvalidError(problem, { version: version.number, bodyLength: version.body.length });
    return new Comment({
      id: input.id,
      organizationId: input.organizationId,
      contentId: input.contentId,
      version: version.number,
      selector: selectorOf(version.body, start, end),
      body: requireText('body', input.body, COMMENT_LIMITS.body),
      authorId: input.authorId,
      createdAt: input.now,
      resolvedBy: null,
      resolvedAt: null,
    });
  }

  static restore(state: CommentState): Comment {
    return new Comment({ ...state, selector: { ...state.selector } });
  }

  get id(): string {
    return this.state.id;
  }

  get version(): number {
    return this.state.version;
  }

  get selector(): TextSelector {
    return { ...this.state.selector };
  }

  get resolved(): boolean {
    return this.state.resolvedAt !== null;
  }

  /** Marks the comment resolved. Resolving a resolved comment changes nothing (the first resolver stays); false then. */
  resolve(by: string, now: Date): boolean {
    if (this.resolved) return false;
    this.state.resolvedBy = by;
    this.state.resolvedAt = now;
    return true;
  }

  snapshot(): CommentState {
    return { ...this.state, selector: { ...this.state.selector } };
  }
}

import { DomainError, FieldInvalidError, ForbiddenError } from '#libs/ddd';
import type { ContentStatus } from './content-status';

/** The state machine refuses the change: APPROVED is final, approval needs REVIEW, and so on. */
export class ContentInvalidTransitionError extends DomainError {
  constructor(status: ContentStatus, action: string) {
    super('CONTENT_INVALID_TRANSITION', 'conflict', `A content in ${status} cannot be ${action}`, { status, action });
  }
}

/**
 * The reviewer read a version that is no longer the current one (or one that does not exist yet):
 * they must read the current version before approving or rejecting it.
 */
export class ContentVersionStaleError extends DomainError {
  constructor(version: number, currentVersion: number) {
    super(
      'CONTENT_VERSION_STALE',
      'conflict',
      `Version ${version} is not the current version of this content (${currentVersion}); read the current version and decide again`,
      { version, currentVersion },
    );
  }
}

/** The organization's policy does not let the writer of a version approve it. */
export class SelfApprovalForbiddenError extends DomainError {
  constructor(version: number) {
    super(
      'SELF_APPROVAL_FORBIDDEN',
      'forbidden',
      'You wrote or generated this version; another ADMIN must approve it (the organization does not allow self-approval)',
      { version },
    );
  }
}

/** A generation is running; the content cannot change until it completes or fails. */
export class ContentBusyError extends DomainError {
  constructor(
    details: { jobId?: string | null; contentId?: string } = {},
    message = 'The content is being generated; try again when the generation has finished',
  ) {
    super('CONTENT_BUSY', 'conflict', message, details);
  }
}

/**
 * The organization does not send prompts that contain personal data to the model. Details name
 * the types and offsets found, never the values.
 */
export class PromptContainsPiiError extends DomainError {
  constructor(findings: { type: string; start: number; end: number }[]) {
    super(
      'PROMPT_CONTAINS_PII',
      'unprocessable',
      'The prompt contains personal data and your organization does not send such prompts to the model; remove it and try again',
      {
        findings: findings.map(({ type, start, end }) => ({ type, start, end })),
      },
    );
  }
}

/** The organization's content policy lists the models its contents may use, and this one is not among them. */
export class ModelNotAllowedError extends DomainError {
  constructor(model: string, allowedModels: readonly string[]) {
    super(
      'MODEL_NOT_ALLOWED',
      'invalid',
      `Your organization does not generate with the model "${model}"; use one of: ${allowedModels.join(', ')}`,
      { model, allowedModels: [...allowedModels] },
    );
  }
}

export class TemplateVariableMissingError extends DomainError {
  constructor(readonly missing: string[]) {
    super(
      'TEMPLATE_VARIABLE_MISSING',
      'invalid',
      `Give a value for every template variable; missing: ${missing.join(', ')}`,
      { missing },
    );
  }
}

/** 403 FORBIDDEN: an EDITOR may delete only their own DRAFT. */
export class ContentDeleteForbiddenError extends ForbiddenError {}

/** Requires a non-blank string and returns it trimmed. */
export function requireText(field: string, value: string, maxLength: number): string {
  const trimmed = value.trim();
  if (!trimmed) throw new FieldInvalidError(field, `${field} must not be empty`);
  if (trimmed.length > maxLength)
    throw new FieldInvalidError(field, `${field} must be at most ${maxLength} characters`);
  return trimmed;
}

/** DRAFT → IN_PROGRESS → REVIEW → APPROVED | REJECTED; the rules live in the Content entity. */
export const CONTENT_STATUSES = ['DRAFT', 'IN_PROGRESS', 'REVIEW', 'APPROVED', 'REJECTED'] as const;
export type ContentStatus = (typeof CONTENT_STATUSES)[number];

export function isContentStatus(value: unknown): value is ContentStatus {
  return typeof value === 'string' && (CONTENT_STATUSES as readonly string[]).includes(value);
}

export const VERSION_SOURCES = ['ai', 'manual', 'approval', 'restore'] as const;
export type VersionSource = (typeof VERSION_SOURCES)[number];

/** Why a reviewer rejected a text; a rejection without one is OTHER. */
export const REJECTION_CATEGORIES = ['TONE', 'ACCURACY', 'PII', 'STYLE', 'LEGAL', 'OTHER'] as const;
export type RejectionCategory = (typeof REJECTION_CATEGORIES)[number];

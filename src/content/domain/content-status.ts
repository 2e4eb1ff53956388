/** DRAFT → IN_PROGRESS → REVIEW → APPROVED | REJECTED; the rules live in the Content entity. */
export const CONTENT_STATUSES = ['DRAFT', 'IN_PROGRESS', 'REVIEW', 'APPROVED', 'REJECTED'] as const;
export type ContentStatus = (typeof CONTENT_STATUSES)[number];

export function isContentStatus(value: unknown): value is ContentStatus {
  return typeof value === 'string' && (CONTENT_STATUSES as readonly string[]).includes(value);
}

export const VERSION_SOURCES = ['ai', 'manual', 'approval'] as const;
export type VersionSource = (typeof VERSION_SOURCES)[number];

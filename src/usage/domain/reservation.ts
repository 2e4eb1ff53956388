/**
 * A reservation holds a generation's worst case against the limits until its call is settled or
 * released, however long its job waits in the queue: it never lapses by time, so a backlog cannot
 * overspend. The generation's owner ends it (completion, final failure, discard, or the recovery
 * of a lost job).
 */
export const RESERVATION_STATUSES = ['RESERVED', 'SETTLED', 'RELEASED'] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];

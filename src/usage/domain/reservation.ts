/** A reservation holds a generation's worst case against the limits until its call is settled or released. */
export const RESERVATION_STATUSES = ['RESERVED', 'SETTLED', 'RELEASED'] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];

/**
 * How long a reservation holds budget. A generation that has neither settled nor released by then
 * is presumed lost with its worker, and its reservation stops counting. It must outlast the
 * longest generation (the OpenAI timeout times the job's attempts).
 */
export const RESERVATION_TTL_MS = 30 * 60_000;

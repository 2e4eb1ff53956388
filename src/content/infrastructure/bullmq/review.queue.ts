/** Periodic work of the review inbox (a job scheduler: once per interval across all workers). */
export const REVIEW_MAINTENANCE_QUEUE = 'content-reviews';
export const ANNOUNCE_OVERDUE_REVIEWS_JOB = 'announce-overdue-reviews';

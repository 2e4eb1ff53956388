/** A content that has been waiting for its generation job since `startedAt`. */
export interface RunningGeneration {
  contentId: string;
  organizationId: string;
  jobId: string;
  startedAt: Date;
  /** Stands in for the requester when the job, which names them, is gone. */
  createdBy: string;
}

/** The contents IN_PROGRESS, as the content context records them. */
export abstract class RunningGenerations {
  /** Oldest first; at most `limit`. */
  abstract startedBefore(moment: Date, limit: number): Promise<RunningGeneration[]>;
}

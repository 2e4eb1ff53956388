import type { Content } from '../../../domain/content';
import type { ContentRepository } from '../../ports/content.repository';

/** What changing a running generation did: `changed`, or nothing because the job had `finished` or is `stale`. */
export type RunningJobChange = 'changed' | 'finished' | 'stale';

/**
 * Applies `change` to the content under its row lock only while `jobId` is its running generation:
 * a job run twice, or one that lost the race to a newer job, changes nothing.
 */
export async function changeRunningJob(
  contents: ContentRepository,
  organizationId: string,
  contentId: string,
  jobId: string,
  change: (content: Content) => void,
): Promise<{ outcome: RunningJobChange; content?: Content }> {
  let outcome: RunningJobChange = 'stale';
  const content = await contents.update(organizationId, contentId, (c) => {
    if (!c.isRunningJob(jobId)) {
      outcome = c.hasFinishedJob(jobId) ? 'finished' : 'stale';
      return false;
    }
    change(c);
    outcome = 'changed';
  });
  return { outcome, content };
}

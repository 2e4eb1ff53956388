import type { ProjectUsageLimits } from '../../domain/project-usage-limits';

export abstract class ProjectUsageLimitsRepository {
  /** The project's limits in that organization, or undefined while it has none (never saved). */
  abstract findByProject(organizationId: string, projectId: string): Promise<ProjectUsageLimits | undefined>;
  /**
   * Applies `change` to the project's limits (the defaults when none were saved) under the lock of
   * the organization's limits row (the one reservations take), and saves them when it returns true.
   * Returns the limits as they are afterwards.
   */
  abstract update(
    organizationId: string,
    projectId: string,
    change: (limits: ProjectUsageLimits) => boolean,
  ): Promise<ProjectUsageLimits>;
}

import { Injectable } from '@nestjs/common';
import { IntegrationEvents } from '#libs/ddd';
import { UsageThresholdNotifier, type ThresholdCrossing } from '../../application/ports/usage-threshold-notifier';
import { LogUsageThresholdNotifier } from '../log/log-usage-threshold-notifier';

/**
 * Announces each crossed threshold as a `usage.threshold_reached` event (the crossing's id is the
 * event id, so a crossing is announced once) and in the structured log. The event names the limit
 * the way a 402's `details` does: `limit` is whose (`organization`, `user`, `project`), `setting` the
 * limits resource's field, `metric` tokens or cost, with the member's or project's id.
 */
@Injectable()
export class EventUsageThresholdNotifier extends UsageThresholdNotifier {
  private readonly log = new LogUsageThresholdNotifier();

  constructor(private readonly events: IntegrationEvents) {
    super();
  }

  async thresholdsCrossed(crossings: ThresholdCrossing[]): Promise<void> {
    await this.log.thresholdsCrossed(crossings);
    for (const crossing of crossings) {
      await this.events.publish({
        organizationId: crossing.organizationId,
        type: 'usage.threshold_reached',
        id: crossing.id,
        data: {
          organizationId: crossing.organizationId,
          scope: crossing.scope,
          limit: crossing.kind,
          metric: crossing.metric,
          setting: crossing.limit,
          userId: crossing.userId,
          projectId: crossing.projectId,
          threshold: crossing.threshold,
          limitValue: crossing.limitValue,
          used: crossing.used,
          period: crossing.period,
          crossedAt: crossing.crossedAt.toISOString(),
        },
      });
    }
  }
}

import { Injectable } from '@nestjs/common';
import { PublishWebhookEventUseCase } from '../../accounts';
import { UsageThresholdNotifier, type ThresholdCrossing } from '../application/ports/usage-threshold-notifier';
import { LogUsageThresholdNotifier } from './log-usage-threshold-notifier';

/**
 * Announces each crossed threshold as a `usage.threshold_reached` webhook (the crossing's id is the
 * event id, so a crossing is delivered once) and in the structured log.
 */
@Injectable()
export class WebhookUsageThresholdNotifier extends UsageThresholdNotifier {
  private readonly log = new LogUsageThresholdNotifier();

  constructor(private readonly publish: PublishWebhookEventUseCase) {
    super();
  }

  async thresholdsCrossed(crossings: ThresholdCrossing[]): Promise<void> {
    await this.log.thresholdsCrossed(crossings);
    for (const crossing of crossings) {
      await this.publish.execute({
        organizationId: crossing.organizationId,
        type: 'usage.threshold_reached',
        id: crossing.id,
        data: {
          organizationId: crossing.organizationId,
          scope: crossing.scope,
          limit: crossing.limit,
          userId: crossing.userId,
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

import { Injectable, Logger } from '@nestjs/common';
import { UsageThresholdNotifier, type ThresholdCrossing } from '../../application/ports/usage-threshold-notifier';

/**
 * Announces crossed thresholds in the structured log (`usageThreshold` events an operator can
 * alert on): 80 % as info, 100 % as a warning. Used by WebhookUsageThresholdNotifier.
 */
@Injectable()
export class LogUsageThresholdNotifier extends UsageThresholdNotifier {
  private readonly logger = new Logger('UsageThresholds');

  thresholdsCrossed(crossings: ThresholdCrossing[]): Promise<void> {
    for (const crossing of crossings) {
      const event = {
        usageThreshold: {
          id: crossing.id,
          organizationId: crossing.organizationId,
          limit: crossing.limit,
          userId: crossing.userId,
          threshold: crossing.threshold,
          limitValue: crossing.limitValue,
          used: crossing.used,
          periodStart: crossing.period.start,
        },
      };
      const message = `Usage reached ${crossing.threshold}% of ${crossing.limit}${crossing.userId ? ' for a member' : ''}`;
      if (crossing.threshold >= 100) this.logger.warn(event, message);
      else this.logger.log(event, message);
    }
    return Promise.resolve();
  }
}

import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { afterCommit } from '#libs/database';
import { SmsAlertQueue, type SmsAlert } from '../../application/in-app/notification-ports';
import { SEND_SMS_ALERT_JOB, SMS_ALERT_QUEUE } from './sms-alert.queue';

/**
 * Queues alerts once the transaction commits, never from inside it (no Redis while a transaction is
 * open). Queuing after the commit is best effort: if Redis fails then, the in-app notification
 * still stands and the failure is logged; the alert is not retried.
 */
@Injectable()
export class BullMqSmsAlertQueue extends SmsAlertQueue {
  private readonly logger = new Logger(BullMqSmsAlertQueue.name);

  constructor(
    @InjectQueue(SMS_ALERT_QUEUE) private readonly queue: Queue<SmsAlert>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    super();
  }

  enqueueAfterCommit(alerts: SmsAlert[]): Promise<void> {
    afterCommit(this.dataSource, () => {
      this.queue
        .addBulk(
          alerts.map((alert) => ({
            name: SEND_SMS_ALERT_JOB,
            data: alert,
            // BullMQ adds nothing for a job id it already holds: one SMS per event and recipient.
            opts: {
              jobId: alert.id.replace(/:/g, '_'),
              attempts: 5,
              backoff: { type: 'exponential', delay: 5_000 },
              removeOnComplete: { age: 86_400 },
              removeOnFail: { age: 7 * 86_400 },
            },
          })),
        )
        .catch((error: unknown) =>
          this.logger.error({ alerts: alerts.length, reason: (error as Error).message }, 'Could not queue SMS alerts'),
        );
    });
    return Promise.resolve();
  }
}

import { Injectable } from '@nestjs/common';
import type { IntegrationEvent } from '#libs/ddd';
import { audienceOf, thresholdSmsText } from '../../domain/in-app/notification-rules';
import { NotificationRepository, OrganizationMembers, SmsAlertQueue } from './notification-ports';

/**
 * The people an event concerns hear of it: an in-app notification each, and for a usage threshold an
 * SMS to each ADMIN. Runs in the publisher's transaction; the event's id keys both, so an event
 * announced twice notifies once.
 */
@Injectable()
export class NotifyMembersUseCase {
  constructor(
    private readonly members: OrganizationMembers,
    private readonly notifications: NotificationRepository,
    private readonly smsAlerts: SmsAlertQueue,
  ) {}

  async execute(event: IntegrationEvent & { id: string }): Promise<void> {
    const audience = audienceOf(event, await this.members.of(event.organizationId));
    if (audience.inApp.length)
      await this.notifications.addMany(
        audience.inApp.map((recipient) => ({
          userId: recipient.userId,
          organizationId: event.organizationId,
          type: event.type,
          data: event.data,
          eventId: event.id,
        })),
      );
    if (audience.sms.length) {
      const text = thresholdSmsText(event.data);
      await this.smsAlerts.enqueueAfterCommit(
        audience.sms.map((recipient) => ({ id: `${event.id}:${recipient.userId}`, phone: recipient.phone, text })),
      );
    }
  }
}

import { Injectable } from '@nestjs/common';
import type { Actor } from '#libs/ddd';
import { NotificationRepository, type NotificationInbox } from './notification-ports';

@Injectable()
export class ListMyNotificationsUseCase {
  constructor(private readonly notifications: NotificationRepository) {}

  execute(actor: Actor, input: { limit: number }): Promise<NotificationInbox> {
    return this.notifications.inboxOf(actor.userId, input.limit);
  }
}

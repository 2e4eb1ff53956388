import { Injectable } from '@nestjs/common';
import { Clock, NotFoundError, type Actor } from '#libs/ddd';
import { NotificationRepository, type NotificationView } from './notification-ports';

/** Another user's notification answers exactly like one that does not exist. */
@Injectable()
export class MarkNotificationReadUseCase {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, id: string): Promise<NotificationView> {
    const notification = await this.notifications.markRead(actor.userId, id, this.clock.now());
    if (!notification) throw new NotFoundError('Notification');
    return notification;
  }
}

import type { Recipient } from '../../domain/in-app/notification-rules';

export interface NotificationView {
  id: string;
  type: string;
  organizationId: string;
  data: Record<string, unknown>;
  createdAt: Date;
  readAt: Date | null;
}

export interface NewNotification {
  userId: string;
  organizationId: string;
  type: string;
  data: Record<string, unknown>;
  /** The event's id: a user gets one notification per event, however often it is announced. */
  eventId: string;
}

export interface NotificationInbox {
  items: NotificationView[];
  unread: number;
}

/** In-app notifications, each a user's own. */
export abstract class NotificationRepository {
  /** Writes in the caller's transaction; a notification already made for the same user and event is skipped. */
  abstract addMany(notifications: NewNotification[]): Promise<void>;
  /** The newest `limit`, and how many of all are unread. */
  abstract inboxOf(userId: string, limit: number): Promise<NotificationInbox>;
  /** Marks one of the user's own notifications read (once); undefined for anyone else's. */
  abstract markRead(userId: string, id: string, at: Date): Promise<NotificationView | undefined>;
}

/** The members of an organization, from the accounts context. */
export abstract class OrganizationMembers {
  abstract of(organizationId: string): Promise<Recipient[]>;
}

export interface SmsAlert {
  /** Stable per event and recipient: an alert is sent once. */
  id: string;
  phone: string;
  text: string;
}

/** SMS alerts, queued once the transaction that caused them commits (none if it rolls back). */
export abstract class SmsAlertQueue {
  abstract enqueueAfterCommit(alerts: SmsAlert[]): Promise<void>;
}

/** Sends one SMS text (Kavenegar's `sms/send`). */
export abstract class SmsAlertSender {
  abstract send(phone: string, text: string): Promise<void>;
}

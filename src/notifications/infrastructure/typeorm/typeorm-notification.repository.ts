import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { managerOf } from '#libs/database';
import {
  NotificationRepository,
  type NewNotification,
  type NotificationInbox,
  type NotificationView,
} from '../../application/in-app/notification-ports';

interface NotificationRow {
  id: string;
  type: string;
  organization_id: string;
  data: Record<string, unknown>;
  created_at: Date;
  read_at: Date | null;
}

const COLUMNS = 'id, type, organization_id, data, created_at, read_at';

const toView = (row: NotificationRow): NotificationView => ({
  id: row.id,
  type: row.type,
  organizationId: row.organization_id,
  data: row.data,
  createdAt: row.created_at,
  readAt: row.read_at,
});

@Injectable()
export class TypeOrmNotificationRepository extends NotificationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async addMany(notifications: NewNotification[]): Promise<void> {
    if (!notifications.length) return;
    await managerOf(this.dataSource).query(
      `INSERT INTO notifications (user_id, organization_id, type, data, event_id)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::varchar[], $4::jsonb[], $5::varchar[])
       ON CONFLICT (user_id, event_id) DO NOTHING`,
      [
        notifications.map((n) => n.userId),
        notifications.map((n) => n.organizationId),
        notifications.map((n) => n.type),
        notifications.map((n) => JSON.stringify(n.data)),
        notifications.map((n) => n.eventId),
      ],
    );
  }

  async inboxOf(userId: string, limit: number): Promise<NotificationInbox> {
    const manager = managerOf(this.dataSource);
    const [rows, counts] = await Promise.all([
      manager.query(
        `SELECT ${COLUMNS} FROM notifications WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`,
        [userId, limit],
      ) as Promise<NotificationRow[]>,
      manager.query('SELECT count(*)::int AS unread FROM notifications WHERE user_id = $1 AND read_at IS NULL', [
        userId,
      ]) as Promise<{ unread: number }[]>,
    ]);
    return { items: rows.map(toView), unread: counts[0]?.unread ?? 0 };
  }

  async markRead(userId: string, id: string, at: Date): Promise<NotificationView | undefined> {
    const [rows] = (await managerOf(this.dataSource).query(
      `UPDATE notifications SET read_at = COALESCE(read_at, $3) WHERE id = $1 AND user_id = $2 RETURNING ${COLUMNS}`,
      [id, userId, at],
    )) as [NotificationRow[], number];
    return rows[0] ? toView(rows[0]) : undefined;
  }
}

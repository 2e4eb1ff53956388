import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { TypeOrmNotificationRepository } from '../../../src/notifications/infrastructure/typeorm/typeorm-notification.repository';
import { openTestDataSource } from '../../support/test-data-source';

describe('in-app notifications (PostgreSQL)', () => {
  let dataSource: DataSource;
  let repository: TypeOrmNotificationRepository;
  const organizationId = randomUUID();

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    repository = new TypeOrmNotificationRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  const notification = (userId: string, eventId: string, type = 'content.approved') => ({
    userId,
    organizationId,
    type,
    data: { contentId: 'c', title: 'معرفی «آوا ۵»' },
    eventId,
  });

  it('makes one notification per user and event, however often the event is announced', async () => {
    const [alice, bob] = [randomUUID(), randomUUID()];
    const event = randomUUID();

    await repository.addMany([notification(alice, event), notification(bob, event)]);
    await repository.addMany([notification(alice, event)]);

    expect((await repository.inboxOf(alice, 50)).items).toHaveLength(1);
    expect((await repository.inboxOf(bob, 50)).items).toHaveLength(1);
  });

  it('lists the newest first up to the limit, and counts every unread one', async () => {
    const user = randomUUID();
    for (const type of ['first', 'second', 'third']) await repository.addMany([notification(user, randomUUID(), type)]);

    const inbox = await repository.inboxOf(user, 2);

    expect(inbox.items.map((n) => n.type)).toEqual(['third', 'second']);
    expect(inbox.unread).toBe(3);
    expect(inbox.items[0]!.data).toEqual({ contentId: 'c', title: 'معرفی «آوا ۵»' });
  });

  it("marks only the user's own notification read, and keeps the first time", async () => {
    const [owner, other] = [randomUUID(), randomUUID()];
    await repository.addMany([notification(owner, randomUUID())]);
    const [mine] = (await repository.inboxOf(owner, 1)).items;

    expect(await repository.markRead(other, mine!.id, new Date())).toBeUndefined();
    const first = new Date('2026-12-01T10:00:00Z');
    expect((await repository.markRead(owner, mine!.id, first))?.readAt).toEqual(first);
    expect((await repository.markRead(owner, mine!.id, new Date()))?.readAt).toEqual(first);
    expect((await repository.inboxOf(owner, 10)).unread).toBe(0);
  });
});

import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import {
  ACCOUNTS_MAINTENANCE_QUEUE,
  CLEAN_UP_EXPIRED_AUTH_JOB,
} from '../../src/accounts/infrastructure/bullmq/accounts.queue';
import { randomMobile } from '../support/random';
import { eventually } from '../support/eventually';
import { bootTestApp, type TestApp } from '../support/test-app';

describe('scheduled clean-up of expired auth state', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await bootTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('schedules one hourly clean-up for the whole deployment', async () => {
    const queue = t.app.get<Queue>(getQueueToken(ACCOUNTS_MAINTENANCE_QUEUE));
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers).toEqual([expect.objectContaining({ key: CLEAN_UP_EXPIRED_AUTH_JOB, every: 3_600_000 })]);
  });

  it('deletes refresh tokens long past expiry when the job runs, and keeps live ones', async () => {
    const dataSource = t.app.get(DataSource);
    const [user] = (await dataSource.query('INSERT INTO users (phone) VALUES ($1) RETURNING id', [
      `+98${randomMobile().slice(1)}`,
    ])) as { id: string }[];
    const insert = (hash: string, expiresAt: string) =>
      dataSource.query(
        'INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at, family_expires_at) VALUES ($1, gen_random_uuid(), $2, $3, $3)',
        [user!.id, hash, expiresAt],
      );
    await insert('a'.repeat(64), '2020-01-01T00:00:00Z');
    await insert('b'.repeat(64), '2999-01-01T00:00:00Z');

    const queue = t.app.get<Queue>(getQueueToken(ACCOUNTS_MAINTENANCE_QUEUE));
    await queue.add(CLEAN_UP_EXPIRED_AUTH_JOB, {});
    const remaining = await eventually('the expired token to be deleted', async () => {
      const rows = (await dataSource.query('SELECT token_hash FROM refresh_tokens WHERE user_id = $1', [user!.id])) as {
        token_hash: string;
      }[];
      return rows.length === 1 && rows;
    });
    expect(remaining.map((row) => row.token_hash)).toEqual(['b'.repeat(64)]);
  });
});

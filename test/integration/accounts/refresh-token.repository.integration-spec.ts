import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { NewRefreshToken } from '../../../src/accounts/application/ports/refresh-token.repository';
import { TypeOrmRefreshTokenRepository } from '../../../src/accounts/infrastructure/persistence/typeorm-refresh-token.repository';
import { openTestDataSource } from '../../support/test-data-source';
import { randomMobile } from '../../support/random';

describe('TypeOrmRefreshTokenRepository', () => {
  let dataSource: DataSource;
  let repository: TypeOrmRefreshTokenRepository;
  let userId: string;
  const now = new Date();
  const later = new Date(now.getTime() + 86_400_000);
  const token = (familyId: string, hash = randomUUID().replace(/-/g, '').padEnd(64, '0')): NewRefreshToken => ({
    userId,
    familyId,
    tokenHash: hash,
    expiresAt: later,
  });

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    repository = new TypeOrmRefreshTokenRepository(dataSource);
    const rows = (await dataSource.query('INSERT INTO users (phone) VALUES ($1) RETURNING id', [randomMobile()])) as {
      id: string;
    }[];
    userId = rows[0]!.id;
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  it('rotates a fresh token into a successor of the same family', async () => {
    const family = randomUUID();
    const first = token(family);
    await repository.issue(first);
    let successor: NewRefreshToken | undefined;
    const outcome = await repository.rotate(first.tokenHash, (user, fam) => (successor = token(fam)), now);
    expect(outcome).toEqual({ kind: 'rotated', userId });
    expect(successor?.familyId).toBe(family);
    await expect(repository.rotate(successor!.tokenHash, (_, fam) => token(fam), now)).resolves.toEqual({
      kind: 'rotated',
      userId,
    });
  });

  it('treats a second use as reuse and revokes the whole family', async () => {
    const family = randomUUID();
    const first = token(family);
    await repository.issue(first);
    let successor: NewRefreshToken | undefined;
    await repository.rotate(first.tokenHash, (_, fam) => (successor = token(fam)), now);
    await expect(repository.rotate(first.tokenHash, (_, fam) => token(fam), now)).resolves.toEqual({
      kind: 'reused',
      userId,
      familyId: family,
    });
    await expect(repository.rotate(successor!.tokenHash, (_, fam) => token(fam), now)).resolves.toEqual({
      kind: 'invalid',
    });
  });

  it('lets exactly one of two simultaneous rotations of the same token win', async () => {
    const first = token(randomUUID());
    await repository.issue(first);
    const outcomes = await Promise.all(
      [0, 1].map(() => repository.rotate(first.tokenHash, (_, fam) => token(fam), now)),
    );
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['reused', 'rotated']);
  });

  it('refuses unknown and expired tokens', async () => {
    await expect(repository.rotate('f'.repeat(64), (_, fam) => token(fam), now)).resolves.toEqual({ kind: 'invalid' });
    const expired = { ...token(randomUUID()), expiresAt: new Date(now.getTime() - 1000) };
    await repository.issue(expired);
    await expect(repository.rotate(expired.tokenHash, (_, fam) => token(fam), now)).resolves.toEqual({
      kind: 'invalid',
    });
  });

  it('revokes a family on logout and deletes tokens long expired', async () => {
    const live = token(randomUUID());
    await repository.issue(live);
    await expect(repository.revokeFamilyOf(live.tokenHash, now)).resolves.toBe(userId);
    await expect(repository.rotate(live.tokenHash, (_, fam) => token(fam), now)).resolves.toEqual({ kind: 'invalid' });
    const old = { ...token(randomUUID()), expiresAt: new Date('2020-01-01T00:00:00Z') };
    await repository.issue(old);
    expect(await repository.deleteExpired(new Date('2021-01-01T00:00:00Z'))).toBeGreaterThanOrEqual(1);
  });
});

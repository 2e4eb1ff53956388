import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { NewRefreshToken } from '../../../src/accounts/application/ports/refresh-token.repository';
import { TypeOrmRefreshTokenRepository } from '../../../src/accounts/infrastructure/typeorm/typeorm-refresh-token.repository';
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
    familyExpiresAt: new Date(later.getTime() + 86_400_000),
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
    const outcome = await repository.rotate(first.tokenHash, ({ familyId: fam }) => (successor = token(fam)), now);
    expect(outcome).toEqual({ kind: 'rotated', userId });
    expect(successor?.familyId).toBe(family);
    await expect(repository.rotate(successor!.tokenHash, ({ familyId: fam }) => token(fam), now)).resolves.toEqual({
      kind: 'rotated',
      userId,
    });
  });

  it('treats a second use as reuse and revokes the whole family', async () => {
    const family = randomUUID();
    const first = token(family);
    await repository.issue(first);
    let successor: NewRefreshToken | undefined;
    await repository.rotate(first.tokenHash, ({ familyId: fam }) => (successor = token(fam)), now);
    await expect(repository.rotate(first.tokenHash, ({ familyId: fam }) => token(fam), now)).resolves.toEqual({
      kind: 'reused',
      userId,
      familyId: family,
    });
    await expect(repository.rotate(successor!.tokenHash, ({ familyId: fam }) => token(fam), now)).resolves.toEqual({
      kind: 'invalid',
    });
  });

  it('lets exactly one of two simultaneous rotations of the same token win', async () => {
    const first = token(randomUUID());
    await repository.issue(first);
    const outcomes = await Promise.all(
      [0, 1].map(() => repository.rotate(first.tokenHash, ({ familyId: fam }) => token(fam), now)),
    );
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['reused', 'rotated']);
  });

  it('refuses unknown and expired tokens', async () => {
    await expect(repository.rotate('f'.repeat(64), ({ familyId: fam }) => token(fam), now)).resolves.toEqual({
      kind: 'invalid',
    });
    const expired = { ...token(randomUUID()), expiresAt: new Date(now.getTime() - 1000) };
    await repository.issue(expired);
    await expect(repository.rotate(expired.tokenHash, ({ familyId: fam }) => token(fam), now)).resolves.toEqual({
      kind: 'invalid',
    });
  });

  it('revokes a family on logout and deletes tokens long expired', async () => {
    const live = token(randomUUID());
    await repository.issue(live);
    await expect(repository.revokeFamilyOf(live.tokenHash, now)).resolves.toBe(userId);
    await expect(repository.rotate(live.tokenHash, ({ familyId: fam }) => token(fam), now)).resolves.toEqual({
      kind: 'invalid',
    });
    const old = { ...token(randomUUID()), expiresAt: new Date('2020-01-01T00:00:00Z') };
    await repository.issue(old);
    expect(await repository.deleteExpired(new Date('2021-01-01T00:00:00Z'))).toBeGreaterThanOrEqual(1);
  });

  it('refuses a token past its family’s end, however fresh the token itself', async () => {
    const ended = { ...token(randomUUID()), familyExpiresAt: new Date(now.getTime() - 1000) };
    await repository.issue(ended);
    await expect(repository.rotate(ended.tokenHash, ({ familyId }) => token(familyId), now)).resolves.toEqual({
      kind: 'invalid',
    });
  });

  it('hands the family’s end on to the successor', async () => {
    const first = token(randomUUID());
    await repository.issue(first);
    let inherited: Date | undefined;
    await repository.rotate(first.tokenHash, (from) => ((inherited = from.familyExpiresAt), token(from.familyId)), now);
    expect(inherited?.getTime()).toBe(first.familyExpiresAt.getTime());
  });

  it('leaves no live token when a reuse and a rotation of the same family meet (20 tries)', async () => {
    for (let attempt = 0; attempt < 20; attempt++) {
      const family = randomUUID();
      const first = token(family);
      await repository.issue(first);
      let second: NewRefreshToken | undefined;
      await repository.rotate(first.tokenHash, ({ familyId }) => (second = token(familyId)), now);
      // The stolen first token comes back at the very moment its rightful holder refreshes the second.
      const outcomes = await Promise.all([
        repository.rotate(first.tokenHash, ({ familyId }) => token(familyId), now),
        repository.rotate(second!.tokenHash, ({ familyId }) => token(familyId), now),
      ]);
      expect(outcomes[0]).toMatchObject({ kind: 'reused' });
      const live = (await dataSource.query(
        'SELECT count(*)::int AS n FROM refresh_tokens WHERE family_id = $1 AND revoked_at IS NULL AND used_at IS NULL',
        [family],
      )) as { n: number }[];
      expect(live[0]?.n).toBe(0);
    }
  });

  it('leaves no live token when a logout and a rotation of the same family meet (20 tries)', async () => {
    for (let attempt = 0; attempt < 20; attempt++) {
      const family = randomUUID();
      const first = token(family);
      await repository.issue(first);
      await Promise.all([
        repository.revokeFamilyOf(first.tokenHash, now),
        repository.rotate(first.tokenHash, ({ familyId }) => token(familyId), now),
      ]);
      const live = (await dataSource.query(
        'SELECT count(*)::int AS n FROM refresh_tokens WHERE family_id = $1 AND revoked_at IS NULL',
        [family],
      )) as { n: number }[];
      expect(live[0]?.n).toBe(0);
    }
  });
});

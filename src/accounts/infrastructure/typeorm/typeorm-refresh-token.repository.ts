import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { inTransaction, managerOf } from '#libs/database';
import {
  RefreshTokenRepository,
  type NewRefreshToken,
  type RotatedFrom,
  type RotationOutcome,
} from '../../application/ports/refresh-token.repository';

interface TokenRow {
  id: string;
  user_id: string;
  family_id: string;
  expires_at: Date;
  family_expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
}

const INSERT =
  'INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at, family_expires_at) VALUES ($1, $2, $3, $4, $5)';

const insertValues = (token: NewRefreshToken) => [
  token.userId,
  token.familyId,
  token.tokenHash,
  token.expiresAt,
  token.familyExpiresAt,
];

/**
 * Takes the family's lock for the rest of the transaction, and only then reads the presented
 * token: every statement after it sees whatever an earlier holder committed (READ COMMITTED), so a
 * reuse that waited for a rotation revokes the successor that rotation stored. Taken before any
 * row lock of the family, so two holders never wait on each other.
 */
async function lockFamilyOf(manager: EntityManager, presentedHash: string): Promise<TokenRow | undefined> {
  const [found] = (await manager.query('SELECT family_id FROM refresh_tokens WHERE token_hash = $1', [
    presentedHash,
  ])) as { family_id: string }[];
  if (!found) return undefined;
  await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('refresh-family:' || $1, 0))`, [found.family_id]);
  const [row] = (await manager.query(
    `SELECT id, user_id, family_id, expires_at, family_expires_at, used_at, revoked_at
       FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE`,
    [presentedHash],
  )) as TokenRow[];
  return row;
}

@Injectable()
export class TypeOrmRefreshTokenRepository extends RefreshTokenRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async issue(token: NewRefreshToken): Promise<void> {
    await managerOf(this.dataSource).query(INSERT, insertValues(token));
  }

  rotate(
    presentedHash: string,
    successor: (from: RotatedFrom) => NewRefreshToken,
    now: Date,
  ): Promise<RotationOutcome> {
    return inTransaction(this.dataSource, async (manager) => {
      const row = await lockFamilyOf(manager, presentedHash);
      if (!row || row.revoked_at) return { kind: 'invalid' };
      if (row.used_at) {
        await manager.query('UPDATE refresh_tokens SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL', [
          row.family_id,
          now,
        ]);
        return { kind: 'reused', userId: row.user_id, familyId: row.family_id };
      }
      if (row.expires_at <= now || row.family_expires_at <= now) return { kind: 'invalid' };
      const next = successor({ userId: row.user_id, familyId: row.family_id, familyExpiresAt: row.family_expires_at });
      await manager.query('UPDATE refresh_tokens SET used_at = $2 WHERE id = $1', [row.id, now]);
      await manager.query(INSERT, insertValues(next));
      return { kind: 'rotated', userId: row.user_id };
    });
  }

  revokeFamilyOf(presentedHash: string, now: Date): Promise<string | undefined> {
    return inTransaction(this.dataSource, async (manager) => {
      const row = await lockFamilyOf(manager, presentedHash);
      if (!row) return undefined;
      await manager.query('UPDATE refresh_tokens SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL', [
        row.family_id,
        now,
      ]);
      return row.user_id;
    });
  }

  async deleteExpired(before: Date): Promise<number> {
    const result = (await managerOf(this.dataSource).query('DELETE FROM refresh_tokens WHERE expires_at < $1', [
      before,
    ])) as [unknown[], number];
    return result[1];
  }
}

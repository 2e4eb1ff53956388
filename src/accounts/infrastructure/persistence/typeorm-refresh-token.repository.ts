import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  RefreshTokenRepository,
  type NewRefreshToken,
  type RotationOutcome,
} from '../../application/ports/refresh-token.repository';

interface TokenRow {
  id: string;
  user_id: string;
  family_id: string;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
}

const INSERT = 'INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at) VALUES ($1, $2, $3, $4)';

@Injectable()
export class TypeOrmRefreshTokenRepository extends RefreshTokenRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async issue(token: NewRefreshToken): Promise<void> {
    await this.dataSource.query(INSERT, [token.userId, token.familyId, token.tokenHash, token.expiresAt]);
  }

  rotate(
    presentedHash: string,
    successor: (userId: string, familyId: string) => NewRefreshToken,
    now: Date,
  ): Promise<RotationOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const rows = (await manager.query(
        'SELECT id, user_id, family_id, expires_at, used_at, revoked_at FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE',
        [presentedHash],
      )) as TokenRow[];
      const row = rows[0];
      if (!row || row.revoked_at) return { kind: 'invalid' };
      if (row.used_at) {
        await manager.query('UPDATE refresh_tokens SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL', [
          row.family_id,
          now,
        ]);
        return { kind: 'reused', userId: row.user_id, familyId: row.family_id };
      }
      if (row.expires_at <= now) return { kind: 'invalid' };
      const next = successor(row.user_id, row.family_id);
      await manager.query('UPDATE refresh_tokens SET used_at = $2 WHERE id = $1', [row.id, now]);
      await manager.query(INSERT, [next.userId, next.familyId, next.tokenHash, next.expiresAt]);
      return { kind: 'rotated', userId: row.user_id };
    });
  }

  async revokeFamilyOf(presentedHash: string, now: Date): Promise<string | undefined> {
    const rows = (await this.dataSource.query(
      `UPDATE refresh_tokens SET revoked_at = $2
        WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1) AND revoked_at IS NULL
        RETURNING user_id`,
      [presentedHash, now],
    )) as [{ user_id: string }[], number];
    return rows[0][0]?.user_id;
  }

  async deleteExpired(before: Date): Promise<number> {
    const result = (await this.dataSource.query('DELETE FROM refresh_tokens WHERE expires_at < $1', [before])) as [
      unknown[],
      number,
    ];
    return result[1];
  }
}

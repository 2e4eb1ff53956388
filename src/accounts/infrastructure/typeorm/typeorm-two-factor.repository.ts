import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { managerOf } from '#libs/database';
import { DataCipher } from '#libs/encryption';
import {
  TwoFactorRepository,
  type StepUpContext,
  type TwoFactorEnrolment,
} from '../../application/two-factor/two-factor-ports';

/** What the secret's ciphertext is bound to: it opens in this column only. */
export const TOTP_SECRET_PURPOSE = 'user_two_factor.secret';

@Injectable()
export class TypeOrmTwoFactorRepository extends TwoFactorRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: DataCipher,
  ) {
    super();
  }

  private query<T>(sql: string, parameters: unknown[]): Promise<T> {
    return managerOf(this.dataSource).query(sql, parameters) as Promise<T>;
  }

  async findForUser(userId: string): Promise<TwoFactorEnrolment | undefined> {
    const [row] = await this.query<{ secret: string; confirmed_at: Date | null }[]>(
      'SELECT secret, confirmed_at FROM user_two_factor WHERE user_id = $1',
      [userId],
    );
    if (!row) return undefined;
    // The ciphertext is the version: a new secret always encrypts to a new one (random IV).
    return {
      secret: this.cipher.decrypt(row.secret, TOTP_SECRET_PURPOSE),
      confirmedAt: row.confirmed_at,
      version: row.secret,
    };
  }

  async savePending(userId: string, secret: string): Promise<boolean> {
    const rows = await this.query<unknown[]>(
      `INSERT INTO user_two_factor (user_id, secret) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET secret = EXCLUDED.secret, last_used_step = NULL, created_at = now()
        WHERE user_two_factor.confirmed_at IS NULL
       RETURNING user_id`,
      [userId, this.cipher.encrypt(secret, TOTP_SECRET_PURPOSE)],
    );
    return rows.length > 0;
  }

  async useStep(userId: string, version: string, step: number, at: Date): Promise<boolean> {
    const [, changed] = await this.query<[unknown, number]>(
      `UPDATE user_two_factor SET last_used_step = $3, confirmed_at = COALESCE(confirmed_at, $4)
        WHERE user_id = $1 AND secret = $2 AND (last_used_step IS NULL OR last_used_step < $3)`,
      [userId, version, step, at],
    );
    return changed > 0;
  }

  async remove(userId: string): Promise<void> {
    await this.query('DELETE FROM user_two_factor WHERE user_id = $1', [userId]);
  }

  async stepUpContext(userId: string, organizationId: string): Promise<StepUpContext> {
    const [row] = await this.query<{ required: boolean | null; enrolled: boolean }[]>(
      `SELECT (SELECT require_admin_two_factor FROM organizations WHERE id = $2) AS required,
              EXISTS (SELECT 1 FROM user_two_factor WHERE user_id = $1 AND confirmed_at IS NOT NULL) AS enrolled`,
      [userId, organizationId],
    );
    return { organizationRequiresTwoFactor: row?.required === true, userHasTwoFactor: row?.enrolled === true };
  }

  async organizationsRequiringIt(userId: string): Promise<string[]> {
    const rows = await this.query<{ id: string }[]>(
      `SELECT o.id FROM organizations o JOIN memberships m ON m.organization_id = o.id
        WHERE m.user_id = $1 AND m.role = 'ADMIN' AND o.require_admin_two_factor
        ORDER BY o.id`,
      [userId],
    );
    return rows.map((row) => row.id);
  }
}

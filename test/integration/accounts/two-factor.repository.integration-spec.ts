import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import type { DataSource } from 'typeorm';
import { loadConfig } from '#libs/config';
import { DataCipher, reencryptColumn } from '#libs/encryption';
import { ACCOUNTS_ENCRYPTED_COLUMNS } from '../../../src/accounts';
import { OtpauthTotpAuthenticator } from '../../../src/accounts/infrastructure/otpauth/otpauth-totp.authenticator';
import { TypeOrmTwoFactorRepository } from '../../../src/accounts/infrastructure/typeorm/typeorm-two-factor.repository';
import { randomMobile } from '../../support/random';
import { openTestDataSource } from '../../support/test-data-source';

const run = promisify(execFile);
const TOTP_COLUMN = ACCOUNTS_ENCRYPTED_COLUMNS.find((column) => column.table === 'user_two_factor')!;

describe('authenticator secrets (PostgreSQL)', () => {
  let dataSource: DataSource;
  const k1 = { id: 'k1', key: randomBytes(32) };
  const k2 = { id: 'k2', key: randomBytes(32) };
  const totp = new OtpauthTotpAuthenticator();

  beforeAll(async () => {
    dataSource = await openTestDataSource();
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  const newUser = async () =>
    (
      (await dataSource.query('INSERT INTO users (phone) VALUES ($1) RETURNING id', [
        `+98${randomMobile().slice(1)}`,
      ])) as { id: string }[]
    )[0]!.id;
  const storedSecretOf = async (userId: string) =>
    (
      (await dataSource.query('SELECT secret FROM user_two_factor WHERE user_id = $1', [userId])) as {
        secret: string;
      }[]
    )[0]?.secret;

  it('stores the secret encrypted, gives it back decrypted, and keeps it out of a pg_dump', async () => {
    const repository = new TypeOrmTwoFactorRepository(dataSource, new DataCipher([k1]));
    const userId = await newUser();
    const secret = totp.newSecret();

    expect(await repository.savePending(userId, secret)).toBe(true);

    expect(await storedSecretOf(userId)).toMatch(/^enc:v1:k1:/);
    expect((await repository.findForUser(userId))?.secret).toBe(secret);
    const { stdout } = await run(
      'pg_dump',
      ['--data-only', '--table=user_two_factor', loadConfig(process.env).database.url],
      { maxBuffer: 64 * 1024 * 1024 },
    );
    expect(stdout).toContain('enc:v1:k1:');
    expect(stdout).not.toContain(secret);
  });

  it('spends a time step once, even when two requests race with the same code', async () => {
    const repository = new TypeOrmTwoFactorRepository(dataSource, new DataCipher([k1]));
    const userId = await newUser();
    await repository.savePending(userId, totp.newSecret());
    const { version } = (await repository.findForUser(userId))!;

    const results = await Promise.all(
      Array.from({ length: 6 }, () => repository.useStep(userId, version, 1000, new Date())),
    );

    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await repository.findForUser(userId))?.confirmedAt).toBeInstanceOf(Date);
    expect(await repository.useStep(userId, version, 999, new Date())).toBe(false);
    expect(await repository.useStep(userId, version, 1001, new Date())).toBe(true);
  });

  it('does not confirm a secret that was replaced after its code was checked', async () => {
    const repository = new TypeOrmTwoFactorRepository(dataSource, new DataCipher([k1]));
    const userId = await newUser();
    await repository.savePending(userId, totp.newSecret());
    const checked = (await repository.findForUser(userId))!;
    await repository.savePending(userId, totp.newSecret());

    expect(await repository.useStep(userId, checked.version, 5, new Date())).toBe(false);
    expect((await repository.findForUser(userId))?.confirmedAt).toBeNull();
  });

  it('keeps a confirmed secret when enrolment is started again', async () => {
    const repository = new TypeOrmTwoFactorRepository(dataSource, new DataCipher([k1]));
    const userId = await newUser();
    const secret = totp.newSecret();
    await repository.savePending(userId, secret);
    await repository.useStep(userId, (await repository.findForUser(userId))!.version, 7, new Date());

    expect(await repository.savePending(userId, totp.newSecret())).toBe(false);
    expect((await repository.findForUser(userId))?.secret).toBe(secret);
  });

  it('re-encrypts authenticator secrets under the current key, once, and they still open', async () => {
    const userId = await newUser();
    const secret = totp.newSecret();
    await new TypeOrmTwoFactorRepository(dataSource, new DataCipher([k1])).savePending(userId, secret);

    const rotated = new DataCipher([k2, k1]);
    expect((await reencryptColumn(dataSource, rotated, TOTP_COLUMN)).rewritten).toBeGreaterThanOrEqual(1);
    expect(await storedSecretOf(userId)).toMatch(/^enc:v1:k2:/);
    await expect(reencryptColumn(dataSource, rotated, TOTP_COLUMN)).resolves.toMatchObject({ rewritten: 0 });
    expect((await new TypeOrmTwoFactorRepository(dataSource, new DataCipher([k2])).findForUser(userId))?.secret).toBe(
      secret,
    );
  });

  it('tells what a sensitive action needs: the organization rule and the user enrolment, in one read', async () => {
    const repository = new TypeOrmTwoFactorRepository(dataSource, new DataCipher([k1]));
    const userId = await newUser();
    const [org] = (await dataSource.query(
      `INSERT INTO organizations (name, require_admin_two_factor) VALUES ('دو مرحله‌ای', true) RETURNING id`,
    )) as { id: string }[];
    await dataSource.query(`INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, 'ADMIN')`, [
      org!.id,
      userId,
    ]);

    expect(await repository.stepUpContext(userId, org!.id)).toEqual({
      organizationRequiresTwoFactor: true,
      userHasTwoFactor: false,
    });
    await repository.savePending(userId, totp.newSecret());
    await repository.useStep(userId, (await repository.findForUser(userId))!.version, 3, new Date());
    expect(await repository.stepUpContext(userId, org!.id)).toEqual({
      organizationRequiresTwoFactor: true,
      userHasTwoFactor: true,
    });
    expect(await repository.organizationsRequiringIt(userId)).toEqual([org!.id]);
  });
});

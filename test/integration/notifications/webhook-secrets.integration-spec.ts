import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import type { DataSource } from 'typeorm';
import { loadConfig } from '#libs/config';
import { DataCipher, reencryptColumn } from '#libs/encryption';
import { NOTIFICATIONS_ENCRYPTED_COLUMNS } from '../../../src/notifications';
import { TypeOrmWebhookEndpoints } from '../../../src/notifications/infrastructure/typeorm/typeorm-webhook-endpoints';
import { randomMobile } from '../../support/random';
import { openTestDataSource } from '../../support/test-data-source';

const run = promisify(execFile);
const reencryptWebhookSecrets = (dataSource: DataSource, cipher: DataCipher) =>
  reencryptColumn(dataSource, cipher, NOTIFICATIONS_ENCRYPTED_COLUMNS[0]!);

describe('webhook signing secrets at rest (PostgreSQL)', () => {
  let dataSource: DataSource;
  let organizationId: string;
  let userId: string;
  const k1 = { id: 'k1', key: randomBytes(32) };
  const k2 = { id: 'k2', key: randomBytes(32) };

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    const [user] = (await dataSource.query('INSERT INTO users (phone) VALUES ($1) RETURNING id', [
      `+98${randomMobile().slice(1)}`,
    ])) as { id: string }[];
    userId = user!.id;
    const [org] = (await dataSource.query(`INSERT INTO organizations (name) VALUES ('رمز') RETURNING id`)) as {
      id: string;
    }[];
    organizationId = org!.id;
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  const endpoint = (secret: string) => ({
    id: randomUUID(),
    organizationId,
    url: 'https://hooks.example.com/contexor',
    events: ['content.generated' as const],
    secret,
    createdBy: userId,
    createdAt: new Date(),
    failingSince: null,
    disabledAt: null,
  });
  const storedSecretOf = async (id: string) =>
    ((await dataSource.query('SELECT secret FROM webhook_endpoints WHERE id = $1', [id])) as { secret: string }[])[0]
      ?.secret;

  it('stores the secret encrypted and gives it back decrypted', async () => {
    const repository = new TypeOrmWebhookEndpoints(dataSource, new DataCipher([k1]));
    const secret = `whsec_${randomBytes(32).toString('base64')}`;
    const added = endpoint(secret);
    await repository.add(added);

    const stored = await storedSecretOf(added.id);
    expect(stored).toMatch(/^enc:v1:k1:/);
    expect(stored).not.toContain(secret.slice(6, 20));
    expect((await repository.findById(organizationId, added.id))?.secret).toBe(secret);
    expect((await repository.subscribedTo(organizationId, 'content.generated')).map((e) => e.secret)).toContain(secret);
  });

  it('keeps every secret out of a pg_dump of the database', async () => {
    const repository = new TypeOrmWebhookEndpoints(dataSource, new DataCipher([k1]));
    const secret = `whsec_${randomBytes(32).toString('base64')}`;
    await repository.add(endpoint(secret));
    const { stdout } = await run(
      'pg_dump',
      ['--data-only', '--table=webhook_endpoints', loadConfig(process.env).database.url],
      {
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    expect(stdout).toContain('enc:v1:k1:');
    expect(stdout).not.toContain(secret);
    expect(stdout).not.toContain(secret.slice(6, 30));
  });

  it('re-encrypts plain and older secrets under the current key, once, and they still open', async () => {
    const plain = endpoint(`whsec_${randomBytes(32).toString('base64')}`);
    await dataSource.query(
      `INSERT INTO webhook_endpoints (id, organization_id, url, events, secret, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, now())`,
      [plain.id, organizationId, plain.url, plain.events, plain.secret, userId],
    );
    const older = endpoint(`whsec_${randomBytes(32).toString('base64')}`);
    await new TypeOrmWebhookEndpoints(dataSource, new DataCipher([k1])).add(older);

    const rotated = new DataCipher([k2, k1]);
    const first = await reencryptWebhookSecrets(dataSource, rotated);
    expect(first.rewritten).toBeGreaterThanOrEqual(2);
    expect(await storedSecretOf(plain.id)).toMatch(/^enc:v1:k2:/);
    expect(await storedSecretOf(older.id)).toMatch(/^enc:v1:k2:/);
    await expect(reencryptWebhookSecrets(dataSource, rotated)).resolves.toMatchObject({ rewritten: 0 });

    const onlyNewKey = new TypeOrmWebhookEndpoints(dataSource, new DataCipher([k2]));
    expect((await onlyNewKey.findById(organizationId, plain.id))?.secret).toBe(plain.secret);
    expect((await onlyNewKey.findById(organizationId, older.id))?.secret).toBe(older.secret);
  });
});

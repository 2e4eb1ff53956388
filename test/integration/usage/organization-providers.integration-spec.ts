import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DataCipher, reencryptColumn } from '#libs/encryption';
import { USAGE_ENCRYPTED_COLUMNS } from '../../../src/usage';
import { OrganizationProvider } from '../../../src/usage/domain/organization-provider';
import { TypeOrmOrganizationProviders } from '../../../src/usage/infrastructure/typeorm/typeorm-organization-providers';
import { openTestDataSource } from '../../support/test-data-source';

describe("organizations' AI provider keys at rest (PostgreSQL)", () => {
  let dataSource: DataSource;
  const k1 = { id: 'k1', key: randomBytes(32) };
  const k2 = { id: 'k2', key: randomBytes(32) };

  beforeAll(async () => {
    dataSource = await openTestDataSource();
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  const provider = (organizationId: string, apiKey = `sk-relay-${randomBytes(12).toString('hex')}`) =>
    OrganizationProvider.create({
      organizationId,
      baseUrl: 'https://relay.example.ir/v1',
      apiKey,
      models: [{ id: 'gpt-4.1-mini', inputUsdPerMTok: '0.4', cachedInputUsdPerMTok: '0.1', outputUsdPerMTok: '1.6' }],
      updatedBy: randomUUID(),
      updatedAt: new Date('2026-12-07T01:00:00Z'),
    });
  const storedKeyOf = async (organizationId: string) =>
    (
      (await dataSource.query('SELECT api_key FROM organization_ai_providers WHERE organization_id = $1', [
        organizationId,
      ])) as { api_key: string }[]
    )[0]?.api_key;

  it('stores the key encrypted under the current key id, reads it back in clear, replaces and removes the row', async () => {
    const repository = new TypeOrmOrganizationProviders(dataSource, new DataCipher([k1]));
    const organizationId = randomUUID();
    const saved = provider(organizationId);
    await repository.save(saved);

    const stored = await storedKeyOf(organizationId);
    expect(stored).toMatch(/^enc:v1:k1:/);
    expect(stored).not.toContain(saved.apiKey.slice(9));
    expect((await repository.findByOrganization(organizationId))?.apiKey).toBe(saved.apiKey);

    const replaced = provider(organizationId);
    await repository.save(replaced);
    expect((await repository.findByOrganization(organizationId))?.apiKey).toBe(replaced.apiKey);

    expect((await repository.removeForOrganization(organizationId))?.apiKey).toBe(replaced.apiKey);
    expect(await repository.findByOrganization(organizationId)).toBeUndefined();
    expect(await repository.removeForOrganization(organizationId)).toBeUndefined();
  });

  it('is re-encrypted by secrets:reencrypt under a new current key, and still opens', async () => {
    const organizationId = randomUUID();
    const saved = provider(organizationId);
    await new TypeOrmOrganizationProviders(dataSource, new DataCipher([k1])).save(saved);

    const rotated = new DataCipher([k2, k1]);
    const [column] = USAGE_ENCRYPTED_COLUMNS;
    const { rewritten } = await reencryptColumn(dataSource, rotated, column!);

    expect(rewritten).toBeGreaterThanOrEqual(1);
    expect(await storedKeyOf(organizationId)).toMatch(/^enc:v1:k2:/);
    expect(
      (await new TypeOrmOrganizationProviders(dataSource, new DataCipher([k2])).findByOrganization(organizationId))
        ?.apiKey,
    ).toBe(saved.apiKey);
    await dataSource.query('DELETE FROM organization_ai_providers WHERE organization_id = $1', [organizationId]);
  });
});

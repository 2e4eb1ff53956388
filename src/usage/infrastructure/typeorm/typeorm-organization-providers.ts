import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { managerOf } from '#libs/database';
import { DataCipher } from '#libs/encryption';
import { OrganizationProviderRepository } from '../../application/ports/organization-providers';
import { OrganizationProvider } from '../../domain/organization-provider';
import { OrganizationAiProviderEntity } from './organization-ai-provider.entity';

/** What the key's ciphertext is bound to: it opens in this column only. */
export const PROVIDER_KEY_PURPOSE = 'organization_ai_providers.api_key';

/** The key is stored encrypted (DataCipher, AES-256-GCM with a key id) and decrypted as a provider is read. */
@Injectable()
export class TypeOrmOrganizationProviders extends OrganizationProviderRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: DataCipher,
  ) {
    super();
  }

  private get rows() {
    return managerOf(this.dataSource).getRepository(OrganizationAiProviderEntity);
  }

  async findByOrganization(organizationId: string): Promise<OrganizationProvider | undefined> {
    const row = await this.rows.findOneBy({ organizationId });
    return row ? this.toDomain(row) : undefined;
  }

  async save(provider: OrganizationProvider): Promise<void> {
    await this.rows.upsert(
      {
        organizationId: provider.organizationId,
        baseUrl: provider.baseUrl,
        apiKey: this.cipher.encrypt(provider.apiKey, PROVIDER_KEY_PURPOSE),
        models: provider.models,
        updatedBy: provider.updatedBy,
        updatedAt: provider.updatedAt,
      },
      ['organizationId'],
    );
  }

  async removeForOrganization(organizationId: string): Promise<OrganizationProvider | undefined> {
    const [rows] = (await managerOf(this.dataSource).query(
      `DELETE FROM organization_ai_providers WHERE organization_id = $1
       RETURNING organization_id AS "organizationId", base_url AS "baseUrl", api_key AS "apiKey", models,
                 updated_by AS "updatedBy", updated_at AS "updatedAt"`,
      [organizationId],
    )) as [OrganizationAiProviderEntity[], number];
    const row = rows[0];
    return row ? this.toDomain(row) : undefined;
  }

  private toDomain(row: OrganizationAiProviderEntity): OrganizationProvider {
    return OrganizationProvider.restore({
      organizationId: row.organizationId,
      baseUrl: row.baseUrl,
      apiKey: this.cipher.decrypt(row.apiKey, PROVIDER_KEY_PURPOSE),
      models: row.models,
      updatedBy: row.updatedBy,
      updatedAt: new Date(row.updatedAt),
    });
  }
}

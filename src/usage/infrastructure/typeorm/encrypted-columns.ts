import type { EncryptedColumn } from '#libs/encryption';
import { PROVIDER_KEY_PURPOSE } from './typeorm-organization-providers';

/** The usage context's columns of encrypted secrets, for `npm run secrets:reencrypt`. */
export const USAGE_ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [
  {
    label: "Organizations' AI provider keys",
    table: 'organization_ai_providers',
    key: 'organization_id',
    column: 'api_key',
    purpose: PROVIDER_KEY_PURPOSE,
  },
];

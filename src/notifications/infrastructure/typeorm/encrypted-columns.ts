import type { EncryptedColumn } from '#libs/encryption';
import { WEBHOOK_SECRET_PURPOSE } from './typeorm-webhook-endpoints';

/** The notifications context's columns of encrypted secrets, for `npm run secrets:reencrypt`. */
export const NOTIFICATIONS_ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [
  {
    label: 'Webhook secrets',
    table: 'webhook_endpoints',
    key: 'id',
    column: 'secret',
    purpose: WEBHOOK_SECRET_PURPOSE,
  },
];

import type { EncryptedColumn } from '#libs/encryption';
import { TOTP_SECRET_PURPOSE } from './typeorm-two-factor.repository';

/** The accounts context's columns of encrypted secrets, for `npm run secrets:reencrypt`. */
export const ACCOUNTS_ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [
  {
    label: 'Authenticator secrets',
    table: 'user_two_factor',
    key: 'user_id',
    column: 'secret',
    purpose: TOTP_SECRET_PURPOSE,
  },
];

import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const FORMAT = 'enc:v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface DataKey {
  id: string;
  /** 32 bytes: AES-256. */
  key: Buffer;
}

/**
 * Encrypts secrets kept at rest (webhook signing secrets, and later provider keys and second-factor
 * secrets) with AES-256-GCM. A stored value reads `enc:v1:<key id>:<base64url(iv | tag | ciphertext)>`,
 * so every value names the key that can open it: keys rotate by putting a new one first in
 * DATA_ENCRYPTION_KEYS and re-encrypting (`npm run secrets:reencrypt`). The `purpose` is bound to
 * the ciphertext (GCM's associated data): a value copied into another column does not open.
 */
export class DataCipher {
  private readonly byId: Map<string, Buffer>;
  private readonly current: DataKey;

  constructor(keys: DataKey[]) {
    const [current] = keys;
    if (!current) throw new Error('DataCipher needs at least one key');
    this.current = current;
    this.byId = new Map(keys.map((entry) => [entry.id, entry.key]));
  }

  encrypt(plaintext: string, purpose: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv).setAAD(Buffer.from(purpose, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const sealed = Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url');
    return `${FORMAT}:${this.current.id}:${sealed}`;
  }

  /** The plaintext. A value written before encryption (no `enc:` prefix) is returned as it is. */
  decrypt(stored: string, purpose: string): string {
    if (!DataCipher.isEncrypted(stored)) return stored;
    const [, , id = '', sealed = ''] = stored.split(':');
    const key = this.byId.get(id);
    if (!key) throw new Error(`No data encryption key "${id}" is configured (DATA_ENCRYPTION_KEYS)`);
    const data = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES)).setAAD(
      Buffer.from(purpose, 'utf8'),
    );
    decipher.setAuthTag(data.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(data.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  }

  /** Whether the value is encrypted under the current key (otherwise re-encryption should rewrite it). */
  isCurrent(stored: string): boolean {
    return stored.startsWith(`${FORMAT}:${this.current.id}:`);
  }

  static isEncrypted(stored: string): boolean {
    return stored.startsWith(`${FORMAT}:`);
  }
}

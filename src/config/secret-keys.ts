import { createHash, hkdfSync } from 'node:crypto';

/** What a key derived from the one SECRETS_KEY seals: each purpose has its own key. */
export type SecretPurpose = 'app-secrets' | 'webhook-secrets';

/**
 * The per-purpose key of the one configured secret key: HKDF-SHA256 (RFC 5869) of the 32-byte
 * SECRETS_KEY, no salt, info `open-platform-portal/<purpose>/v1`, 32 bytes. A key of one purpose
 * says nothing about another's, and neither reveals SECRETS_KEY.
 */
export function derivePurposeKey(master: Buffer, purpose: SecretPurpose): Buffer {
  if (master.length !== 32) throw new Error('the secret key must be 32 bytes');
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `open-platform-portal/${purpose}/v1`, 32));
}

/**
 * The id stored beside every ciphertext sealed under a derived key: `hkdf-` (or `dev-hkdf-` for the
 * development key) and the first 12 hex digits of SHA-256 of the derived key. It names the key, so a
 * row sealed under an older key is found (and resealed) instead of failing to open.
 */
export function derivedKeyId(derived: Buffer, development: boolean): string {
  return `${development ? 'dev-' : ''}hkdf-${createHash('sha256').update(derived).digest('hex').slice(0, 12)}`;
}

/** The id the app-secret rows sealed under a raw APP_SECRET_KEY carry (before the one key): 16 hex digits of its SHA-256. */
export const legacyAppSecretKeyId = (key: Buffer): string => createHash('sha256').update(key).digest('hex').slice(0, 16);

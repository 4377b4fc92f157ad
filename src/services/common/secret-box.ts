import { OpeningKey, SecretCipher } from '../app/secret-cipher';

/** The key id of the first format (`v1.…`), sealed under the raw SECRETS_KEY: it carried no id. */
const V1_KEY_ID = 'secrets-key-v1';

/**
 * Secrets at rest kept in one text column (webhook signing secrets): the project's AES-256-GCM
 * cipher (SecretCipher, the one app secrets use) with its fields encoded as
 * `v2.<key id>.<iv>.<tag>.<ciphertext>` (base64url), under the webhook key derived from SECRETS_KEY.
 * The context is the associated data: it binds a sealed value to its row (e.g. `webhook:<id>`), so a
 * value copied onto another row does not open. `v1.<iv>.<tag>.<ciphertext>` values (sealed under the
 * raw SECRETS_KEY before the key was split by purpose) still open with `v1Key` until resealed.
 */
export class SecretBox {
  private readonly cipher: SecretCipher;

  constructor(key: Buffer, keyId = 'secrets-key', options: { v1Key?: Buffer; older?: readonly OpeningKey[] } = {}) {
    this.cipher = new SecretCipher(key, keyId, [...(options.older ?? []), ...(options.v1Key ? [{ key: options.v1Key, keyId: V1_KEY_ID }] : [])]);
  }

  seal(plain: string, context: string): string {
    const sealed = this.cipher.seal(plain, context);
    return ['v2', sealed.keyId, sealed.iv.toString('base64url'), sealed.authTag.toString('base64url'), sealed.ciphertext.toString('base64url')].join('.');
  }

  open(text: string, context: string): string {
    const parts = text.split('.');
    const [keyId, iv, tag, ct] = parts[0] === 'v2' && parts.length === 5 ? parts.slice(1) : parts[0] === 'v1' && parts.length === 4 ? [V1_KEY_ID, ...parts.slice(1)] : [];
    if (!keyId || !iv || !tag || ct === undefined) throw new Error('not a sealed secret');
    return this.cipher.open({ iv: Buffer.from(iv, 'base64url'), authTag: Buffer.from(tag, 'base64url'), ciphertext: Buffer.from(ct, 'base64url'), keyId }, context);
  }

  /** True when a sealed value is not under the current key (the v1 format, or another key id): to reseal. */
  isStale(text: string): boolean {
    const [v, keyId] = text.split('.');
    return v !== 'v2' || this.cipher.isStale(keyId);
  }
}

import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** One secret as stored: AES-256-GCM ciphertext, its 12-byte IV and 16-byte tag, and the key's id. */
export interface SealedSecret {
  readonly ciphertext: Buffer;
  readonly iv: Buffer;
  readonly authTag: Buffer;
  readonly keyId: string;
}

export class SecretKeyUnavailableError extends Error {}

/** A key a cipher can still open with (a key an older configuration sealed under), by the id its rows carry. */
export interface OpeningKey {
  readonly key: Buffer;
  readonly keyId: string;
}

/**
 * AES-256-GCM for secrets at rest. The additional authenticated data binds a ciphertext to its
 * row (`app:<id>:v<version>`), so a ciphertext copied onto another app or version fails to open.
 * Seals under one key; opens under it or any `older` key, chosen by the ciphertext's key id (the
 * path from the two variables to the one SECRETS_KEY: rows sealed under APP_SECRET_KEY still open
 * until `npm run secrets:reseal` has moved them).
 */
export class SecretCipher {
  private readonly keys: ReadonlyMap<string, Buffer>;

  constructor(
    private readonly key: Buffer,
    readonly keyId: string,
    older: readonly OpeningKey[] = [],
  ) {
    if (key.length !== 32 || older.some((k) => k.key.length !== 32)) throw new Error('SecretCipher needs 32-byte keys');
    this.keys = new Map([...older.map((k) => [k.keyId, k.key] as const), [keyId, key]]);
  }

  /** True when a ciphertext with this key id was sealed under another key than the current one (to reseal). */
  isStale(keyId: string): boolean {
    return keyId !== this.keyId;
  }

  seal(plaintext: string, aad: string): SealedSecret {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return { ciphertext, iv, authTag: cipher.getAuthTag(), keyId: this.keyId };
  }

  open(sealed: SealedSecret, aad: string): string {
    const key = this.keys.get(sealed.keyId);
    if (!key) throw new SecretKeyUnavailableError(`secret sealed under key ${sealed.keyId}, configured key is ${this.keyId}`);
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv);
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(sealed.authTag);
    return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]).toString('utf8');
  }
}

/** A new app secret: 32 random bytes as 64 lowercase hex digits (256 bits). */
export const newAppSecret = (): string => randomBytes(32).toString('hex');

/** The AAD of one stored secret. */
export const secretAad = (appId: string, version: number): string => `app:${appId}:v${version}`;

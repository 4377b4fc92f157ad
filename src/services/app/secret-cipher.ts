import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** One secret as stored: AES-256-GCM ciphertext, its 12-byte IV and 16-byte tag, and the key's id. */
export interface SealedSecret {
  readonly ciphertext: Buffer;
  readonly iv: Buffer;
  readonly authTag: Buffer;
  readonly keyId: string;
}

export class SecretKeyUnavailableError extends Error {}

/**
 * AES-256-GCM for app secrets at rest. The additional authenticated data binds a ciphertext to its
 * row (`app:<id>:v<version>`), so a ciphertext copied onto another app or version fails to open.
 */
export class SecretCipher {
  constructor(
    private readonly key: Buffer,
    readonly keyId: string,
  ) {
    if (key.length !== 32) throw new Error('SecretCipher needs a 32-byte key');
  }

  seal(plaintext: string, aad: string): SealedSecret {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return { ciphertext, iv, authTag: cipher.getAuthTag(), keyId: this.keyId };
  }

  open(sealed: SealedSecret, aad: string): string {
    if (sealed.keyId !== this.keyId) throw new SecretKeyUnavailableError(`secret sealed under key ${sealed.keyId}, configured key is ${this.keyId}`);
    const decipher = createDecipheriv('aes-256-gcm', this.key, sealed.iv);
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(sealed.authTag);
    return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]).toString('utf8');
  }
}

/** A new app secret: 32 random bytes as 64 lowercase hex digits (256 bits). */
export const newAppSecret = (): string => randomBytes(32).toString('hex');

/** The AAD of one stored secret. */
export const secretAad = (appId: string, version: number): string => `app:${appId}:v${version}`;

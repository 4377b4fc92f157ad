import { SecretCipher } from '../app/secret-cipher';

/**
 * Secrets at rest kept in one text column (webhook signing secrets): the project's AES-256-GCM
 * cipher (SecretCipher, the one app secrets use) with its fields encoded as
 * `v1.<iv>.<tag>.<ciphertext>`, each base64url, under the SECRETS_KEY. The context is the
 * associated data: it binds a sealed value to its row (e.g. `webhook:<id>`), so a value copied onto
 * another row does not open.
 */
export class SecretBox {
  private readonly cipher: SecretCipher;

  constructor(key: Buffer) {
    this.cipher = new SecretCipher(key, 'secrets-key');
  }

  seal(plain: string, context: string): string {
    const sealed = this.cipher.seal(plain, context);
    return ['v1', sealed.iv.toString('base64url'), sealed.authTag.toString('base64url'), sealed.ciphertext.toString('base64url')].join('.');
  }

  open(text: string, context: string): string {
    const [v, iv, tag, ct] = text.split('.');
    if (v !== 'v1' || !iv || !tag || ct === undefined) throw new Error('not a sealed secret');
    return this.cipher.open({ iv: Buffer.from(iv, 'base64url'), authTag: Buffer.from(tag, 'base64url'), ciphertext: Buffer.from(ct, 'base64url'), keyId: 'secrets-key' }, context);
  }
}

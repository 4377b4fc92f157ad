import { randomBytes } from 'node:crypto';
import { newAppSecret, SecretCipher, secretAad, SecretKeyUnavailableError } from './secret-cipher';

describe('app secrets at rest: AES-256-GCM bound to their row', () => {
  const cipher = new SecretCipher(randomBytes(32), 'k1');

  it('seals and opens; the ciphertext holds no trace of the plaintext', () => {
    const secret = newAppSecret();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    const sealed = cipher.seal(secret, secretAad('7', 1));
    expect(sealed.iv).toHaveLength(12);
    expect(sealed.authTag).toHaveLength(16);
    expect(sealed.ciphertext.toString('hex')).not.toContain(secret);
    expect(sealed.ciphertext.toString('utf8')).not.toContain(secret.slice(0, 8));
    expect(cipher.open(sealed, secretAad('7', 1))).toBe(secret);
  });

  it('a ciphertext moved to another app or version, or tampered with, fails to open', () => {
    const sealed = cipher.seal(newAppSecret(), secretAad('7', 1));
    expect(() => cipher.open(sealed, secretAad('8', 1))).toThrow();
    expect(() => cipher.open(sealed, secretAad('7', 2))).toThrow();
    const flipped = Buffer.from(sealed.ciphertext);
    flipped[0] ^= 1;
    expect(() => cipher.open({ ...sealed, ciphertext: flipped }, secretAad('7', 1))).toThrow();
  });

  it('a secret sealed under another key is refused by name, not garbled', () => {
    const other = new SecretCipher(randomBytes(32), 'k2');
    expect(() => other.open(cipher.seal('x', 'a'), 'a')).toThrow(SecretKeyUnavailableError);
  });

  it('two secrets are never equal (256 random bits)', () => {
    expect(new Set(Array.from({ length: 1000 }, newAppSecret)).size).toBe(1000);
  });
});

import { SignJWT } from 'jose';
import { Role, Viewer } from '../domain/common/role';
import { VerifiedTokenCache } from './verified-token-cache';

const token = async (expSeconds: number) => `Bearer ${await new SignJWT({ role: 'GATEWAY' }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime(expSeconds).sign(new TextEncoder().encode('x'.repeat(32)))}`;

describe('VerifiedTokenCache', () => {
  const viewer: Viewer = { role: Role.GATEWAY, subjectId: 'g' };
  it('verifies a token once while it is valid, again after its exp (at most 5 minutes trusted), and never caches a refusal', async () => {
    let now = 1_800_000_000_000;
    let verified = 0;
    let refuse = false;
    const cache = new VerifiedTokenCache(async () => {
      verified++;
      if (refuse) throw new Error('UNAUTHENTICATED');
      return viewer;
    }, 2, () => now);
    const soon = await token(now / 1000 + 60);
    expect(await cache.viewerOf(soon)).toBe(viewer);
    expect(await cache.viewerOf(soon)).toBe(viewer);
    expect(verified).toBe(1);
    now += 61_000; // past exp: verified again (and refused)
    refuse = true;
    await expect(cache.viewerOf(soon)).rejects.toThrow('UNAUTHENTICATED');
    await expect(cache.viewerOf(soon)).rejects.toThrow('UNAUTHENTICATED');
    expect(verified).toBe(3);
    refuse = false;
    const long = await token(now / 1000 + 86_400);
    await cache.viewerOf(long);
    now += 5 * 60_000 + 1; // 5 minutes: trusted no longer without a new check
    await cache.viewerOf(long);
    expect(verified).toBe(5);
  });

  it('keeps at most `max` tokens, evicting the least recently used', async () => {
    let verified = 0;
    const cache = new VerifiedTokenCache(async () => (verified++, viewer), 2, () => 1_800_000_000_000);
    const [a, b, c] = await Promise.all([token(1_900_000_000), token(1_900_000_001), token(1_900_000_002)]);
    await cache.viewerOf(a);
    await cache.viewerOf(b);
    await cache.viewerOf(a); // a is now the most recent
    await cache.viewerOf(c); // evicts b
    await cache.viewerOf(a);
    expect(verified).toBe(3);
    await cache.viewerOf(b);
    expect(verified).toBe(4);
  });
});

/**
 * Token lifetimes over HTTP (issue 12 §5): a token without `exp` is refused, a token living
 * longer than its role's cap is refused (defaults: 24 h for DEVELOPER, REVIEWER and OPERATOR;
 * 30 days for PARTNER and GATEWAY), and an `nbf` in the future is refused; 30 s of clock skew
 * are tolerated. Every refusal is UNAUTHENTICATED with HTTP 401, never anonymous access.
 */
import { SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { Role } from '../../src/domain/common/role';
import { errorCode, TestApp } from '../support/test-app';

const H = 3_600;
const DAY = 86_400;
let t: TestApp;
beforeAll(async () => {
  t = await TestApp.start();
});
afterAll(async () => {
  await t?.stop();
});

/** A token signed with the server's key, with exactly the given times (seconds relative to now; undefined: claim left out). */
async function token(role: string, times: { iat?: number; exp?: number; nbf?: number }): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ role }).setProtectedHeader({ alg: 'HS256' }).setSubject(randomUUID()).setIssuer(t.config.auth.issuer).setAudience(t.config.auth.audience);
  if (times.iat !== undefined) jwt.setIssuedAt(now + times.iat);
  if (times.exp !== undefined) jwt.setExpirationTime(now + times.exp);
  if (times.nbf !== undefined) jwt.setNotBefore(now + times.nbf);
  return jwt.sign(new TextEncoder().encode(t.config.auth.jwtSecret));
}

/** `{ tags }` is public: an accepted token answers data, a refused one 401 (never read as anonymous). */
const ask = (jwt: string) => t.post({ query: '{ tags { edges { node { code } } } }' }, jwt);

async function expectRefused(jwt: string, reason: RegExp) {
  const res = await ask(jwt);
  expect(res.status).toBe(401);
  expect(errorCode(res)).toBe('UNAUTHENTICATED');
  expect(res.errors![0].message).toMatch(reason);
}

async function expectAccepted(role: string, jwt: string) {
  const res = await ask(jwt);
  if (role === Role.PARTNER) expect(errorCode(res)).toBe('PERSISTED_DOCUMENT_REQUIRED'); // authenticated; partners send hashes only
  else expect(res).toMatchObject({ status: 200, data: { tags: { edges: expect.any(Array) } } });
}

describe('exp is required', () => {
  it.each([Role.DEVELOPER, Role.OPERATOR, Role.PARTNER, Role.GATEWAY])('%s without exp → 401', async (role) => {
    await expectRefused(await token(role, { iat: 0 }), /"exp" is required/);
  });

  it('an expired token → 401; one that expired 10 s ago is still within the 30 s tolerance', async () => {
    await expectRefused(await token(Role.DEVELOPER, { iat: -2 * H, exp: -60 }), /expired/);
    await expectAccepted(Role.DEVELOPER, await token(Role.DEVELOPER, { iat: -2 * H, exp: -10 }));
  });
});

describe('lifetime capped per role (24 h staff and developers, 30 days partner and gateway)', () => {
  it.each<[Role, number]>([
    [Role.DEVELOPER, DAY],
    [Role.REVIEWER, DAY],
    [Role.OPERATOR, DAY],
    [Role.PARTNER, 30 * DAY],
    [Role.GATEWAY, 30 * DAY],
  ])('%s: exactly the cap (%i s) is accepted, one hour more is refused', async (role, cap) => {
    await expectAccepted(role, await token(role, { iat: 0, exp: cap }));
    await expectRefused(await token(role, { iat: 0, exp: cap + H }), /lives longer than the (24h|30d) this role allows/);
  });

  it('without iat the lifetime counts from now: a DEVELOPER token expiring in a year → 401', async () => {
    await expectRefused(await token(Role.DEVELOPER, { exp: 365 * DAY }), /lives longer/);
  });

  it('an iat in the future (which would shorten the measured lifetime) → 401', async () => {
    await expectRefused(await token(Role.DEVELOPER, { iat: 300 * DAY, exp: 300 * DAY + H }), /"iat" lies in the future/);
  });

  it('the server\'s own minted tokens (12 h) pass', async () => {
    await expectAccepted(Role.DEVELOPER, await t.token(Role.DEVELOPER));
  });
});

describe('nbf in the future', () => {
  it('nbf in 5 minutes → 401; nbf in 10 s is within the 30 s tolerance; nbf in the past is fine', async () => {
    await expectRefused(await token(Role.DEVELOPER, { iat: 0, nbf: 300, exp: H }), /not valid yet/);
    await expectAccepted(Role.DEVELOPER, await token(Role.DEVELOPER, { iat: 0, nbf: 10, exp: H }));
    await expectAccepted(Role.DEVELOPER, await token(Role.DEVELOPER, { iat: -H, nbf: -H, exp: H }));
  });
});

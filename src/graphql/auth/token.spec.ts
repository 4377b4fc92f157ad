import { SignJWT } from 'jose';
import { configFrom } from '../../config';
import { Role } from '../../domain/common/role';
import { mintToken, viewerFromAuthorization } from './token';

/** The caps and tolerance come from configuration (JWT_MAX_TTL_<ROLE>, JWT_CLOCK_TOLERANCE_SECONDS). */
describe('token lifetime configuration', () => {
  const cfg = configFrom({ JWT_MAX_TTL_OPERATOR: '1h', JWT_MAX_TTL_PARTNER: '7d', JWT_CLOCK_TOLERANCE_SECONDS: '0' });
  const sign = (role: string, expIn: number, nbfIn?: number) => {
    const now = Math.floor(Date.now() / 1000);
    const jwt = new SignJWT({ role }).setProtectedHeader({ alg: 'HS256' }).setSubject('s-1').setIssuer(cfg.auth.issuer).setAudience(cfg.auth.audience).setIssuedAt(now).setExpirationTime(now + expIn);
    if (nbfIn !== undefined) jwt.setNotBefore(now + nbfIn);
    return jwt.sign(new TextEncoder().encode(cfg.auth.jwtSecret));
  };

  it('defaults: 24 h for developers and staff, 30 days for partners and the gateway, 30 s tolerance', () => {
    const d = configFrom({});
    expect(d.auth.maxTtlSeconds).toEqual({ DEVELOPER: 86_400, REVIEWER: 86_400, OPERATOR: 86_400, PARTNER: 2_592_000, GATEWAY: 2_592_000 });
    expect(d.auth.clockToleranceSeconds).toBe(30);
  });

  it('JWT_MAX_TTL_OPERATOR=1h: a 2 h operator token is refused, a 1 h one accepted', async () => {
    await expect(viewerFromAuthorization(cfg, `Bearer ${await sign(Role.OPERATOR, 2 * 3600)}`)).rejects.toThrow(/longer than the 1h this role allows/);
    await expect(viewerFromAuthorization(cfg, `Bearer ${await sign(Role.OPERATOR, 3600)}`)).resolves.toMatchObject({ role: Role.OPERATOR });
    await expect(viewerFromAuthorization(cfg, `Bearer ${await sign(Role.PARTNER, 8 * 86_400)}`)).rejects.toThrow(/7d/);
  });

  it('tolerance 0: an nbf 5 s ahead is refused', async () => {
    await expect(viewerFromAuthorization(cfg, `Bearer ${await sign(Role.DEVELOPER, 3600, 5)}`)).rejects.toThrow(/not valid yet/);
  });

  it('mintToken refuses a lifetime over the cap and a malformed ttl; bad settings stop the process', async () => {
    await expect(mintToken(cfg, Role.OPERATOR, 'op-1', '2h')).rejects.toThrow(/at most 1h \(JWT_MAX_TTL_OPERATOR\)/);
    await expect(mintToken(cfg, Role.OPERATOR, 'op-1', 'soon')).rejects.toThrow(/ttl must be a duration/);
    await expect(viewerFromAuthorization(cfg, `Bearer ${await mintToken(cfg, Role.OPERATOR, 'op-1', '1h')}`)).resolves.toEqual({ role: Role.OPERATOR, subjectId: 'op-1' });
    expect(() => configFrom({ JWT_MAX_TTL_GATEWAY: 'forever' })).toThrow(/JWT_MAX_TTL_GATEWAY/);
    expect(() => configFrom({ JWT_MAX_TTL_DEVELOPER: '0' })).toThrow(/JWT_MAX_TTL_DEVELOPER/);
  });
});

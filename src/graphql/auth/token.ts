import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { Config, TokenRole } from '../../config';
import { checkTokenTimes, formatDuration, parseDuration } from '../../domain/auth/token-lifetime.rule';
import { ANONYMOUS, Role, Viewer } from '../../domain/common/role';
import { unauthenticated } from './errors';

const ROLES = new Set<string>(Object.values(Role).filter((r) => r !== Role.ANONYMOUS));
const keyOf = (cfg: Config): Uint8Array => new TextEncoder().encode(cfg.auth.jwtSecret);

/**
 * The viewer of a request from its `Authorization` header. No header: anonymous. A header that
 * is not a valid bearer JWT (bad signature, issuer, audience, role or subject; no `exp`, expired,
 * `nbf` in the future, or a lifetime over the role's cap) is refused with UNAUTHENTICATED naming
 * what is wrong; it never falls back to anonymous.
 */
export async function viewerFromAuthorization(cfg: Config, header: string | undefined): Promise<Viewer> {
  if (header === undefined || header === '') return ANONYMOUS;
  const match = /^Bearer ([A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+)$/.exec(header);
  if (!match) throw unauthenticated('Authorization header must be "Bearer <JWT>"');
  let payload;
  try {
    ({ payload } = await jwtVerify(match[1], keyOf(cfg), {
      issuer: cfg.auth.issuer,
      audience: cfg.auth.audience,
      algorithms: ['HS256'],
      requiredClaims: ['exp'],
      clockTolerance: cfg.auth.clockToleranceSeconds,
    }));
  } catch (err) {
    throw unauthenticated(`token rejected: ${describeJoseError(err)}`);
  }
  const role = payload.role;
  if (typeof role !== 'string' || !ROLES.has(role)) throw unauthenticated('token rejected: claim "role" must be one of ' + [...ROLES].join(', '));
  const times = checkTokenTimes(payload, Math.floor(Date.now() / 1000), cfg.auth.maxTtlSeconds[role as TokenRole], cfg.auth.clockToleranceSeconds);
  if (times) throw unauthenticated(`token rejected: ${times}`);
  if (typeof payload.sub !== 'string' || !/^[A-Za-z0-9_\-:.]{1,64}$/.test(payload.sub)) throw unauthenticated('token rejected: claim "sub" must be 1–64 characters of [A-Za-z0-9_-:.]');
  return Object.freeze({ role: role as Role, subjectId: payload.sub });
}

/** jose's verdicts in words (exp, nbf and the required exp each have their own). */
function describeJoseError(err: unknown): string {
  if (err instanceof joseErrors.JWTExpired) return 'the token has expired';
  if (err instanceof joseErrors.JWTClaimValidationFailed) {
    if (err.claim === 'exp' && err.reason === 'missing') return 'claim "exp" is required: every token must expire';
    if (err.claim === 'nbf') return 'the token is not valid yet (claim "nbf" lies in the future)';
    return `claim "${err.claim}" ${err.reason === 'missing' ? 'is missing' : 'is not accepted'}`;
  }
  return (err as { code?: string }).code ?? 'ERR_JWT_INVALID';
}

/**
 * Mints a token (local development, tests, and the `npm run token` command): issued now,
 * expiring after `ttl` ("90m", "12h", "30d", or seconds). Refuses a `ttl` over the role's cap,
 * which the server would refuse anyway.
 */
export async function mintToken(cfg: Config, role: TokenRole, subjectId: string, ttl = '12h'): Promise<string> {
  const seconds = parseDuration(ttl);
  if (seconds === null || seconds <= 0) throw new Error(`ttl must be a duration such as 3600, 90m, 12h or 30d (got "${ttl}")`);
  const cap = cfg.auth.maxTtlSeconds[role];
  if (seconds > cap) throw new Error(`a ${role} token may live at most ${formatDuration(cap)} (JWT_MAX_TTL_${role}); asked for ${ttl}`);
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ role })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(subjectId)
    .setIssuer(cfg.auth.issuer)
    .setAudience(cfg.auth.audience)
    .setIssuedAt(now)
    .setExpirationTime(now + seconds)
    .sign(keyOf(cfg));
}

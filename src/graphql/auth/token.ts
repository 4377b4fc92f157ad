import { jwtVerify, SignJWT } from 'jose';
import { Config } from '../../config';
import { ANONYMOUS, Role, Viewer } from '../../domain/common/role';
import { unauthenticated } from './errors';

const ROLES = new Set<string>(Object.values(Role).filter((r) => r !== Role.ANONYMOUS));
const keyOf = (cfg: Config): Uint8Array => new TextEncoder().encode(cfg.auth.jwtSecret);

/**
 * The viewer of a request from its `Authorization` header. No header: anonymous. A header that
 * is not a valid bearer JWT (bad signature, issuer, audience, expiry, role or subject) is refused
 * with UNAUTHENTICATED naming what is wrong; it never falls back to anonymous.
 */
export async function viewerFromAuthorization(cfg: Config, header: string | undefined): Promise<Viewer> {
  if (header === undefined || header === '') return ANONYMOUS;
  const match = /^Bearer ([A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+)$/.exec(header);
  if (!match) throw unauthenticated('Authorization header must be "Bearer <JWT>"');
  let payload;
  try {
    ({ payload } = await jwtVerify(match[1], keyOf(cfg), { issuer: cfg.auth.issuer, audience: cfg.auth.audience, algorithms: ['HS256'] }));
  } catch (err) {
    throw unauthenticated(`token rejected: ${(err as { code?: string }).code ?? 'ERR_JWT_INVALID'}`);
  }
  const role = payload.role;
  if (typeof role !== 'string' || !ROLES.has(role)) throw unauthenticated('token rejected: claim "role" must be one of ' + [...ROLES].join(', '));
  if (typeof payload.sub !== 'string' || !/^[A-Za-z0-9_\-:.]{1,64}$/.test(payload.sub)) throw unauthenticated('token rejected: claim "sub" must be 1–64 characters of [A-Za-z0-9_-:.]');
  return Object.freeze({ role: role as Role, subjectId: payload.sub });
}

/** Mints a token (local development, tests, and the `npm run token` command). */
export async function mintToken(cfg: Config, role: Exclude<Role, Role.ANONYMOUS>, subjectId: string, ttl = '12h'): Promise<string> {
  return new SignJWT({ role })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(subjectId)
    .setIssuer(cfg.auth.issuer)
    .setAudience(cfg.auth.audience)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(keyOf(cfg));
}

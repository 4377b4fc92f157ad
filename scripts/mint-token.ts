/**
 * `npm run token -- <ROLE> [subject] [ttl]`: mints a local bearer token for development.
 * ROLE is DEVELOPER, REVIEWER, OPERATOR, PARTNER or GATEWAY; the subject defaults to a new UUID;
 * ttl ("90m", "12h", "30d", or seconds) defaults to 12h, or the role's cap when that is shorter,
 * and may not exceed the role's cap (JWT_MAX_TTL_<ROLE>: 24h for staff and developers, 30d for
 * partners and the gateway by default), which the server enforces too.
 * Uses JWT_SECRET / JWT_ISSUER / JWT_AUDIENCE from the environment, as the server does.
 */
import { randomUUID } from 'node:crypto';
import { config, TokenRole } from '../src/config';
import { formatDuration } from '../src/domain/auth/token-lifetime.rule';
import { Role } from '../src/domain/common/role';
import { mintToken } from '../src/graphql/auth/token';

const [roleArg, subject = randomUUID(), ttlArg] = process.argv.slice(2);
const roles = Object.values(Role).filter((r): r is TokenRole => r !== Role.ANONYMOUS);
if (!roleArg || !roles.includes(roleArg as TokenRole)) {
  console.error(`usage: npm run token -- <${roles.join('|')}> [subject] [ttl]`);
  process.exit(2);
}
const role = roleArg as TokenRole;
const cfg = config();
const ttl = ttlArg ?? formatDuration(Math.min(12 * 3600, cfg.auth.maxTtlSeconds[role]));
mintToken(cfg, role, subject, ttl).then(
  (token) => {
    console.error(`# ${role} ${subject}, valid ${ttl}`);
    console.log(token);
  },
  (err: Error) => {
    console.error(err.message);
    process.exit(2);
  },
);

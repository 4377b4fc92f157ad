/**
 * `npm run token -- <ROLE> [subject]`: mints a local bearer token for development.
 * ROLE is DEVELOPER, REVIEWER, OPERATOR, PARTNER or GATEWAY; the subject defaults to a new UUID.
 * Uses JWT_SECRET / JWT_ISSUER / JWT_AUDIENCE from the environment, as the server does.
 */
import { randomUUID } from 'node:crypto';
import { config } from '../src/config';
import { Role } from '../src/domain/common/role';
import { mintToken } from '../src/graphql/auth/token';

const [roleArg, subject = randomUUID(), ttl = '12h'] = process.argv.slice(2);
const roles = Object.values(Role).filter((r): r is Exclude<Role, Role.ANONYMOUS> => r !== Role.ANONYMOUS);
if (!roleArg || !roles.includes(roleArg as Exclude<Role, Role.ANONYMOUS>)) {
  console.error(`usage: npm run token -- <${roles.join('|')}> [subject] [ttl]`);
  process.exit(2);
}
mintToken(config(), roleArg as Exclude<Role, Role.ANONYMOUS>, subject, ttl).then((token) => {
  console.error(`# ${roleArg} ${subject}, valid ${ttl}`);
  console.log(token);
});

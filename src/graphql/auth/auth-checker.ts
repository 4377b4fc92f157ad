import { AuthCheckerFn } from 'type-graphql';
import { Role } from '../../domain/common/role';
import { forbidden, unauthenticated } from './errors';
import { Context } from '../context';

/**
 * `@Authorized(Role.X, ...)`: the viewer's role must be listed. `@Authorized()` with no roles:
 * any signed-in caller. Anonymous callers get UNAUTHENTICATED, wrong roles FORBIDDEN naming the
 * roles allowed.
 */
export const authChecker: AuthCheckerFn<Context, Role> = ({ context, info }, roles) => {
  const { role } = context.viewer;
  if (role === Role.ANONYMOUS) throw unauthenticated(`${info.parentType.name}.${info.fieldName} needs a signed-in caller`);
  if (roles.length === 0 || roles.includes(role)) return true;
  throw forbidden(`${info.parentType.name}.${info.fieldName} is for ${roles.join(' or ')}, not ${role}`);
};

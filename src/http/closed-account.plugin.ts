import { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { Role } from '../domain/common/role';
import { Context } from '../graphql/context';
import { ErrorCode } from '../services/common/errors';

/**
 * A closed developer account (DOMAIN §6 closure) keeps reading its history but changes nothing:
 * a DEVELOPER's mutation operation is refused as a whole with FORBIDDEN (reason ACCOUNT_CLOSED,
 * HTTP 403). One check per request for the whole schema, so no new mutation can forget it, and no
 * per-field middleware on every resolver.
 */
export function closedAccountPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const { viewer, loaders } = contextValue;
      if (viewer.role !== Role.DEVELOPER || !viewer.subjectId) return;
      const subjectId = viewer.subjectId;
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== 'mutation') return;
          const dev = await loaders.developerById.load(subjectId);
          if (!dev?.closedAt) return;
          throw new GraphQLError(`the developer account was closed at ${dev.closedAt.toISOString()}: it reads its history and changes nothing`, {
            extensions: { code: ErrorCode.FORBIDDEN, reason: 'ACCOUNT_CLOSED', http: { status: 403 } },
          });
        },
      };
    },
  };
}

import { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { Role } from '../domain/common/role';
import { Context } from '../graphql/context';
import { normalizeHash, PersistedDocuments } from './persisted-documents';

export const AllowlistCode = {
  /** The caller sent a document (or nothing): it may only send a manifest hash. */
  PERSISTED_DOCUMENT_REQUIRED: 'PERSISTED_DOCUMENT_REQUIRED',
  /** The hash is not in the manifest. */
  PERSISTED_DOCUMENT_NOT_FOUND: 'PERSISTED_DOCUMENT_NOT_FOUND',
} as const;

/** A document that validates and executes nothing: stands in for a refused request until didResolveOperation. */
const PLACEHOLDER = '{ __typename }';

/**
 * The persisted-documents allowlist. PARTNER callers, and every caller when portal roles may not
 * send arbitrary documents, must send `extensions.persistedQuery.sha256Hash` of a manifest entry
 * and no `query`; the plugin substitutes the manifest's text. Anything else, including the very
 * text of a manifest document sent in full, is refused.
 *
 * NOTE: the request is rewritten in `requestDidStart` (before Apollo's APQ lookup, so a partner
 * can never reach a document some portal client registered through APQ); the refusal is thrown
 * from `didResolveOperation`, the earliest hook where Apollo answers a thrown GraphQLError as a
 * client error rather than a 500.
 */
export function allowlistPlugin(manifest: PersistedDocuments, portalArbitraryDocuments: boolean): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ request, contextValue }) {
      const restricted = contextValue.viewer.role === Role.PARTNER || !portalArbitraryDocuments;
      if (!restricted) return;
      const who = contextValue.viewer.role === Role.PARTNER ? 'partners' : 'this server';
      const pq = request.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined;
      const hash = normalizeHash(pq?.sha256Hash);
      let refusal: GraphQLError | null = null;
      if ((request.query !== undefined && request.query !== '') || hash === null) {
        refusal = new GraphQLError(`${who} accept only persisted operations: send extensions.persistedQuery.sha256Hash of a manifest operation and no query text`, {
          extensions: { code: AllowlistCode.PERSISTED_DOCUMENT_REQUIRED, http: { status: 400 } },
        });
      } else if (!manifest.has(hash)) {
        refusal = new GraphQLError(`operation ${hash} is not in the persisted-documents manifest`, {
          extensions: { code: AllowlistCode.PERSISTED_DOCUMENT_NOT_FOUND, http: { status: 400 } },
        });
      }
      if (request.extensions) delete request.extensions.persistedQuery;
      if (refusal) {
        request.query = PLACEHOLDER;
        request.operationName = undefined;
        const error = refusal;
        return {
          async didResolveOperation() {
            throw error;
          },
        };
      }
      request.query = manifest.get(hash!);
    },
  };
}

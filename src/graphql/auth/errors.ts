import { GraphQLError } from 'graphql';
import { ErrorCode } from '../../services/common/errors';

/** Raised while reading the caller's credential (also from the context function, hence a GraphQLError). */
export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN } });
}

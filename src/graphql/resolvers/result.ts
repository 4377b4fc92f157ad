import { GraphQLError } from 'graphql';
import { Result } from '../../domain/common/result';
import { Violation } from '../../domain/common/violation';
import { toRefusalType } from '../types/refusal.type';

/** A service result as a GraphQL union member: the mapped value, or the refusal's type. */
export function toPayload<T, G>(result: Result<T>, map: (value: T) => G) {
  return result.ok ? map(result.value) : toRefusalType(result.refusal);
}

/** Queries have no result union: bad arguments are thrown as BAD_USER_INPUT, naming each field. */
export function badUserInput(violations: readonly Violation[]): GraphQLError {
  return new GraphQLError(violations.map((v) => `${v.field}: ${v.message}`).join('; '), {
    extensions: { code: 'BAD_USER_INPUT', violations },
  });
}

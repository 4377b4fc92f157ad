/**
 * Thrown errors (the second tier): the caller cannot act on these by changing its input.
 * Refusals the caller can act on are returned as data instead (`Result`).
 *
 * Services know nothing of GraphQL: a `ServiceError` is a plain error carrying `extensions`,
 * which graphql-js copies onto the GraphQLError it wraps a resolver's error in (so the code
 * reaches the client unmasked).
 */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export class ServiceError extends Error {
  constructor(
    message: string,
    readonly extensions: { code: string; [key: string]: unknown },
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

/** Not found, or not yours: the two answer the same, so another tenant's ids leak nothing. */
export function notFound(what: string, id: string): ServiceError {
  return new ServiceError(`${what} ${id} not found`, { code: ErrorCode.NOT_FOUND, http: { status: 200 } });
}

export function forbidden(message: string): ServiceError {
  return new ServiceError(message, { code: ErrorCode.FORBIDDEN });
}

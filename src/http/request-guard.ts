import { HeaderMap } from '@apollo/server';
import { NextFunction, Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { Config } from '../config';
import { Viewer } from '../domain/common/role';
import { exceedsTokens } from './document-rules';
import { LimitCode } from './limits';

/**
 * Anonymous callers get a smaller token budget than credentials (GRAPHQL_ANONYMOUS_MAX_TOKENS):
 * checked in the context function, before Apollo parses the document, so a large anonymous
 * document costs one bounded lexer pass. A document sent by hash only was checked when registered.
 */
export function checkAnonymousTokens(cfg: Config['graphql'], viewer: Viewer, body: unknown): void {
  if (viewer.subjectId !== null) return;
  const query = typeof body === 'object' && body !== null ? (body as { query?: unknown }).query : undefined;
  if (typeof query !== 'string' || !exceedsTokens(query, cfg.anonymousMaxTokens)) return;
  throw new GraphQLError(`Document contains more than ${cfg.anonymousMaxTokens} tokens, the limit for anonymous callers`, {
    extensions: { code: LimitCode.TOO_MANY_TOKENS, http: { status: 400, headers: new HeaderMap() } },
  });
}

/** Messages graphql-js and Apollo raise without a code for a malformed request, and the code each answers with. */
const UNCODED_CLIENT_ERRORS: readonly [RegExp, string][] = [
  // graphql-js stops coercing variables after 50 errors and adds this one, without a code.
  [/^Too many errors processing variables/, 'BAD_USER_INPUT'],
];

/** The public code of an uncoded client error, or null. */
export function uncodedClientErrorCode(message: string): string | null {
  for (const [re, code] of UNCODED_CLIENT_ERRORS) if (re.test(message)) return code;
  return null;
}

/** The answer to a request express could not read: status and code, never a stack or an HTML page. */
export function requestErrorAnswer(err: { status?: number; statusCode?: number; type?: string }, bodyLimit: string): { status: number; code: string; message: string } {
  const status = err.status ?? err.statusCode ?? 500;
  switch (err.type) {
    case 'entity.too.large':
      return { status: 413, code: 'PAYLOAD_TOO_LARGE', message: `request body larger than ${bodyLimit}` };
    case 'entity.parse.failed':
      return { status: 400, code: 'BAD_REQUEST', message: 'request body is not valid JSON' };
    case 'encoding.unsupported':
      return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'unsupported content-encoding (identity, gzip, deflate or br)' };
    case 'charset.unsupported':
      return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'unsupported charset (send utf-8)' };
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
    case 'stream.not.readable':
      return { status: 400, code: 'BAD_REQUEST', message: 'the request body could not be read' };
  }
  if (status === 415) return { status, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'unsupported media type' };
  if (status >= 400 && status < 500) return { status, code: 'BAD_REQUEST', message: 'malformed request' };
  return { status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' };
}

/**
 * The last error handler: any error express or the body parser raises answers in GraphQL's error
 * shape (JSON, a code, no stack) in every NODE_ENV; express's default handler would send an
 * HTML page with the stack in development.
 */
export function requestErrorHandler(bodyLimit: string | ((req: Request) => string), log: (err: unknown) => void = (err) => console.error('[http] request error:', err)) {
  return (err: { status?: number; statusCode?: number; type?: string }, req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) return next(err);
    const answer = requestErrorAnswer(err, typeof bodyLimit === 'function' ? bodyLimit(req) : bodyLimit);
    if (answer.status >= 500) log(err);
    res.status(answer.status).json({ errors: [{ message: answer.message, extensions: { code: answer.code } }] });
  };
}

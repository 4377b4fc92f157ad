/**
 * One record per HTTP request, filled as the request goes (role from the context function,
 * operation and outcome from an Apollo plugin, refusals from the mutation resolvers' results) and
 * read once when the response ends: one JSON log line and the request's metrics.
 */
import { randomUUID } from 'node:crypto';
import { ServerResponse } from 'node:http';
import { ApolloServerPlugin } from '@apollo/server';
import { NextFunction, Request, RequestHandler, Response } from 'express';
import { GraphQLSchema } from 'graphql';
import { RefusalType } from '../graphql/types/refusal.type';
import { attachLogger, Logger } from '../observability/logger';
import { GraphqlOutcome, observe } from '../observability/metrics';

export interface RequestRecord {
  readonly id: string;
  /** A fixed route label: `/graphql`, `/healthz`, ... or `unmatched`. */
  readonly route: string;
  readonly startedAt: bigint;
  log: Logger;
  /** Requests to /graphql, except the explorer page. */
  graphql: boolean;
  role?: string;
  operationName?: string;
  operationType?: string;
  refusalCodes: string[];
  errorCodes: string[];
}

/** A request id taken from the caller's `x-request-id`: printable, no spaces, at most 128 characters. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

const ROUTES = ['/graphql', '/healthz', '/readyz', '/metrics', '/explorer'];

/** The route label of a path: one of ROUTES (a prefix up to `/`), else `unmatched` (404s must not mint labels). */
export function routeOf(url: string): string {
  const path = url.split('?', 1)[0];
  for (const r of ROUTES) if (path === r || path.startsWith(`${r}/`)) return r;
  return 'unmatched';
}

const RECORD = Symbol('requestRecord');
type WithRecord = { [RECORD]?: RequestRecord };

export function recordOf(res: ServerResponse | Response): RequestRecord | undefined {
  return (res as WithRecord)[RECORD];
}

/**
 * A GraphQL context carries its request's record under this symbol (the plugin and resolvers see
 * only the context). A property, not a WeakMap: Apollo runs each operation on a shallow copy of the
 * context the context function returned, and the copy keeps own enumerable symbol properties.
 */
const CONTEXT_RECORD = Symbol('requestRecord');

export function recordOfContext(ctx: unknown): RequestRecord | undefined {
  return ctx && typeof ctx === 'object' ? (ctx as { [CONTEXT_RECORD]?: RequestRecord })[CONTEXT_RECORD] : undefined;
}

/** The outcome and its code, derived once at the end of a request. */
export function outcomeOf(rec: RequestRecord, status: number, finished: boolean): { outcome: GraphqlOutcome | 'aborted'; code?: string } {
  if (!finished) return { outcome: 'aborted' };
  if (rec.errorCodes.length > 0) return { outcome: 'error', code: rec.errorCodes[0] };
  if (rec.refusalCodes.length > 0) return { outcome: 'refused', code: rec.refusalCodes[0] };
  if (status >= 400) return { outcome: 'error', code: `HTTP_${status}` };
  return { outcome: 'ok' };
}

/**
 * The first middleware: gives the request its id (a sane `x-request-id`, else a UUID; echoed in
 * the response header), its record, and logs one line when the response ends (finished, or the
 * connection closed first: outcome `aborted`), then counts it in the metrics. The line carries
 * the method, the path (never the query string: GET variables stay out of logs), status, duration,
 * role (never the token), operation name and type, outcome and code; level error for a 5xx.
 *
 * NOTE: written here rather than with pino-http, which made two child loggers per request (one
 * serializing the request) and read its options on every line: 0.19 ms of a 0.76 ms `{ __typename }`
 * on the gateway's path (bench:ingest). The request's child logger (bound to its id, for errors
 * logged under it) is made only when something asks for it.
 */
export function requestObservability(logger: Logger): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const given = req.headers['x-request-id'];
    const id = typeof given === 'string' && SANE_REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader('x-request-id', id);
    const url = req.originalUrl ?? req.url;
    const route = routeOf(url);
    let log: Logger | undefined;
    const rec: RequestRecord = {
      id,
      route,
      startedAt: process.hrtime.bigint(),
      get log() {
        return (log ??= logger.child({ reqId: id }));
      },
      graphql: route === '/graphql',
      refusalCodes: [],
      errorCodes: [],
    };
    (res as WithRecord)[RECORD] = rec;
    let ended = false;
    const end = (err?: Error) => {
      if (ended) return;
      ended = true;
      const status = res.statusCode;
      const seconds = Number(process.hrtime.bigint() - rec.startedAt) / 1e9;
      const line = { reqId: id, req: { method: req.method, path: url.split('?', 1)[0] }, res: { status }, durationMs: Math.round(seconds * 1e4) / 10, ...lineOf(res), ...(err ? { err } : {}) };
      if (err || status >= 500) logger.error(line, 'request');
      else logger.info(line, 'request');
      observe.httpRequest(rec.route, status, seconds);
      if (rec.graphql) {
        const { outcome } = outcomeOf(rec, status, res.writableFinished);
        const errorCodes = rec.errorCodes.length > 0 || status < 400 ? rec.errorCodes : [`HTTP_${status}`];
        observe.graphqlOperation({
          name: rec.operationName,
          type: rec.operationType,
          outcome: outcome === 'aborted' ? 'error' : outcome,
          refusalCodes: rec.refusalCodes,
          errorCodes: outcome === 'aborted' ? ['ABORTED'] : errorCodes,
        });
      }
    };
    res.once('finish', () => end());
    res.once('close', () => end());
    res.once('error', end);
    next();
  };
}

/** The fields of a request's log line that come from its record. */
function lineOf(res: ServerResponse): Record<string, unknown> {
  const rec = recordOf(res);
  if (!rec) return {};
  const { outcome, code } = outcomeOf(rec, res.statusCode, res.writableFinished);
  return {
    route: rec.route,
    ...(rec.role ? { role: rec.role } : {}),
    ...(rec.operationName || rec.operationType ? { operation: { name: rec.operationName ?? null, type: rec.operationType ?? null } } : {}),
    outcome,
    ...(code ? { code } : {}),
  };
}

/**
 * Wraps the GraphQL context function: marks the request as GraphQL, notes the caller's role and
 * links the context to the record; a context that fails (bad token, rate limit) notes its code.
 */
export function observedContext<A extends { req: Request; res: Response }, C extends { viewer: { role: string } }>(build: (args: A) => Promise<C>): (args: A) => Promise<C> {
  return async (args) => {
    const rec = recordOf(args.res);
    if (rec) {
      rec.operationName = typeof args.req.body?.operationName === 'string' ? args.req.body.operationName : undefined;
    }
    try {
      const ctx = await build(args);
      if (rec) {
        rec.role = ctx.viewer.role;
        Object.defineProperty(ctx, CONTEXT_RECORD, { value: rec, enumerable: true });
      }
      return ctx;
    } catch (err) {
      if (rec) {
        const code = (err as { extensions?: { code?: unknown } }).extensions?.code;
        rec.errorCodes.push(typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR');
        attachLogger(err, rec.log);
      }
      throw err;
    }
  };
}

/**
 * Fills the record from Apollo: the resolved operation's name and type, the codes of the errors in
 * the response as sent (after formatError: masked internals are INTERNAL_SERVER_ERROR), and the
 * request's logger on every raw error, so formatError logs an internal one under the request id.
 */
export function observabilityPlugin<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operationName, operation }) {
          const rec = recordOfContext(contextValue);
          if (!rec) return;
          rec.operationName = operationName ?? undefined;
          rec.operationType = operation?.operation;
        },
        async didEncounterErrors({ contextValue, errors }) {
          const rec = recordOfContext(contextValue);
          if (rec) for (const e of errors) attachLogger(e, rec.log);
        },
        async willSendResponse({ contextValue, response }) {
          const rec = recordOfContext(contextValue);
          if (!rec || response.body.kind !== 'single') return;
          for (const e of response.body.singleResult.errors ?? []) {
            const code = e.extensions?.code;
            rec.errorCodes.push(typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR');
          }
        },
      };
    },
  };
}

const INSTRUMENTED = Symbol('refusalsInstrumented');

/**
 * Wraps each root Mutation field's resolver once (the schema is built once per process): a result
 * that is a refusal (`InvalidInput`, `InvalidState`, ... all extend RefusalType) notes its code on
 * the request's record. One check per mutation field, none per nested field.
 */
export function instrumentRefusals(schema: GraphQLSchema): GraphQLSchema {
  const mutation = schema.getMutationType() as (ReturnType<GraphQLSchema['getMutationType']> & { [INSTRUMENTED]?: true }) | null | undefined;
  if (!mutation || mutation[INSTRUMENTED]) return schema;
  for (const field of Object.values(mutation.getFields())) {
    const resolve = field.resolve;
    if (!resolve) continue;
    field.resolve = async (source, args, ctx, info) => {
      const value = await resolve(source, args, ctx, info);
      if (value instanceof RefusalType) recordOfContext(ctx)?.refusalCodes.push(value.code);
      return value;
    };
  }
  mutation[INSTRUMENTED] = true;
  return schema;
}

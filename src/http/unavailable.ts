import { ApolloServerPlugin } from '@apollo/server';
import { Request, Response } from 'express';
import { GraphQLFormattedError } from 'graphql';
import { DataSource } from 'typeorm';
import { ACQUIRE_TIMEOUT } from '../db/connection-guard';

/**
 * Outages answer as outages: when the database cannot be reached, answers nothing in time, or a
 * deadlock / lock wait survived the services' own retries, the request answers HTTP 503 with
 * code SERVICE_UNAVAILABLE, a `Retry-After` header and `extensions.retryable: true`, never 200
 * with INTERNAL_SERVER_ERROR. The client may resend the same request: every mutation is one
 * transaction, so a failed one wrote nothing.
 */
export const SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE';

/** mysql2 / Node codes of a connection that is gone, refused, or silent (and ours for a pool that stays full). */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'PROTOCOL_ENQUEUE_AFTER_QUIT',
  ACQUIRE_TIMEOUT,
]);

/** Server error numbers meaning "try again": too many connections, shutdown, lock wait, deadlock, killed, statement time limit. */
const UNAVAILABLE_ERRNOS = new Set([
  1040, // ER_CON_COUNT_ERROR
  1053, // ER_SERVER_SHUTDOWN
  1205, // ER_LOCK_WAIT_TIMEOUT (after the services' retries)
  1213, // ER_LOCK_DEADLOCK (after the services' retries)
  1317, // ER_QUERY_INTERRUPTED
  1927, // ER_CONNECTION_KILLED (MariaDB)
  1969, // ER_STATEMENT_TIMEOUT (MariaDB max_statement_time)
  3024, // ER_QUERY_TIMEOUT (MySQL max_execution_time)
  4031, // ER_CLIENT_INTERACTION_TIMEOUT (MySQL)
]);

/** mysql2 errors that carry neither a code nor an errno. */
const UNAVAILABLE_MESSAGES = [/^Pool is closed\.?$/, /^Queue limit reached\.?$/, /^No connections available\.?$/, /^Can't add new command when connection is in closed state$/];

/**
 * Whether an error (or anything it wraps: GraphQL's `originalError`, TypeORM's `driverError`,
 * an `Error.cause` set by a retry wrapper, graphql-js's `thrownValue`) says the database is unavailable for now.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const stack: unknown[] = [error];
  while (stack.length > 0) {
    const e = stack.pop();
    if (!e || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    const { code, errno, message } = e as { code?: unknown; errno?: unknown; message?: unknown };
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
    if (typeof errno === 'number' && UNAVAILABLE_ERRNOS.has(errno)) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((re) => re.test(message))) return true;
    const w = e as { originalError?: unknown; driverError?: unknown; cause?: unknown; thrownValue?: unknown; errors?: unknown };
    stack.push(w.originalError, w.driverError, w.cause, w.thrownValue, ...(Array.isArray(w.errors) ? w.errors : []));
  }
  return false;
}

/** The formatted error for an outage, or null when `error` is not one (for `formatError`). */
export function unavailableError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError | null {
  if (!isDatabaseUnavailable(error)) return null;
  console.warn('[graphql] database unavailable:', describe(error));
  return {
    message: 'The service is temporarily unavailable; retry the request later',
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: SERVICE_UNAVAILABLE, retryable: true },
  };
}

/**
 * Apollo plugin: a response carrying SERVICE_UNAVAILABLE answers HTTP 503 with Retry-After (and
 * `extensions.retryAfterSeconds`). Needed because the status comes from errors' `extensions.http`
 * before `formatError` runs, and a database error is not a GraphQLError with one.
 */
export function serviceUnavailablePlugin(retryAfterSeconds: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (!result.errors?.some((e) => e.extensions?.code === SERVICE_UNAVAILABLE)) return;
          result.errors = result.errors.map((e) => (e.extensions?.code === SERVICE_UNAVAILABLE ? { ...e, extensions: { ...e.extensions, retryAfterSeconds } } : e));
          response.http.status = 503;
          response.http.headers.set('retry-after', String(retryAfterSeconds));
        },
      };
    },
  };
}

/**
 * GET /readyz: `SELECT 1` bounded by a timer, so a frozen database (accepts connections,
 * answers nothing) gives 503 within `timeoutMs` instead of a hanging probe.
 */
export function readinessHandler(ds: DataSource, { readinessTimeoutMs, retryAfterSeconds }: { readinessTimeoutMs: number; retryAfterSeconds: number }) {
  return async (_req: Request, res: Response): Promise<void> => {
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      ds.query('SELECT 1').then(
        () => 'READY' as const,
        () => 'FAILED' as const,
      ),
      new Promise<'TIMEOUT'>((resolve) => (timer = setTimeout(() => resolve('TIMEOUT'), readinessTimeoutMs))),
    ]);
    clearTimeout(timer);
    if (outcome === 'READY') {
      res.json({ status: 'ready' });
      return;
    }
    res.status(503).set('retry-after', String(retryAfterSeconds)).json({ status: 'database unavailable', reason: outcome === 'TIMEOUT' ? `no answer within ${readinessTimeoutMs} ms` : 'the database refused or lost the connection' });
  };
}

function describe(error: unknown): string {
  const e = error as { originalError?: { code?: string; errno?: number; message?: string }; code?: string; message?: string };
  const inner = e.originalError ?? e;
  return [inner.code, inner.message].filter(Boolean).join(': ').slice(0, 200);
}

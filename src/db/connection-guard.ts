import mysql2 from 'mysql2';

/**
 * Bounded waits on the database, added where TypeORM's mysql driver creates its mysql2 pool
 * (TypeORM's `driver` option: it calls `driver.createPool(options)` with `connectTimeout` and
 * `extra` already merged in).
 *
 * What TypeORM 1.1 passes and what mysql2 3.x does with it (read in their sources):
 * - `connectTimeout` → mysql2's handshake timer (`connect ETIMEDOUT`): bounds a database that
 *   accepts TCP but never greets.
 * - `acquireTimeout` → passed only when set, and mysql2's pool has no such option (it waits
 *   forever for a free connection); `queueLimit` bounds the number of waiters, not the wait. So
 *   the acquire timeout is implemented here, around `pool.getConnection`.
 * - `maxQueryExecutionTime` + `enableQueryTimeout` → TypeORM sends `{ sql, timeout }` to
 *   mysql2, which fails the query (`PROTOCOL_SEQUENCE_TIMEOUT`) but leaves the command stuck on
 *   the connection: the next query queued behind it would wait forever with no timer of its own.
 *   So a connection whose query timed out is destroyed here, not returned to the pool.
 * - the statement timeout on the server (MariaDB `max_statement_time`, seconds; MySQL
 *   `max_execution_time`, milliseconds, SELECT only) is set on each new connection, before the
 *   pool hands it out (mysql2 emits `connection` before calling back, and commands on one
 *   connection run in order).
 */
export interface ConnectionLimits {
  /** 'mariadb' or 'mysql': which session variable bounds a statement. */
  flavor: 'mariadb' | 'mysql';
  /** Longest wait for a free pooled connection (0: no limit). */
  acquireTimeoutMs: number;
  /** Server-side statement limit (0: none). */
  statementTimeoutMs: number;
}

/** The error a request sees when no pooled connection frees up in time (mapped to 503 like a lost connection). */
export const ACQUIRE_TIMEOUT = 'DB_ACQUIRE_TIMEOUT';

/** The session statement to run on each new connection; null when there is no limit. */
export function statementLimitSql(limits: Pick<ConnectionLimits, 'flavor' | 'statementTimeoutMs'>): string | null {
  if (limits.statementTimeoutMs <= 0) return null;
  return limits.flavor === 'mariadb'
    ? `SET SESSION max_statement_time = ${(limits.statementTimeoutMs / 1000).toFixed(3)}`
    : `SET SESSION max_execution_time = ${Math.round(limits.statementTimeoutMs)}`;
}

type Callback = (err: NodeJS.ErrnoException | null, connection?: mysql2.PoolConnection) => void;
type CallbackQuery = (...args: unknown[]) => unknown;

/** A mysql2 module for TypeORM's `driver` option whose pools apply `limits`. */
export function guardedMysqlDriver(limits: ConnectionLimits): typeof mysql2 {
  const driver = Object.create(mysql2) as typeof mysql2;
  driver.createPool = ((options: mysql2.PoolOptions) => guardPool(mysql2.createPool(options), limits)) as typeof mysql2.createPool;
  return driver;
}

function guardPool(pool: mysql2.Pool, limits: ConnectionLimits): mysql2.Pool {
  const sessionSql = statementLimitSql(limits);
  pool.on('connection', (connection) => {
    destroyOnQueryTimeout(connection as unknown as mysql2.PoolConnection);
    if (sessionSql) (connection as unknown as { query: CallbackQuery }).query(sessionSql, () => undefined);
  });
  const getConnection = pool.getConnection.bind(pool) as (cb: Callback) => void;
  (pool as unknown as { getConnection: (cb: Callback) => void }).getConnection = (cb: Callback) => {
    let done = false;
    const timer =
      limits.acquireTimeoutMs > 0
        ? setTimeout(() => {
            done = true;
            cb(Object.assign(new Error(`no database connection free within ${limits.acquireTimeoutMs} ms`), { code: ACQUIRE_TIMEOUT }));
          }, limits.acquireTimeoutMs)
        : undefined;
    getConnection((err, connection) => {
      if (done) {
        // The caller gave up: hand the late connection straight back.
        if (!err) connection?.release();
        return;
      }
      done = true;
      clearTimeout(timer);
      cb(err ? asError(err) : null, connection);
    });
  };
  return pool;
}

/**
 * A socket error from Node's core (`connect ECONNREFUSED`) may come from another realm than the
 * code that checks `instanceof Error` (under Jest, always): Apollo then replaces it with a bare
 * "Unexpected error value" and its code is lost. Rebuild it here with its code and errno.
 */
function asError(err: NodeJS.ErrnoException): NodeJS.ErrnoException {
  if (err instanceof Error) return err;
  const { code, errno, syscall, fatal } = err as NodeJS.ErrnoException & { fatal?: boolean };
  return Object.assign(new Error(String((err as { message?: unknown }).message ?? code ?? 'database connection failed'), { cause: err }), { code, errno, syscall, fatal });
}

/** A connection whose query timed out on the client is unusable (the command stays queued): destroy it. */
function destroyOnQueryTimeout(connection: mysql2.PoolConnection): void {
  const target = connection as unknown as { query: CallbackQuery };
  const query = target.query;
  target.query = function (this: unknown, ...args: unknown[]) {
    const at = args.findIndex((a) => typeof a === 'function');
    if (at >= 0) {
      const cb = args[at] as (err: { code?: string } | null, ...rest: unknown[]) => void;
      args[at] = (err: { code?: string } | null, ...rest: unknown[]) => {
        if (err?.code === 'PROTOCOL_SEQUENCE_TIMEOUT') connection.destroy();
        cb(err, ...rest);
      };
    }
    return query.apply(this, args);
  };
}

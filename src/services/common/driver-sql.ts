import mysql2 from 'mysql2';
import { DataSource } from 'typeorm';
import { Queryable } from '../usage/app-quota-state';

/** The part of mysql2's callback API used here: TypeORM's MySQL/MariaDB driver keeps such a pool. */
interface DriverConnection {
  query(sql: string, params: unknown[], cb: (err: Error | null, result: unknown) => void): void;
  release(): void;
  destroy(): void;
}
interface DriverPool {
  getConnection(cb: (err: Error | null, conn: DriverConnection) => void): void;
  query(sql: string, params: unknown[], cb: (err: Error | null, result: unknown) => void): void;
}

const poolOf = (ds: DataSource): DriverPool => (ds.driver as unknown as { pool: DriverPool }).pool;

const run = (target: Pick<DriverConnection, 'query'>, sql: string, params: unknown[] = []) =>
  new Promise<any>((resolve, reject) => target.query(sql, params, (err, result) => (err ? reject(err) : resolve(result)))); // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Statements on the DataSource's own connection pool (same connections, same time zone and
 * charset) without the ORM's per-statement layer (query runner, broadcaster, logger), which cost
 * about as much as the statement on the gateway's hot path. NOTE: these statements do not go
 * through TypeORM's logger (`LOG_SQL`); use only for raw-row paths that need no entity.
 */
export function driverQueryable(ds: DataSource): Queryable {
  return { query: (sql, params) => run(poolOf(ds), sql, params ?? []) };
}

/**
 * A second pool of the same database (same options and guards: connect, acquire and statement
 * limits) whose connections accept several statements in one query (`multipleStatements`), made on
 * first use and ended with the DataSource. It exists for one path: the gateway's usage batch sends
 * its transaction as one round trip (`transactionInOneRoundTrip`). NOTE: the request pool keeps
 * one statement per query, so SQL built wrongly elsewhere can never stack statements; on this
 * pool every statement is written here with `?` placeholders, never with input in its text.
 */
/** What `dataSourceOptions` (src/db/data-source.ts) sets that the second pool copies. */
interface PoolOptionsOfDataSource {
  url?: string;
  driver?: unknown;
  timezone?: string;
  charset?: string;
  connectTimeout?: number;
  extra?: { connectionLimit?: number };
}

const multiPools = new WeakMap<DataSource, DriverPool & { end(cb: (err?: Error | null) => void): void }>();

/** The DataSource's multi-statement pool if one was made (the metrics read its queues), else undefined. */
export function multiStatementPoolOf(ds: DataSource): unknown {
  return multiPools.get(ds);
}

function multiStatementPool(ds: DataSource): DriverPool {
  const existing = multiPools.get(ds);
  if (existing) return existing;
  const o = ds.options as PoolOptionsOfDataSource;
  const url = new URL(o.url!);
  // The DataSource's own mysql2 module: src/db/connection-guard.ts wraps its pools.
  const driver = (o.driver ?? mysql2) as typeof mysql2;
  const pool = driver.createPool({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.replace(/^\//, '')),
    timezone: o.timezone ?? 'Z',
    charset: o.charset,
    supportBigNumbers: true,
    bigNumberStrings: true,
    decimalNumbers: false,
    connectTimeout: o.connectTimeout,
    connectionLimit: o.extra?.connectionLimit ?? 10,
    multipleStatements: true,
  }) as unknown as DriverPool & { end(cb: (err?: Error | null) => void): void };
  multiPools.set(ds, pool);
  // Ended with the DataSource, wherever that is destroyed (server shutdown, tests, CLIs).
  const destroy = ds.destroy.bind(ds);
  ds.destroy = async () => {
    multiPools.delete(ds);
    await new Promise<void>((resolve) => pool.end(() => resolve()));
    return destroy();
  };
  return pool;
}

/**
 * `START TRANSACTION; s1; s2; …; COMMIT` as one query on one connection: one round trip where
 * a transaction statement by statement takes two more than its statements. The server runs the statements in
 * order and stops at the first that fails (then nothing after it runs, COMMIT included): the
 * transaction is rolled back here and the driver's error rethrown (a duplicate key, a deadlock).
 * Answers each statement's result, in order. NOTE: only for statements that need nothing read
 * inside the transaction (each one's SQL and parameters are known before it starts); the client
 * gives up after the DataSource's client-side statement limit (the guard then drops the connection).
 */
export async function transactionInOneRoundTrip(ds: DataSource, statements: readonly { sql: string; params: readonly unknown[] }[]): Promise<unknown[]> {
  const pool = multiStatementPool(ds);
  const conn = await new Promise<DriverConnection>((resolve, reject) => pool.getConnection((err, c) => (err ? reject(err) : resolve(c))));
  const timeout = (ds.options as { maxQueryExecutionTime?: number }).maxQueryExecutionTime;
  const sql = ['START TRANSACTION', ...statements.map((s) => s.sql), 'COMMIT'].join(';\n');
  let healthy = true;
  try {
    const results: unknown[] = await run(conn, timeout ? ({ sql, timeout } as unknown as string) : sql, statements.flatMap((s) => s.params));
    return results.slice(1, 1 + statements.length);
  } catch (err) {
    await run(conn, 'ROLLBACK').catch(() => (healthy = false));
    throw err;
  } finally {
    if (healthy) conn.release();
    else conn.destroy();
  }
}

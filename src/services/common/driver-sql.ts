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

/** `work` in one transaction on one pooled connection, the same way (see `driverQueryable`). */
export async function withDriverTransaction<T>(ds: DataSource, work: (q: Queryable) => Promise<T>): Promise<T> {
  const conn = await new Promise<DriverConnection>((resolve, reject) => poolOf(ds).getConnection((err, c) => (err ? reject(err) : resolve(c))));
  const q: Queryable = { query: (sql, params) => run(conn, sql, params ?? []) };
  let healthy = true;
  try {
    await q.query('START TRANSACTION');
    const out = await work(q);
    await q.query('COMMIT');
    return out;
  } catch (err) {
    await q.query('ROLLBACK').catch(() => (healthy = false));
    throw err;
  } finally {
    if (healthy) conn.release();
    else conn.destroy();
  }
}

import 'reflect-metadata';
import path from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import { Config } from '../config';
import { ENTITIES } from './entities';
import { guardedMysqlDriver } from './connection-guard';

/**
 * Where the migrations are: `migrations/*.ts` beside `src/` when running the sources (tsx, Jest),
 * `dist/migrations/*.js` beside this file's compiled copy (`npm run build`).
 */
const MIGRATIONS = __filename.endsWith('.js') ? path.join(__dirname, '..', 'migrations', '*.js') : path.join(__dirname, '..', '..', 'migrations', '*.ts');

/** How long the client waits past the server's statement limit before giving up on a silent server. */
const CLIENT_TIMEOUT_MARGIN_MS = 1_000;

/**
 * The DataSource options for a configuration: UTC on the wire, migrations only, and bounded
 * waits (connect, pool acquire, statement; see connection-guard.ts). `batch: true` (migrations,
 * the billing CLI) drops the statement limit: long statements are their job; and allows several
 * statements per query (the billing run's chunk writes).
 */
export function dataSourceOptions(cfg: Config, databaseUrl = cfg.databaseUrl, { batch = false }: { batch?: boolean } = {}): DataSourceOptions {
  // NOTE: the URL's scheme picks TypeORM's dialect. On MariaDB, `type: 'mysql'` misreads nullable
  // defaults and JSON columns, so `migration:generate` would report a diff forever.
  const flavor = databaseUrl.startsWith('mariadb:') ? 'mariadb' : 'mysql';
  const statementTimeoutMs = batch ? 0 : cfg.database.statementTimeoutMs;
  return {
    type: flavor,
    url: databaseUrl.replace(/^mariadb:/, 'mysql:'),
    entities: ENTITIES,
    migrations: [MIGRATIONS],
    migrationsTableName: 'migrations',
    synchronize: false,
    timezone: 'Z',
    charset: 'utf8mb4_unicode_ci',
    // Batch connections (migrations, the billing CLI and its workers, the billing bench) may send
    // several statements in one round trip: the billing run joins a chunk's statements (docs/billing.md,
    // "Measured for issue 16"). Never the server's: a request's connection keeps one statement per query.
    multipleStatements: batch,
    supportBigNumbers: true,
    bigNumberStrings: true,
    logging: cfg.logSql ? ['query', 'error'] : ['error'],
    // DECIMAL columns come back as strings (mysql2's default): money never passes through a float.
    extra: { connectionLimit: 10, decimalNumbers: false },
    connectTimeout: cfg.database.connectTimeoutMs,
    driver: guardedMysqlDriver({ flavor, acquireTimeoutMs: cfg.database.acquireTimeoutMs, statementTimeoutMs }),
    // TypeORM passes this to mysql2 as the query's client-side timeout (and logs slower queries).
    ...(statementTimeoutMs > 0 ? { enableQueryTimeout: true, maxQueryExecutionTime: statementTimeoutMs + CLIENT_TIMEOUT_MARGIN_MS } : {}),
  };
}

export function createDataSource(cfg: Config, databaseUrl?: string, options?: { batch?: boolean }): DataSource {
  return new DataSource(dataSourceOptions(cfg, databaseUrl, options));
}

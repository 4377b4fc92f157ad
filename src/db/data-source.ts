import 'reflect-metadata';
import path from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import { Config } from '../config';
import { ENTITIES } from './entities';

/**
 * Where the migrations are: `migrations/*.ts` beside `src/` when running the sources (tsx, Jest),
 * `dist/migrations/*.js` beside this file's compiled copy (`npm run build`).
 */
const MIGRATIONS = __filename.endsWith('.js') ? path.join(__dirname, '..', 'migrations', '*.js') : path.join(__dirname, '..', '..', 'migrations', '*.ts');

/** The DataSource options for a configuration: UTC on the wire, migrations only. */
export function dataSourceOptions(cfg: Config, databaseUrl = cfg.databaseUrl): DataSourceOptions {
  // NOTE: the URL's scheme picks TypeORM's dialect. On MariaDB, `type: 'mysql'` misreads nullable
  // defaults and JSON columns, so `migration:generate` would report a diff forever.
  const flavor = databaseUrl.startsWith('mariadb:') ? 'mariadb' : 'mysql';
  return {
    type: flavor,
    url: databaseUrl.replace(/^mariadb:/, 'mysql:'),
    entities: ENTITIES,
    migrations: [MIGRATIONS],
    migrationsTableName: 'migrations',
    synchronize: false,
    timezone: 'Z',
    charset: 'utf8mb4_unicode_ci',
    supportBigNumbers: true,
    bigNumberStrings: true,
    logging: cfg.logSql ? ['query', 'error'] : ['error'],
    // DECIMAL columns come back as strings (mysql2's default): money never passes through a float.
    extra: { connectionLimit: 10, decimalNumbers: false },
  };
}

export function createDataSource(cfg: Config, databaseUrl?: string): DataSource {
  return new DataSource(dataSourceOptions(cfg, databaseUrl));
}

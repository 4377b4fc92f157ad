import 'reflect-metadata';
import path from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import { Config } from '../config';
import { ENTITIES } from './entities';

/** The DataSource options for a configuration: UTC on the wire, migrations only. */
export function dataSourceOptions(cfg: Config, databaseUrl = cfg.databaseUrl): DataSourceOptions {
  return {
    type: 'mysql',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: [path.join(__dirname, '../../migrations/*.{ts,js}')],
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

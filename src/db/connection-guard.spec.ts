import { configFrom } from '../config';
import { dataSourceOptions } from './data-source';
import { statementLimitSql } from './connection-guard';

describe('bounded database waits: what each connection is told, and what TypeORM is given', () => {
  it.each<['mariadb' | 'mysql', number, string | null]>([
    ['mariadb', 10_000, 'SET SESSION max_statement_time = 10.000'], // seconds
    ['mariadb', 1_500, 'SET SESSION max_statement_time = 1.500'],
    ['mysql', 10_000, 'SET SESSION max_execution_time = 10000'], // milliseconds, SELECT only
    ['mariadb', 0, null],
    ['mysql', 0, null],
  ])('%s, %i ms → %s', (flavor, statementTimeoutMs, sql) => {
    expect(statementLimitSql({ flavor, statementTimeoutMs })).toBe(sql);
  });

  it('defaults: connect 3 s, acquire 3 s, statement 10 s (client-side 11 s), readiness 800 ms, Retry-After 5 s; batch work has no statement limit', () => {
    const cfg = configFrom({});
    expect(cfg.database).toEqual({ connectTimeoutMs: 3000, acquireTimeoutMs: 3000, statementTimeoutMs: 10_000, readinessTimeoutMs: 800, retryAfterSeconds: 5 });
    expect(dataSourceOptions(cfg)).toMatchObject({ connectTimeout: 3000, enableQueryTimeout: true, maxQueryExecutionTime: 11_000 });
    const batch = dataSourceOptions(cfg, undefined, { batch: true });
    expect(batch).toMatchObject({ connectTimeout: 3000 });
    expect(batch).not.toHaveProperty('maxQueryExecutionTime');
  });

  it('refuses a readiness timeout of a second or more, and malformed values', () => {
    expect(() => configFrom({ READYZ_TIMEOUT_MS: '1000' })).toThrow(/READYZ_TIMEOUT_MS must be under 1000/);
    expect(() => configFrom({ DB_STATEMENT_TIMEOUT_MS: '-1' })).toThrow(/DB_STATEMENT_TIMEOUT_MS/);
    expect(() => configFrom({ DB_CONNECT_TIMEOUT_MS: 'soon' })).toThrow(/DB_CONNECT_TIMEOUT_MS/);
  });
});

import { randomBytes } from 'node:crypto';
import { GraphQLError } from 'graphql';
import mysql from 'mysql2/promise';
import { QueryFailedError } from 'typeorm';
import { configFrom } from '../config';
import { formatError } from './server';
import { isDatabaseUnavailable, SERVICE_UNAVAILABLE } from './unavailable';

/**
 * Which errors mean "the database is unavailable, retry" (issue 12 §4), with the errors MariaDB
 * really raises: a deadlock (1213) and a lock wait timeout (1205) that survived the services'
 * retries, a statement time limit (1969); each as mysql2 gives it, wrapped by TypeORM, by a retry
 * wrapper's `cause` and by GraphQL.
 */
const url = new URL(configFrom({}).databaseUrl);
const dbName = `portal_test_unavail_${process.pid}_${randomBytes(3).toString('hex')}`;
let admin: mysql.Connection;
const connect = () => mysql.createConnection({ host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password), database: dbName });

beforeAll(async () => {
  admin = await mysql.createConnection({ host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) });
  await admin.query(`CREATE DATABASE \`${dbName}\``);
  await admin.query(`CREATE TABLE \`${dbName}\`.t (id INT PRIMARY KEY, v INT) ENGINE=InnoDB`);
  await admin.query(`INSERT INTO \`${dbName}\`.t VALUES (1, 0), (2, 0)`);
});
afterAll(async () => {
  await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
  await admin.end();
});

async function deadlock(): Promise<unknown> {
  const [a, b] = [await connect(), await connect()];
  try {
    await a.query('START TRANSACTION');
    await b.query('START TRANSACTION');
    await a.query('UPDATE t SET v = v + 1 WHERE id = 1');
    await b.query('UPDATE t SET v = v + 1 WHERE id = 2');
    const results = await Promise.allSettled([a.query('UPDATE t SET v = v + 1 WHERE id = 2'), b.query('UPDATE t SET v = v + 1 WHERE id = 1')]);
    return results.find((r): r is PromiseRejectedResult => r.status === 'rejected')?.reason;
  } finally {
    await a.query('ROLLBACK').catch(() => undefined);
    await b.query('ROLLBACK').catch(() => undefined);
    await Promise.all([a.end(), b.end()]);
  }
}

async function lockWaitTimeout(): Promise<unknown> {
  const [a, b] = [await connect(), await connect()];
  try {
    await a.query('START TRANSACTION');
    await a.query('UPDATE t SET v = v + 1 WHERE id = 1');
    await b.query('SET SESSION innodb_lock_wait_timeout = 1');
    return await b.query('UPDATE t SET v = v + 1 WHERE id = 1').then(
      () => null,
      (err: unknown) => err,
    );
  } finally {
    await a.query('ROLLBACK');
    await Promise.all([a.end(), b.end()]);
  }
}

async function statementTimeout(): Promise<unknown> {
  const c = await connect();
  try {
    await c.query('SET SESSION max_statement_time = 0.2');
    return await c.query('SELECT SLEEP(2) FROM t').then(
      () => null,
      (err: unknown) => err,
    );
  } finally {
    await c.end();
  }
}

/** As the services would throw it after their retries, and as GraphQL hands it to formatError. */
const wrappings = (raw: unknown): [string, unknown][] => {
  const typeorm = new QueryFailedError('UPDATE t …', [], raw as Error);
  return [
    ['mysql2', raw],
    ['TypeORM QueryFailedError', typeorm],
    ['a retry wrapper (Error.cause)', new Error('gave up after 3 attempts', { cause: typeorm })],
    ['GraphQL (originalError)', new GraphQLError('x', { originalError: typeorm })],
  ];
};

describe('errors that answer 503 SERVICE_UNAVAILABLE', () => {
  it.each([
    ['ER_LOCK_DEADLOCK 1213', deadlock, 1213],
    ['ER_LOCK_WAIT_TIMEOUT 1205', lockWaitTimeout, 1205],
    ['ER_STATEMENT_TIMEOUT 1969 (max_statement_time)', statementTimeout, 1969],
  ])('%s, however wrapped', async (_name, produce, errno) => {
    const raw = await produce();
    expect(raw).toMatchObject({ errno });
    for (const [how, err] of wrappings(raw)) {
      expect([how, isDatabaseUnavailable(err)]).toEqual([how, true]);
    }
    const formatted = formatError({ message: 'x', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, new GraphQLError('x', { originalError: new QueryFailedError('UPDATE t …', [], raw as Error) }));
    expect(formatted.extensions).toEqual({ code: SERVICE_UNAVAILABLE, retryable: true });
    expect(formatted.message).not.toMatch(/deadlock|lock wait|UPDATE|max_statement_time/i);
  });

  it.each([
    ['a refused connection', { code: 'ECONNREFUSED', errno: -111 }],
    ['a lost connection', { code: 'PROTOCOL_CONNECTION_LOST', fatal: true }],
    ['a client-side query timeout', { code: 'PROTOCOL_SEQUENCE_TIMEOUT' }],
    ['a connect timeout', { code: 'ETIMEDOUT' }],
    ['a pool that stays full', { code: 'DB_ACQUIRE_TIMEOUT' }],
    ['a closed pool (shutdown)', new Error('Pool is closed.')],
    ['too many connections', { errno: 1040 }],
  ])('%s', (_name, err) => {
    expect(isDatabaseUnavailable(new GraphQLError('x', { originalError: err as Error }))).toBe(true);
  });

  it.each([
    ['a duplicate key (a bug or a refusal, not an outage)', { code: 'ER_DUP_ENTRY', errno: 1062 }],
    ['a syntax error', { code: 'ER_PARSE_ERROR', errno: 1064 }],
    ['a data-too-long', { code: 'ER_DATA_TOO_LONG', errno: 1406 }],
    ['a plain bug', new TypeError('x is undefined')],
  ])('not %s', (_name, err) => {
    expect(isDatabaseUnavailable(new GraphQLError('x', { originalError: err as Error }))).toBe(false);
  });
});

/**
 * Jest globalSetup: before any test file starts, check that the configured server answers and that
 * its user may create and drop the test databases (`<database>_test_*`). Anything else fails the run
 * at once with what is wrong and what to do, instead of every file timing out in `beforeAll`.
 */
import mysql from 'mysql2/promise';
import { configFrom } from '../../src/config';
import { serverOptions, testDatabaseName } from './test-databases';

export default async function globalSetup(): Promise<void> {
  const { databaseUrl } = configFrom({ ...process.env, NODE_ENV: 'test' });
  const server = serverOptions(databaseUrl);
  const where = `${server.user}@${server.host}:${server.port}`;
  const probe = testDatabaseName(databaseUrl, `setup_${process.pid}`);
  const fail = (what: string, err: unknown): never => {
    const detail = err instanceof Error ? `${(err as { code?: string }).code ?? ''} ${err.message}`.trim() : String(err);
    throw new Error(`[test setup] ${what} (${detail}).\nRun \`npm run db:ensure\` (it starts a local MariaDB and grants the user its test databases) or fix DATABASE_URL, then run the tests again.`);
  };
  let conn: mysql.Connection | undefined;
  try {
    conn = await mysql.createConnection({ ...server, connectTimeout: 5000 });
  } catch (err) {
    fail(`cannot reach the database server as ${where}`, err);
  }
  try {
    await conn!.query(`CREATE DATABASE \`${probe}\``);
    await conn!.query(`DROP DATABASE \`${probe}\``);
  } catch (err) {
    fail(`${where} may not create the test databases (tried \`${probe}\`; the tests need ${probe.replace(/setup_\d+$/, '*')})`, err);
  } finally {
    await conn!.end().catch(() => conn!.destroy());
  }
}

/**
 * The databases the tests create, named after the configured one so the project user's grant on
 * `<database>_test_%` (scripts/ensure-db.mjs) covers them whatever DATABASE_URL names:
 * `portal` → `portal_test_<pid>_<6 hex>`.
 */
import { randomBytes } from 'node:crypto';

/** The configured database's name (DATABASE_URL's path). */
export const configuredDatabase = (databaseUrl: string): string => decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ''));

/** A fresh database name for one test file (or one benchmark) on the configured server. */
export function testDatabaseName(databaseUrl: string, tag = `${process.pid}_${randomBytes(3).toString('hex')}`): string {
  const name = `${configuredDatabase(databaseUrl)}_test_${tag}`;
  if (name.length > 64) throw new Error(`test database name ${name} is longer than MariaDB's 64 characters: shorten DATABASE_URL's database name`);
  return name;
}

/** The same URL pointing at another database. */
export function withDatabase(databaseUrl: string, database: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Connection options for the server itself (no database selected). */
export function serverOptions(databaseUrl: string): { host: string; port: number; user: string; password: string } {
  const url = new URL(databaseUrl);
  return { host: url.hostname.replace(/^\[(.*)\]$/, '$1'), port: Number(url.port || 3306), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
}

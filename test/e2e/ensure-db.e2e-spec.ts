/**
 * The database bootstrap (scripts/ensure-db.mjs, issue 11): with nothing listening on
 * DATABASE_URL's port it starts a MariaDB of the checkout in `.db/<port>/` on that port, creates
 * the user and grants it the configured database and `<database>_test_%` (whatever the name); a
 * second run knows that server by its pid file and leaves it alone; a server that cannot start
 * makes it print the server's own error-log lines and what to do, and exit 1 well within 60 s.
 * The test databases are named after the configured one.
 *
 * It runs the real script as a child process on a scratch copy of the checkout (so `.db/` is
 * scratch too) and needs Debian's mariadbd, which `npm test`'s own ensure-db installs.
 */
import { execFile } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { testDatabaseName, withDatabase } from '../support/test-databases';

const ROOT = path.join(__dirname, '..', '..');
const HAS_MARIADBD = ['/usr/sbin/mariadbd', '/usr/sbin/mysqld'].some((p) => existsSync(p));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

function ensureDb(checkout: string, databaseUrl: string): Promise<{ code: number; stderr: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(checkout, 'scripts', 'ensure-db.mjs')], { cwd: checkout, env: { ...process.env, DATABASE_URL: databaseUrl }, timeout: 90_000 }, (err, _stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stderr, ms: Date.now() - started }),
    );
  });
}

describe('test databases are named after the configured database', () => {
  it('portal → portal_test_<pid>_<hex>; shop_eu → shop_eu_test_…; a name leaving no room within 64 characters is refused', () => {
    expect(testDatabaseName('mariadb://u:p@127.0.0.1:3306/portal')).toMatch(new RegExp(`^portal_test_${process.pid}_[0-9a-f]{6}$`));
    expect(testDatabaseName('mariadb://u:p@127.0.0.1:3306/shop_eu', 'x')).toBe('shop_eu_test_x');
    expect(withDatabase('mariadb://u:p@127.0.0.1:3306/shop_eu', 'shop_eu_test_x')).toBe('mariadb://u:p@127.0.0.1:3306/shop_eu_test_x');
    expect(() => testDatabaseName(`mariadb://u:p@127.0.0.1:3306/${'a'.repeat(50)}`)).toThrow(/64 characters/);
  });
});

describe('a test run whose database cannot be reached', () => {
  it('fails at once in Jest\'s globalSetup, saying what is wrong and what to do (no test file waits for a connection)', async () => {
    const port = await freePort();
    const started = Date.now();
    const run = await new Promise<{ code: number; stderr: string }>((resolve) => {
      execFile(process.execPath, [path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), 'src/config'], { cwd: ROOT, env: { ...process.env, DATABASE_URL: `mariadb://portal:portal@127.0.0.1:${port}/portal` }, timeout: 60_000 }, (err, _o, stderr) =>
        resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stderr }),
      );
    });
    expect(run.code).toBe(1);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(run.stderr).toContain(`[test setup] cannot reach the database server as portal@127.0.0.1:${port}`);
    expect(run.stderr).toContain('npm run db:ensure');
  });
});

(HAS_MARIADBD ? describe : describe.skip)('ensure-db on a port where nothing listens', () => {
  let checkout: string;
  let port: number;
  let url: string;
  const pidFile = () => path.join(checkout, '.db', String(port), 'mysqld.pid');
  const stopServer = async () => {
    if (!existsSync(pidFile())) return;
    const pid = Number(readFileSync(pidFile(), 'utf8'));
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      return;
    }
    for (let i = 0; i < 100 && existsSync(pidFile()); i++) await new Promise((r) => setTimeout(r, 100));
  };

  beforeAll(async () => {
    // A scratch checkout the `mysql` user can reach (the server runs as mysql when this runs as root).
    checkout = mkdtempSync(path.join(tmpdir(), 'ensure-db-'));
    chmodSync(checkout, 0o755);
    mkdirSync(path.join(checkout, 'scripts'));
    copyFileSync(path.join(ROOT, 'scripts', 'ensure-db.mjs'), path.join(checkout, 'scripts', 'ensure-db.mjs'));
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(checkout, 'node_modules'));
    port = await freePort();
    url = `mariadb://shop_user:s3cret@127.0.0.1:${port}/shop_eu`;
  });
  afterAll(async () => {
    await stopServer();
    rmSync(checkout, { recursive: true, force: true });
  });

  it("starts the checkout's own server on DATABASE_URL's port, creates the user and grants shop_eu and shop_eu_test_%; a rerun recognises it by its pid file", async () => {
    const first = await ensureDb(checkout, url);
    expect(first.stderr).toContain(`starting this checkout's MariaDB in .db/${port}`);
    expect(first.stderr).toContain('database ready');
    expect(first.code).toBe(0);
    expect(readFileSync(path.join(checkout, '.db', String(port), 'my.cnf'), 'utf8')).toContain(`port = ${port}`);
    const pid = Number(readFileSync(pidFile(), 'utf8'));
    expect(pid).toBeGreaterThan(0);

    // The project user may create the tests' databases (named after shop_eu) but not others.
    const conn = await mysql.createConnection({ host: '127.0.0.1', port, user: 'shop_user', password: 's3cret', database: 'shop_eu' });
    try {
      const name = testDatabaseName(url);
      await conn.query(`CREATE DATABASE \`${name}\``);
      await conn.query(`DROP DATABASE \`${name}\``);
      await expect(conn.query('CREATE DATABASE `shopXeu_test_1`')).rejects.toMatchObject({ code: 'ER_DBACCESS_DENIED_ERROR' });
      await expect(conn.query('CREATE DATABASE `portal_test_1`')).rejects.toMatchObject({ code: 'ER_DBACCESS_DENIED_ERROR' });
    } finally {
      await conn.end();
    }

    const again = await ensureDb(checkout, withDatabase(url, 'shop_eu'));
    expect(again.code).toBe(0);
    expect(again.stderr).not.toContain('starting');
    expect(Number(readFileSync(pidFile(), 'utf8'))).toBe(pid);
  });

  it("a server that cannot start: its own error-log lines and what to do, exit 1 within 60 s", async () => {
    await stopServer();
    // Damage the InnoDB system tablespace: MariaDB refuses to start and says why in its log.
    writeFileSync(path.join(checkout, '.db', String(port), 'data', 'ibdata1'), Buffer.alloc(1024 * 1024, 7));
    const failed = await ensureDb(checkout, url);
    expect(failed.code).toBe(1);
    expect(failed.ms).toBeLessThan(60_000);
    expect(failed.stderr).toContain(`FAILED: MariaDB did not come up on 127.0.0.1:${port}`);
    expect(failed.stderr).toMatch(/\[ERROR\] .*InnoDB/);
    expect(failed.stderr).toContain('what to do:');
  });
});

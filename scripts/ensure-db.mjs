#!/usr/bin/env node
/**
 * Makes sure a database answers at DATABASE_URL before the server or the tests start.
 *
 * 1. Connect with the configured user. If it works (and the database exists), done.
 * 2. Nothing listening on a local host: install Debian's mariadb-server if missing, start it.
 * 3. Server up but our user or database missing: log in as root (TCP without password, or the
 *    unix socket, which is all a fresh Debian MariaDB allows) and create the project's user
 *    and database. The user may create `portal*` databases: the tests make one per test file.
 */
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import mysql from 'mysql2/promise';

const url = new URL(process.env.DATABASE_URL ?? 'mariadb://portal:portal@127.0.0.1:3306/portal');
const target = {
  host: url.hostname,
  port: Number(url.port || 3306),
  user: decodeURIComponent(url.username),
  password: decodeURIComponent(url.password),
  database: url.pathname.replace(/^\//, ''),
};
const isLocal = ['127.0.0.1', 'localhost', '::1'].includes(target.host);
const log = (msg) => console.error(`[ensure-db] ${msg}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function tryConnect(opts) {
  try {
    const conn = await mysql.createConnection({ connectTimeout: 3000, ...opts });
    return { conn };
  } catch (error) {
    return { error };
  }
}

function sh(cmd) {
  log(`$ ${cmd}`);
  execSync(cmd, { stdio: 'inherit' });
}

const asRoot = (cmd) => (process.getuid && process.getuid() === 0 ? cmd : `sudo ${cmd}`);

function findMariadbd() {
  return ['/usr/sbin/mariadbd', '/usr/sbin/mysqld'].find((p) => existsSync(p));
}

async function startLocalServer() {
  let daemon = findMariadbd();
  if (!daemon) {
    log('no MariaDB/MySQL server installed: installing Debian mariadb-server');
    sh(asRoot('env DEBIAN_FRONTEND=noninteractive apt-get update -q'));
    sh(asRoot('env DEBIAN_FRONTEND=noninteractive apt-get install -y -q mariadb-server'));
    daemon = findMariadbd();
    if (!daemon) throw new Error('mariadb-server installed but no mariadbd binary found');
  }
  log(`starting ${daemon}`);
  sh(asRoot('mkdir -p /run/mysqld'));
  sh(asRoot('chown mysql:mysql /run/mysqld'));
  const started = spawnSync(
    process.getuid && process.getuid() === 0 ? 'start-stop-daemon' : 'sudo',
    [...(process.getuid && process.getuid() === 0 ? [] : ['start-stop-daemon']), '--start', '--oknodo', '--background', '--exec', daemon],
    { stdio: 'inherit' },
  );
  if (started.status !== 0) throw new Error(`could not start ${daemon}`);
  for (let i = 0; i < 60; i++) {
    const { conn, error } = await tryConnect({ host: target.host, port: target.port, user: 'ping-only' });
    if (conn) return void (await conn.end());
    if (error && error.code !== 'ECONNREFUSED' && error.code !== 'ETIMEDOUT') return; // it answers (access denied is an answer)
    await sleep(500);
  }
  throw new Error(`MariaDB did not come up on ${target.host}:${target.port}`);
}

async function rootConnection() {
  const attempts = [
    { host: target.host, port: target.port, user: 'root', password: process.env.DB_ROOT_PASSWORD ?? '' },
    ...['/run/mysqld/mysqld.sock', '/var/run/mysqld/mysqld.sock', '/tmp/mysql.sock'].filter(existsSync).map((socketPath) => ({ socketPath, user: 'root' })),
  ];
  for (const opts of attempts) {
    const { conn } = await tryConnect({ ...opts, multipleStatements: true });
    if (conn) return conn;
  }
  return null;
}

async function bootstrapUserAndDatabase() {
  const root = await rootConnection();
  if (!root) {
    // Last resort: the mariadb client through sudo (socket auth as the OS root).
    const sql = bootstrapSql();
    log('root login over TCP and socket failed: trying `sudo mariadb`');
    execSync(asRoot('mariadb'), { input: sql, stdio: ['pipe', 'inherit', 'inherit'] });
    return;
  }
  log(`creating user '${target.user}' and database '${target.database}'`);
  await root.query(bootstrapSql());
  await root.end();
}

function bootstrapSql() {
  const q = (s) => s.replace(/'/g, "''");
  const db = target.database.replace(/`/g, '');
  const prefix = db.replace(/_/g, '\\_');
  const hosts = ['localhost', '127.0.0.1', '%'];
  return [
    `CREATE DATABASE IF NOT EXISTS \`${db}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;`,
    ...hosts.map((h) => `CREATE USER IF NOT EXISTS '${q(target.user)}'@'${h}' IDENTIFIED BY '${q(target.password)}';`),
    ...hosts.map((h) => `GRANT ALL PRIVILEGES ON \`${prefix}%\`.* TO '${q(target.user)}'@'${h}';`),
    'FLUSH PRIVILEGES;',
  ].join('\n');
}

async function main() {
  let { conn, error } = await tryConnect(target);
  if (conn) return void (await conn.end());

  if (error.code === 'ECONNREFUSED' || error.code === 'ENOENT') {
    if (!isLocal) {
      log(`nothing answers at ${target.host}:${target.port}; waiting up to 60 s (remote database, not ours to start)`);
      for (let i = 0; i < 60 && !conn; i++) {
        await sleep(1000);
        ({ conn, error } = await tryConnect(target));
      }
      if (conn) return void (await conn.end());
      throw new Error(`no database at ${target.host}:${target.port}: ${error.message}`);
    }
    await startLocalServer();
    ({ conn, error } = await tryConnect(target));
    if (conn) return void (await conn.end());
  }

  log(`cannot log in as '${target.user}' to '${target.database}' (${error.code}): bootstrapping`);
  await bootstrapUserAndDatabase();
  ({ conn, error } = await tryConnect(target));
  if (!conn) throw new Error(`still cannot connect after bootstrap: ${error.message}`);
  await conn.end();
  log('database ready');
}

main().catch((err) => {
  log(`FAILED: ${err.message}`);
  process.exit(1);
});

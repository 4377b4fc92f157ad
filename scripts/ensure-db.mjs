#!/usr/bin/env node
/**
 * Makes sure a database answers at DATABASE_URL before the server, the CLIs or the tests start
 * (`npm start`, `npm test`, `npm run db:ensure`). In order:
 *
 * 1. Log in with the configured user. It works and the user may create its test databases: done.
 * 2. Nothing listens there. A remote host: wait up to 45 s, then fail (not ours to start). A local
 *    host: install Debian's `mariadb-server` when no server is installed, then start one on
 *    DATABASE_URL's address and port, the way Debian's own scripts do:
 *    - the system server (/var/lib/mysql, /run/mysqld) when the port is the one its configuration
 *      names (3306) and it is not running: `systemctl start mariadb` on a machine booted with
 *      systemd; otherwise `mariadbd --user=mysql` in its own session, /run/mysqld owned by mysql,
 *      the datadir initialised with `mariadb-install-db` when empty;
 *    - otherwise (another port, or the system server already runs elsewhere) a server of this
 *      checkout only, in `.db/<port>/` (its own my.cnf, datadir, socket, pid file and error log),
 *      so it never collides with another server's files.
 *    A server is known by the pid file and socket it was started with, never by process name.
 *    When it does not come up, its own last error-log lines are printed with what to do, and the
 *    script exits 1 (within 60 s of starting it).
 * 3. The server answers but the user, its database or its test databases are missing: log in as
 *    root (TCP with DB_ROOT_PASSWORD, else the unix socket a fresh MariaDB allows its OS user) and
 *    create the user and database and grant `<database>` and `<database>_test_%` (the databases
 *    the tests create, named after the configured one: test/support/test-databases.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync, lstatSync, readlinkSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const url = new URL(process.env.DATABASE_URL ?? 'mariadb://portal:portal@127.0.0.1:3306/portal');
const target = {
  host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
  port: Number(url.port || 3306),
  user: decodeURIComponent(url.username),
  password: decodeURIComponent(url.password),
  database: decodeURIComponent(url.pathname.replace(/^\//, '')),
};
const LOCAL_HOSTS = ['127.0.0.1', 'localhost', '::1'];
const isLocal = LOCAL_HOSTS.includes(target.host);
const isRoot = process.getuid?.() === 0;
const osUser = (() => {
  try {
    return userInfo().username;
  } catch {
    return isRoot ? 'root' : String(process.getuid?.());
  }
})();
/** How long a server may take to answer after it was started (the whole run stays under 60 s). */
const START_WAIT_MS = 40_000;
const REMOTE_WAIT_MS = 45_000;
/** The tests name their databases `<database>_test_<pid>_<6 hex>` (test/support/test-databases.ts). */
const TEST_SUFFIX_MAX = '_test_'.length + 7 + 1 + 6;

const log = (msg) => console.error(`[ensure-db] ${msg}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A failure with what the operator should read (the server's log) and do. */
class Failure extends Error {
  constructor(message, { details = [], todo = [] } = {}) {
    super(message);
    this.details = details;
    this.todo = todo;
  }
}

const NOT_LISTENING = new Set(['ECONNREFUSED', 'ENOENT', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'EADDRNOTAVAIL', 'PROTOCOL_CONNECTION_LOST']);
const LOGIN_REFUSED = new Set(['ER_ACCESS_DENIED_ERROR', 'ER_DBACCESS_DENIED_ERROR', 'ER_BAD_DB_ERROR', 'ER_ACCESS_DENIED_NO_PASSWORD_ERROR']);

async function tryConnect(opts) {
  try {
    return { conn: await mysql.createConnection({ connectTimeout: 3000, ...opts }) };
  } catch (error) {
    return { error };
  }
}

const tcp = (extra = {}) => ({ host: target.host, port: target.port, ...extra });

// ---------------------------------------------------------------------------------------------
// Names

function checkDatabaseName() {
  if (!/^[A-Za-z0-9_$]+$/.test(target.database)) {
    throw new Failure(`DATABASE_URL names the database "${target.database}": use letters, digits, _ and $ only`);
  }
  if (target.database.length + TEST_SUFFIX_MAX > 64) {
    throw new Failure(`database name "${target.database}" is too long: the tests create "${target.database}_test_<pid>_<hex>", which must fit MariaDB's 64 characters (use at most ${64 - TEST_SUFFIX_MAX})`);
  }
}

/** A name as a GRANT pattern: `_` and `%` are wildcards there, so the name's own are escaped. */
const likeEscape = (name) => name.replace(/[_%\\]/g, (c) => `\\${c}`);
const sqlString = (s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

// ---------------------------------------------------------------------------------------------
// Which server to start

function which(bin) {
  return ['/usr/sbin', '/usr/bin', '/sbin', '/bin', ...(process.env.PATH ?? '').split(':')].map((d) => path.join(d, bin)).find((p) => existsSync(p));
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 120_000, ...opts });
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim(), status: r.status ?? r.signal ?? r.error?.code };
}

const asRoot = (cmd, args) => (isRoot ? [cmd, args] : ['sudo', [...(process.stdin.isTTY ? [] : ['-n']), cmd, ...args]]);

function installServer() {
  log('no MariaDB server installed: installing Debian\'s mariadb-server (apt-get)');
  for (const args of [['update', '-q'], ['install', '-y', '-q', '--no-install-recommends', 'mariadb-server']]) {
    const [cmd, argv] = asRoot('apt-get', args);
    log(`$ ${cmd} ${argv.join(' ')}`);
    const r = spawnSync(cmd, argv, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (r.status !== 0) {
      throw new Failure(`apt-get ${args[0]} failed (exit ${r.status ?? r.signal})`, {
        todo: isRoot ? ['install a MariaDB 10.11 server yourself, or set DATABASE_URL to one that runs'] : ['run `sudo apt-get install mariadb-server` (sudo needs a password here), or set DATABASE_URL to a server that runs'],
      });
    }
  }
}

/** The system server's settings, as its configuration (/etc/mysql) gives them, with Debian's defaults. */
function systemServer() {
  const opts = {};
  const printer = which('my_print_defaults');
  if (printer) {
    for (const line of run(printer, ['--mysqld']).out.split('\n')) {
      const m = /^--([^=]+)=(.*)$/.exec(line.trim());
      if (m) opts[m[1].replace(/_/g, '-')] = m[2];
    }
  }
  return {
    kind: 'system',
    datadir: opts.datadir ?? '/var/lib/mysql',
    socket: opts.socket ?? '/run/mysqld/mysqld.sock',
    pidFile: opts['pid-file'] ?? '/run/mysqld/mysqld.pid',
    port: Number(opts.port ?? 3306),
    errorLog: opts['log-error'] ?? '/var/log/mysql/error.log',
  };
}

function pidAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

function pidFrom(file) {
  try {
    return Number(readFileSync(file, 'utf8').trim());
  } catch {
    return null;
  }
}

/** Running: its pid file names a live process (of this server: its command line names our config when we wrote one). */
function running(server) {
  const pid = pidFrom(server.pidFile);
  if (!pidAlive(pid)) return null;
  if (server.cnf) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(server.cnf)) return null; // a reused pid
    } catch {
      // no /proc: trust the pid file
    }
  }
  return pid;
}

const bindAddress = (host) => (host === 'localhost' ? '127.0.0.1' : host);
const mysqlCan = (args) => run('runuser', ['-u', 'mysql', '--', ...args]).ok;

/**
 * The server of this checkout for a port: `.db/<port>/` (my.cnf, data/, mysqld.sock, mysqld.pid,
 * error.log). As root it runs as `mysql`; where `mysql` cannot reach the checkout (under /root) the
 * files live in /var/lib/mysql-checkouts/<hash>-<port>/ and `.db/<port>` is a link to them.
 */
function checkoutServer(port) {
  const link = path.join(ROOT, '.db', String(port));
  const hash = createHash('sha256').update(ROOT).digest('hex').slice(0, 12);
  let dir = link;
  if (existsSync(link) && lstatSync(link).isSymbolicLink()) dir = readlinkSync(link);
  else if (isRoot && !existsSync(link)) {
    mkdirSync(link, { recursive: true });
    chownSync(link, mysqlIds().uid, mysqlIds().gid);
    if (!mysqlCan(['test', '-w', link])) {
      rmSync(link, { recursive: true, force: true });
      dir = `/var/lib/mysql-checkouts/${hash}-${port}`;
      mkdirSync(dir, { recursive: true });
      symlinkSync(dir, link);
      log(`user mysql cannot reach ${ROOT}: this checkout's server lives in ${dir} (linked from .db/${port})`);
    }
  }
  mkdirSync(dir, { recursive: true });
  let socket = path.join(dir, 'mysqld.sock');
  if (socket.length > 100) socket = `/tmp/portal-db-${hash}-${port}.sock`; // unix socket paths are short
  return { kind: 'checkout', dir, cnf: path.join(dir, 'my.cnf'), datadir: path.join(dir, 'data'), socket, pidFile: path.join(dir, 'mysqld.pid'), port, errorLog: path.join(dir, 'error.log') };
}

let mysqlIdsCache;
function mysqlIds() {
  if (!mysqlIdsCache) {
    const uid = Number(run('id', ['-u', 'mysql']).out);
    const gid = Number(run('id', ['-g', 'mysql']).out);
    if (!Number.isInteger(uid) || !Number.isInteger(gid)) throw new Failure('no `mysql` system user (mariadb-server creates it): reinstall mariadb-server');
    mysqlIdsCache = { uid, gid };
  }
  return mysqlIdsCache;
}

function chownTree(dir) {
  if (!isRoot) return;
  const { uid, gid } = mysqlIds();
  const walk = (p) => {
    chownSync(p, uid, gid);
    if (lstatSync(p).isDirectory()) for (const e of readdirSync(p)) walk(path.join(p, e));
  };
  walk(dir);
}

function writeCheckoutConfig(server) {
  writeFileSync(
    server.cnf,
    [
      `# Written by scripts/ensure-db.mjs: the MariaDB of the checkout ${ROOT} on ${bindAddress(target.host)}:${server.port}.`,
      '# Connect: mariadb --defaults-file=<this file>. Stop: kill $(cat <pid-file>).',
      '[mysqld]',
      ...(isRoot ? ['user = mysql'] : []),
      `datadir = ${server.datadir}`,
      `socket = ${server.socket}`,
      `pid-file = ${server.pidFile}`,
      `port = ${server.port}`,
      `bind-address = ${bindAddress(target.host)}`,
      `log-error = ${server.errorLog}`,
      'character-set-server = utf8mb4',
      'collation-server = utf8mb4_unicode_ci',
      '[client]',
      `socket = ${server.socket}`,
      `port = ${server.port}`,
      '',
    ].join('\n'),
  );
}

/** `mariadb-install-db` on an empty datadir, as Debian's postinst does. */
function initialiseDatadir(server, defaultsArgs) {
  if (existsSync(path.join(server.datadir, 'mysql'))) return;
  const installer = which('mariadb-install-db') ?? which('mysql_install_db');
  if (!installer) throw new Failure('mariadb-install-db not found: reinstall mariadb-server');
  log(`initialising ${server.datadir} (mariadb-install-db)`);
  mkdirSync(server.datadir, { recursive: true });
  if (isRoot) chownTree(server.kind === 'checkout' ? server.dir : server.datadir);
  const r = run(installer, [
    ...defaultsArgs,
    `--datadir=${server.datadir}`,
    ...(isRoot ? ['--user=mysql'] : []),
    `--auth-root-socket-user=${osUser}`,
    '--skip-test-db',
    '--disable-log-bin',
  ]);
  if (!r.ok) throw new Failure(`mariadb-install-db failed on ${server.datadir} (exit ${r.status})`, { details: r.out.split('\n').slice(-15), todo: [`fix what it says, empty ${server.datadir}, and run \`npm run db:ensure\` again`] });
}

/** The last lines the server wrote to its log since `from` (its size when this script started it). */
function tail(file, from = 0, n = 20) {
  try {
    const text = readFileSync(file);
    const fresh = text.subarray(from < text.length ? from : 0).toString('utf8').trimEnd();
    return fresh.split('\n').slice(-n);
  } catch {
    return [`(no error log at ${file})`];
  }
}

function hintsFor(lines) {
  const text = lines.join('\n');
  const hints = [];
  if (/Bind on TCP\/IP port|Address already in use|Can't start server/i.test(text)) hints.push(`another program holds ${target.host}:${target.port}: stop it, or choose another port in DATABASE_URL (this script then starts a server of this checkout there)`);
  if (/Permission denied|Errcode: 13/i.test(text)) hints.push('a file or directory of the server is not writable by its user (mysql): check the ownership of the paths in the log');
  if (/No space left/i.test(text)) hints.push('the disk is full');
  if (/InnoDB/i.test(text) && /corrupt|recovery/i.test(text)) hints.push('InnoDB could not recover its files: read the log above before deleting anything');
  return hints;
}

/** Waits until something answers at DATABASE_URL's address (an access refusal is an answer). */
async function waitUntilAnswering(server, child, deadline) {
  let exited = null;
  child?.once('exit', (code, signal) => (exited = signal ?? code));
  while (Date.now() < deadline) {
    const { conn, error } = await tryConnect(tcp({ user: 'ensure-db-ping', connectTimeout: 1000 }));
    if (conn) return void (await conn.end());
    if (!NOT_LISTENING.has(error.code)) return;
    if (exited !== null) break;
    await sleep(300);
  }
  const lines = tail(server.errorLog, server.logFrom);
  const why = exited !== null ? `the server exited (${exited}) before answering` : `nothing answered within ${Math.round(START_WAIT_MS / 1000)} s`;
  throw new Failure(`MariaDB did not come up on ${target.host}:${target.port}: ${why}`, {
    details: [`last lines of its error log ${server.errorLog}:`, ...lines.map((l) => `  ${l}`)],
    todo: [...hintsFor(lines), 'fix what the log says, then run `npm run db:ensure` (or the command again)', `or point DATABASE_URL at a MariaDB 10.11 that runs`],
  });
}

function startDaemon(server, args) {
  const daemon = which('mariadbd') ?? which('mysqld');
  server.logFrom = existsSync(server.errorLog) ? statSync(server.errorLog).size : 0;
  log(`starting ${daemon} ${args.join(' ')}`);
  // Its own session, no stdio: the server outlives this script and never holds its caller's pipes.
  const child = spawn(daemon, args, { detached: true, stdio: 'ignore' });
  child.unref();
  return child;
}

async function startSystemServer(server) {
  const deadline = Date.now() + START_WAIT_MS;
  if (existsSync('/run/systemd/system') && which('systemctl')) {
    log('starting the system MariaDB: systemctl start mariadb');
    const [cmd, args] = asRoot('systemctl', ['start', 'mariadb']);
    const r = run(cmd, args, { timeout: START_WAIT_MS });
    if (!r.ok) {
      const journal = run('journalctl', ['-u', 'mariadb', '-n', '15', '--no-pager']).out.split('\n');
      throw new Failure(`systemctl start mariadb failed (${r.status})`, {
        details: [r.out, 'journalctl -u mariadb:', ...journal.map((l) => `  ${l}`), `error log ${server.errorLog}:`, ...tail(server.errorLog).map((l) => `  ${l}`)],
        todo: [...hintsFor(journal), 'fix what the journal says, then run `npm run db:ensure` again'],
      });
    }
    return waitUntilAnswering(server, null, deadline);
  }
  // No systemd (containers, chroots, CI images, WSL): what the unit does, by hand.
  mkdirSync(path.dirname(server.pidFile), { recursive: true });
  mkdirSync(path.dirname(server.socket), { recursive: true });
  mkdirSync(path.dirname(server.errorLog), { recursive: true });
  for (const dir of new Set([path.dirname(server.pidFile), path.dirname(server.socket), path.dirname(server.errorLog)])) chownSync(dir, mysqlIds().uid, mysqlIds().gid);
  initialiseDatadir(server, []);
  const child = startDaemon(server, [
    '--user=mysql',
    `--datadir=${server.datadir}`,
    `--pid-file=${server.pidFile}`,
    `--socket=${server.socket}`,
    `--port=${target.port}`,
    `--bind-address=${bindAddress(target.host)}`,
    `--log-error=${server.errorLog}`,
  ]);
  return waitUntilAnswering(server, child, deadline);
}

async function startCheckoutServer(server) {
  const deadline = Date.now() + START_WAIT_MS;
  const pid = running(server);
  if (pid) {
    log(`this checkout's server (pid ${pid}, ${server.pidFile}) is running but not answering yet: waiting`);
    return waitUntilAnswering(server, null, deadline);
  }
  rmSync(server.pidFile, { force: true });
  rmSync(server.socket, { force: true });
  writeCheckoutConfig(server);
  initialiseDatadir(server, [`--defaults-file=${server.cnf}`]);
  chownTree(server.dir);
  const child = startDaemon(server, [`--defaults-file=${server.cnf}`]);
  return waitUntilAnswering(server, child, deadline);
}

/** Starts the server DATABASE_URL names; returns it (for its socket). */
async function startLocalServer() {
  if (!which('mariadbd') && !which('mysqld')) {
    installServer();
    if (!which('mariadbd') && !which('mysqld')) throw new Failure('mariadb-server is installed but no mariadbd binary was found');
  }
  const system = systemServer();
  const systemPid = running(system);
  if (isRoot && target.port === system.port && !systemPid) {
    log(`nothing answers at ${target.host}:${target.port}: starting the system MariaDB (${system.datadir})`);
    await startSystemServer(system);
    return system;
  }
  const server = checkoutServer(target.port);
  log(
    `nothing answers at ${target.host}:${target.port}: starting this checkout's MariaDB in ${path.relative(ROOT, server.dir).startsWith('..') ? server.dir : `.db/${target.port}`}` +
      (systemPid ? ` (the system server, pid ${systemPid}, serves port ${system.port})` : target.port !== system.port ? ` (the system server is configured for port ${system.port})` : ''),
  );
  await startCheckoutServer(server);
  return server;
}

// ---------------------------------------------------------------------------------------------
// Logging in as root and creating the user, database and grants

async function rootConnection(started) {
  const sockets = [...new Set([started?.socket, checkoutServerIfAny()?.socket, systemServer().socket].filter((s) => s && existsSync(s)))];
  const attempts = [
    { label: `root over TCP${process.env.DB_ROOT_PASSWORD ? ' with DB_ROOT_PASSWORD' : ' without password'}`, opts: tcp({ user: 'root', password: process.env.DB_ROOT_PASSWORD ?? '' }) },
    ...sockets.map((socketPath) => ({ label: `${osUser} over ${socketPath}`, opts: { socketPath, user: osUser } })),
  ];
  for (const { label, opts } of attempts) {
    const { conn } = await tryConnect(opts);
    if (!conn) continue;
    if (opts.socketPath) {
      // A socket may belong to another server than the one at DATABASE_URL's port.
      const [[row]] = await conn.query('SELECT @@port AS port');
      if (Number(row.port) !== target.port) {
        await conn.end();
        continue;
      }
    }
    log(`logged in as ${label}`);
    return conn;
  }
  return null;
}

function checkoutServerIfAny() {
  const dir = path.join(ROOT, '.db', String(target.port));
  return existsSync(dir) ? checkoutServer(target.port) : null;
}

function bootstrapSql() {
  const hosts = isLocal ? ['localhost', '127.0.0.1', '::1'] : ['%'];
  const user = sqlString(target.user);
  const grants = [likeEscape(target.database), `${likeEscape(target.database)}\\_test\\_%`];
  return [
    `CREATE DATABASE IF NOT EXISTS \`${target.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    ...hosts.map((h) => `CREATE USER IF NOT EXISTS ${user}@${sqlString(h)} IDENTIFIED BY ${sqlString(target.password)}`),
    ...hosts.flatMap((h) => grants.map((g) => `GRANT ALL PRIVILEGES ON \`${g}\`.* TO ${user}@${sqlString(h)}`)),
  ];
}

async function bootstrap(started, reason) {
  log(`${reason}: creating user '${target.user}', database '${target.database}' and grants on '${target.database}' and '${target.database}_test_%'`);
  const root = await rootConnection(started);
  if (root) {
    try {
      for (const sql of bootstrapSql()) await root.query(sql);
    } finally {
      await root.end();
    }
    return;
  }
  // Last resort on a local host: the mariadb client through sudo (socket login as the OS root).
  const client = which('mariadb') ?? which('mysql');
  if (isLocal && !isRoot && client) {
    log('root login over TCP and the socket failed: trying `sudo mariadb`');
    const [cmd, args] = asRoot(client, [`--port=${target.port}`]);
    const r = spawnSync(cmd, args, { input: bootstrapSql().join(';\n') + ';\n', encoding: 'utf8', timeout: 30_000 });
    if (r.status === 0) return;
  }
  throw new Failure(`cannot log in as root to ${target.host}:${target.port} to create the user`, {
    todo: [
      'set DB_ROOT_PASSWORD to the server\'s root password and run `npm run db:ensure` again, or run as a database administrator:',
      ...bootstrapSql().map((s) => `  ${s};`),
    ],
  });
}

/** Whether the configured user may create (and drop) the databases the tests make. */
async function canCreateTestDatabases() {
  const probe = `${target.database}_test_ensure_${process.pid}`.slice(0, 64);
  const { conn } = await tryConnect(tcp({ user: target.user, password: target.password }));
  if (!conn) return false;
  try {
    await conn.query(`CREATE DATABASE \`${probe}\``);
    await conn.query(`DROP DATABASE \`${probe}\``);
    return true;
  } catch {
    return false;
  } finally {
    await conn.end();
  }
}

// ---------------------------------------------------------------------------------------------

async function main() {
  checkDatabaseName();
  let started = null;
  let { conn, error } = await tryConnect({ ...tcp(), user: target.user, password: target.password, database: target.database });

  if (error && NOT_LISTENING.has(error.code)) {
    if (!isLocal) {
      log(`nothing answers at ${target.host}:${target.port} (${error.code}): waiting up to ${REMOTE_WAIT_MS / 1000} s (a remote database is not ours to start)`);
      const deadline = Date.now() + REMOTE_WAIT_MS;
      while (!conn && NOT_LISTENING.has(error.code) && Date.now() < deadline) {
        await sleep(1000);
        ({ conn, error } = await tryConnect({ ...tcp(), user: target.user, password: target.password, database: target.database }));
      }
      if (!conn && NOT_LISTENING.has(error.code)) throw new Failure(`no database answers at ${target.host}:${target.port}: ${error.message}`, { todo: ['start that server, or set DATABASE_URL to one that runs'] });
    } else {
      started = await startLocalServer();
      ({ conn, error } = await tryConnect({ ...tcp(), user: target.user, password: target.password, database: target.database }));
    }
  }

  if (!conn) {
    if (!LOGIN_REFUSED.has(error.code)) throw new Failure(`${target.host}:${target.port} answers but not as a MariaDB we can log in to: ${error.code ?? ''} ${error.message}`, { todo: ['check DATABASE_URL (host, port, scheme)'] });
    await bootstrap(started, `cannot log in as '${target.user}' to '${target.database}' (${error.code})`);
    ({ conn, error } = await tryConnect({ ...tcp(), user: target.user, password: target.password, database: target.database }));
    if (!conn) {
      throw new Failure(`still cannot log in as '${target.user}' after creating it: ${error.message}`, {
        todo: [`the user probably exists with another password: put that password in DATABASE_URL, or change it (ALTER USER ${sqlString(target.user)}@'localhost' IDENTIFIED BY ...)`],
      });
    }
  }
  await conn.end();

  if (!(await canCreateTestDatabases())) {
    try {
      await bootstrap(started, `'${target.user}' may not create the test databases '${target.database}_test_*'`);
    } catch (err) {
      // Serving needs only the configured database; the tests check this again and refuse clearly.
      log(`note: ${err.message}; \`npm test\` will refuse to run until '${target.user}' may create '${target.database}_test_%' databases`);
    }
  }
  log(`database ready: ${target.user}@${target.host}:${target.port}/${target.database}`);
}

main().then(
  () => process.exit(0),
  (err) => {
    log(`FAILED: ${err.message}`);
    for (const line of err.details ?? []) log(line);
    if (err.todo?.length) {
      log('what to do:');
      for (const line of err.todo) log(`  - ${line}`);
    }
    if (!(err instanceof Failure)) console.error(err.stack);
    process.exit(1);
  },
);

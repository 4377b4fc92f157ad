import { EventEmitter } from 'node:events';
import { Readable } from 'node:stream';
import { EntityManager } from 'typeorm';

/**
 * The billing run's bulk writes: value formatting done outside the transaction (SQL literals for
 * multi-row INSERTs, tab-separated text for LOAD DATA), and what the server allows, read once per
 * worker. See docs/billing.md, "Measured for issue 16".
 */

/** What the database lets a worker do, read once (`serverWriteTraits`). */
export interface WriteTraits {
  /**
   * `LOAD DATA LOCAL INFILE` is accepted (`@@local_infile`; MariaDB's default ON, MySQL 8's OFF):
   * lines are then sent as tab-separated text, which the server parses with a third less CPU than
   * the same rows in a multi-row INSERT. Otherwise the INSERT.
   */
  loadData: boolean;
  /**
   * A multi-row INSERT, or a LOAD DATA, that inserts every row gets consecutive AUTO_INCREMENT ids
   * in row order from its first id (`innodb_autoinc_lock_mode` 0 or 1 — "traditional" /
   * "consecutive", MariaDB's default — with `auto_increment_increment` 1; a LOAD DATA holds the
   * table's AUTO-INC lock to the end of the statement in both). Then the bills' ids need no
   * select-back: the INSERT's OK packet, or `LAST_INSERT_ID()` after a LOAD DATA (whose OK packet
   * says 0), gives the first. Interleaved mode (2: MySQL 8's default, Galera) makes no such
   * promise: the run reads them back.
   */
  consecutiveIds: boolean;
}

export async function serverWriteTraits(em: EntityManager): Promise<WriteTraits> {
  try {
    const [r] = await em.query('SELECT @@local_infile AS local_infile, @@innodb_autoinc_lock_mode AS lock_mode, @@auto_increment_increment AS step');
    return { loadData: Number(r.local_infile) === 1, consecutiveIds: Number(r.lock_mode) <= 1 && Number(r.step) === 1 };
  } catch {
    // A server without these variables (a MySQL-compatible engine): the plain paths.
    return { loadData: false, consecutiveIds: false };
  }
}

const SQL_SPECIAL = /[\0\b\t\n\r\x1a"'\\]/g;
const SQL_ANY_SPECIAL = /[\0\b\t\n\r\x1a"'\\]/;
const SQL_ESCAPES: Record<string, string> = { '\0': '\\0', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\x1a': '\\Z', '"': '\\"', "'": "\\'", '\\': '\\\\' };

/** A string as a quoted SQL literal (mysql2's escaping, for a connection without NO_BACKSLASH_ESCAPES, as the project's are). */
export function sqlText(s: string): string {
  // Most texts have nothing to escape: a test is cheaper than a replace that allocates.
  return SQL_ANY_SPECIAL.test(s) ? `'${s.replace(SQL_SPECIAL, (c) => SQL_ESCAPES[c])}'` : `'${s}'`;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** A decimal string (an amount, a quantity, an id) as an SQL literal, unquoted; anything else is refused. */
export function sqlDecimal(s: string): string {
  if (!DECIMAL.test(s)) throw new Error(`not a decimal: ${JSON.stringify(s)}`);
  return s;
}

/**
 * A Date as a DATETIME(3) literal in UTC, as mysql2 writes a Date on the project's connections
 * (`timezone: 'Z'`).
 */
export function sqlDatetime(d: Date): string {
  if (Number.isNaN(d.getTime())) throw new Error('invalid date');
  return `'${d.toISOString().slice(0, 23).replace('T', ' ')}'`;
}

const TSV_SPECIAL = /[\0\t\n\r\\]/g;
const TSV_ANY_SPECIAL = /[\0\t\n\r\\]/;
const TSV_ESCAPES: Record<string, string> = { '\0': '\\0', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\\': '\\\\' };

/** A string as a field of LOAD DATA's default format (FIELDS TERMINATED BY '\t' ESCAPED BY '\\', LINES TERMINATED BY '\n'). */
export function tsvText(s: string): string {
  return TSV_ANY_SPECIAL.test(s) ? s.replace(TSV_SPECIAL, (c) => TSV_ESCAPES[c]) : s;
}

/** A decimal string as a LOAD DATA field (checked like `sqlDecimal`). */
export const tsvDecimal = sqlDecimal;

interface RawConnection {
  query(options: { sql: string; timeout?: number; infileStreamFactory: (path: string) => Readable }, cb: (err: Error | null, res?: unknown) => void): void;
  /** mysql2's socket. */
  stream: EventEmitter;
}

interface OkPacket {
  affectedRows: number;
  warningStatus: number;
}

/**
 * A `LOAD DATA LOCAL INFILE` of tab-separated rows into `table` (LOAD DATA's default field format),
 * sent alone (`loadRows`) or among other statements (`sendStatements`).
 */
export interface LoadStatement {
  table: string;
  /** The file's fields in order: column names, or `@name` user variables that `set` reads. */
  fields: readonly string[];
  /** A SET clause computing columns from the fields (`bill_id = @bill0 + @bill`), or none. */
  set?: string;
  /** The rows, each ending in '\n', fields separated by '\t' and escaped (`tsvText`, `tsvDecimal`). */
  rows: string;
  /** Rows it must write. */
  expected: number;
}

/** A statement of a batch: SQL text, or a load of rows. */
export type Statement = string | LoadStatement;

/**
 * A load wrote another number of rows than it had to, or raised warnings: with LOCAL, MariaDB and
 * MySQL turn duplicate keys and bad values into warnings (and skip or coerce the row) where an
 * INSERT would fail, so either means the load did not do what the INSERT it replaces would have.
 */
export class LoadMismatch extends Error {
  constructor(
    readonly table: string,
    readonly affected: number,
    readonly expected: number,
    readonly warnings: number,
    detail = '',
  ) {
    super(`LOAD DATA into ${table}: ${affected} of ${expected} rows, ${warnings} warnings${detail}`);
  }
}

function loadSql(load: LoadStatement, file: string): string {
  return `LOAD DATA LOCAL INFILE '${file}' INTO TABLE ${load.table} CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' (${load.fields.join(', ')})${
    load.set ? ` SET ${load.set}` : ''
  }`;
}

/** The transaction's own connection (so the statements commit or roll back with it) and its statement time limit. */
async function rawConnectionOf(tx: EntityManager): Promise<{ connection: RawConnection; timeout: number | undefined }> {
  const runner = tx.queryRunner as unknown as { connect(): Promise<RawConnection> } | undefined;
  if (!runner) throw new Error('a LOAD DATA needs a transaction');
  const connection = await runner.connect();
  const options = tx.connection.options as { maxQueryExecutionTime?: number; enableQueryTimeout?: boolean };
  return { connection, timeout: options.enableQueryTimeout ? options.maxQueryExecutionTime : undefined };
}

/**
 * One query on the raw connection, its LOCAL INFILE requests answered from `files`.
 * NOTE: mysql2 (3.24) puts a 'pause' and a 'drain' listener on the socket for each file it streams
 * and, when the query ends, removes only the last file's: with two loads in one query, the first
 * one's stay, holding that query's results and file for as long as the connection lives (the
 * workers' peak RSS went from 340 MB to 1.5 GB over the million). So whatever listeners the query
 * left behind are removed here.
 */
async function rawQuery(connection: RawConnection, sql: string, timeout: number | undefined, files: (path: string) => string): Promise<unknown> {
  const before = { pause: new Set(connection.stream.listeners('pause')), drain: new Set(connection.stream.listeners('drain')) };
  try {
    return await new Promise((resolve, reject) =>
      connection.query({ sql, timeout, infileStreamFactory: (path) => Readable.from([Buffer.from(files(path), 'utf8')]) }, (err, r) => (err ? reject(err) : resolve(r))),
    );
  } finally {
    for (const event of ['pause', 'drain'] as const) {
      for (const listener of connection.stream.listeners(event)) if (!before[event].has(listener)) connection.stream.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
}

/**
 * Sends `statements` in order in one round trip (the connection must allow multiple statements),
 * the loads' rows included (the server asks for each file as it reaches its load). Returns each
 * statement's result, in order. Throws `LoadMismatch` for the first load that did not write exactly
 * its rows; the statements after it have run by then, so the caller rolls the transaction back.
 */
export async function sendStatements(tx: EntityManager, statements: readonly Statement[]): Promise<unknown[]> {
  const { connection, timeout } = await rawConnectionOf(tx);
  // One file name per load, by position: two loads into one table in a batch are told apart.
  const files = new Map<string, string>();
  const sql = statements.map((s, i) => {
    if (typeof s === 'string') return s;
    const file = `${i}-${s.table}.tsv`;
    files.set(file, s.rows);
    return loadSql(s, file);
  });
  const res = await rawQuery(connection, sql.join(';\n'), timeout, (path) => {
    const rows = files.get(path);
    if (rows === undefined) throw new Error(`LOAD DATA asked for an unknown file ${path}`);
    return rows;
  });
  const results = statements.length === 1 ? [res] : (res as unknown[]);
  statements.forEach((s, i) => {
    if (typeof s === 'string') return;
    const ok = results[i] as OkPacket;
    if (ok.warningStatus > 0 || ok.affectedRows !== s.expected) throw new LoadMismatch(s.table, ok.affectedRows, s.expected, ok.warningStatus);
  });
  return results;
}

/**
 * A load alone, on the transaction's own connection. Any warning, or a row count other than
 * `expected`, fails the statement (and so the transaction) with `LoadMismatch`, as the INSERT it
 * replaces would.
 */
export async function loadRows(tx: EntityManager, load: LoadStatement): Promise<void> {
  const { connection, timeout } = await rawConnectionOf(tx);
  const res = (await rawQuery(connection, loadSql(load, `${load.table}.tsv`), timeout, () => load.rows)) as OkPacket;
  if (res.warningStatus > 0 || res.affectedRows !== load.expected) {
    const warnings: { Message: string }[] = res.warningStatus > 0 ? await tx.query('SHOW WARNINGS LIMIT 3') : [];
    throw new LoadMismatch(load.table, res.affectedRows, load.expected, res.warningStatus, warnings.map((w) => `; ${w.Message}`).join(''));
  }
}

/** One statement of a batch alone: SQL through the manager, a load through `loadRows`. */
export async function runStatement(tx: EntityManager, statement: Statement): Promise<unknown> {
  return typeof statement === 'string' ? tx.query(statement) : loadRows(tx, statement);
}

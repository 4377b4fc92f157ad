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
   * A multi-row INSERT that inserts every row gets consecutive AUTO_INCREMENT ids in VALUES order
   * from its first id (`innodb_autoinc_lock_mode` 0 or 1 — "traditional" / "consecutive", MariaDB's
   * default — with `auto_increment_increment` 1). Then the bills' ids need no select-back.
   * Interleaved mode (2: MySQL 8's default, Galera) makes no such promise: the run reads them back.
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
  query(options: { sql: string; timeout?: number; infileStreamFactory: () => Readable }, cb: (err: Error | null, res?: { affectedRows: number; warningStatus: number }) => void): void;
}

/**
 * `LOAD DATA LOCAL INFILE` of `rows` (tab-separated lines, each ending in '\n') into `table`, on the
 * transaction's own connection (so it commits or rolls back with it). With LOCAL, MariaDB and MySQL
 * turn data errors and duplicate keys into warnings; here any warning, or a row count other than
 * `expected`, fails the statement (and so the transaction), as the INSERT it replaces would.
 */
export async function loadRows(tx: EntityManager, table: string, columns: readonly string[], rows: string, expected: number): Promise<void> {
  const runner = tx.queryRunner as unknown as { connect(): Promise<RawConnection> } | undefined;
  if (!runner) throw new Error('loadRows needs a transaction');
  const connection = await runner.connect();
  const timeout = (tx.connection.options as { maxQueryExecutionTime?: number; enableQueryTimeout?: boolean }).enableQueryTimeout
    ? (tx.connection.options as { maxQueryExecutionTime?: number }).maxQueryExecutionTime
    : undefined;
  const sql = `LOAD DATA LOCAL INFILE '${table}.tsv' INTO TABLE ${table} CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' (${columns.join(', ')})`;
  const res = await new Promise<{ affectedRows: number; warningStatus: number }>((resolve, reject) =>
    connection.query({ sql, timeout, infileStreamFactory: () => Readable.from([Buffer.from(rows, 'utf8')]) }, (err, r) => (err ? reject(err) : resolve(r!))),
  );
  if (res.warningStatus > 0 || res.affectedRows !== expected) {
    const warnings: { Message: string }[] = res.warningStatus > 0 ? await tx.query('SHOW WARNINGS LIMIT 3') : [];
    throw new Error(`LOAD DATA into ${table}: ${res.affectedRows} of ${expected} rows, ${res.warningStatus} warnings${warnings.map((w) => `; ${w.Message}`).join('')}`);
  }
}

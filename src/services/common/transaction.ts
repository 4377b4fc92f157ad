import { DataSource, EntityManager } from 'typeorm';
import { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';

/** MySQL/MariaDB error numbers a transaction may be re-run after (the server rolled it back or gave up waiting). */
const DEADLOCK = 1213; // ER_LOCK_DEADLOCK: InnoDB rolled the whole transaction back
const LOCK_WAIT_TIMEOUT = 1205; // ER_LOCK_WAIT_TIMEOUT: the statement waited innodb_lock_wait_timeout

/**
 * Thrown by a transaction body that found a concurrent writer got there first in a way it cannot
 * settle inside the same snapshot (e.g. a key another transaction inserted between our read and
 * our write). The whole transaction is rolled back and re-run like a deadlock victim.
 */
export class ConcurrentWriteConflict extends Error {
  /** Carried like the driver's deadlock, so a conflict that outlives the retries is answered as one. */
  readonly errno = DEADLOCK;
  readonly code = 'ER_LOCK_DEADLOCK';
  constructor(what: string) {
    super(`concurrent write conflict: ${what}`);
    this.name = 'ConcurrentWriteConflict';
  }
}

/** The driver's error number, on a mysql2 error or TypeORM's QueryFailedError wrapping one. */
function errnoOf(err: unknown): number | undefined {
  const e = err as { errno?: unknown; driverError?: { errno?: unknown } } | null;
  const n = e?.errno ?? e?.driverError?.errno;
  return typeof n === 'number' ? n : undefined;
}

/** A deadlock or a lock-wait timeout: the transaction did not happen and may be run again. */
export function isRetryableLockError(err: unknown): boolean {
  const n = errnoOf(err);
  return n === DEADLOCK || n === LOCK_WAIT_TIMEOUT;
}

/** A duplicate primary or unique key: inside a body that read the keys first, a concurrent writer won. */
export function isDuplicateKeyError(err: unknown): boolean {
  return errnoOf(err) === 1062; // ER_DUP_ENTRY
}

export interface RetryOptions {
  /** Attempts in all, the first included (default 6). */
  attempts?: number;
  /** Backoff before the 2nd attempt in ms; doubles each time, with full jitter (default 5). */
  baseDelayMs?: number;
  /** The longest single backoff in ms (default 200). */
  maxDelayMs?: number;
  isolation?: IsolationLevel;
  /** Called before each re-run (for logs and benchmarks). */
  onRetry?: (attempt: number, err: unknown) => void;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` and, when it fails with a deadlock or a lock-wait timeout (or throws
 * `ConcurrentWriteConflict`), runs it again: bounded, with exponential backoff and full jitter, so
 * racing writers spread out instead of colliding again. After the last attempt the error is
 * rethrown unchanged (the transport maps it). `attempt` must open its own transaction each time
 * (see `withRetryableTransaction`), and may read outside it first.
 */
export async function retryOnLockConflict<T>(attempt: () => Promise<T>, opts: RetryOptions = {}): Promise<T> {
  const attempts = Math.max(1, opts.attempts ?? 6);
  const base = opts.baseDelayMs ?? 5;
  const cap = opts.maxDelayMs ?? 200;
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (err) {
      const retryable = isRetryableLockError(err) || err instanceof ConcurrentWriteConflict;
      if (!retryable || n >= attempts) throw err;
      opts.onRetry?.(n, err);
      await sleep(Math.random() * Math.min(cap, base * 2 ** (n - 1)));
    }
  }
}

/**
 * Runs `work` in one transaction, re-run whole (see `retryOnLockConflict`) when the database rolls it
 * back for a deadlock or gives up on a lock wait.
 *
 * NOTE: only for transactions that are idempotent by construction: the body must derive
 * everything it writes from what it reads inside the attempt, and do nothing outside the database
 * (no HTTP call, no payment, no mutation of shared memory), so a rolled-back attempt leaves no trace.
 */
export function withRetryableTransaction<T>(ds: DataSource, work: (em: EntityManager) => Promise<T>, opts: RetryOptions = {}): Promise<T> {
  return retryOnLockConflict(() => (opts.isolation ? ds.transaction(opts.isolation, work) : ds.transaction(work)), opts);
}

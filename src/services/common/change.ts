import { DataSource, EntityManager } from 'typeorm';
import { Result } from '../../domain/common/result';
import { Viewer } from '../../domain/common/role';
import { AuditService } from '../audit/audit.service';
import { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import { retryOnLockConflict, RetryOptions } from './transaction';

/** What `audit` answers when nothing changed (an idempotent repeat): no entry is written. */
export const UNCHANGED = null;

/**
 * One state change, as every state-changing service method makes it (STYLE "lock, check, write"):
 * 1. `lock`: read the row(s) FOR UPDATE in the transaction (throw `notFound` for a missing or
 *    foreign id), and read whatever else the rule needs;
 * 2. `rule`: call the pure rule on what was locked: a refusal ends the change with nothing written,
 *    or it answers what to write (`P`);
 * 3. `save`: write it; it may still refuse (a check that needs the database, e.g. a unique key),
 *    and then the transaction is rolled back;
 * 4. the audit entry (`audit`), in the same transaction, so it commits or rolls back with the change.
 */
export interface Change<L, P, T> {
  readonly actor: Viewer;
  /** The mutation, as the audit log names it (e.g. `decideApplication`). */
  readonly action: string;
  readonly lock: (em: EntityManager) => Promise<L>;
  readonly rule: (locked: L, em: EntityManager) => Result<P> | Promise<Result<P>>;
  readonly save: (em: EntityManager, locked: L, plan: P) => Promise<Result<T>>;
  /**
   * The audit entry: what changed (`before` is taken by the caller from `locked` before `save`
   * runs). `UNCHANGED` when the save wrote nothing (an idempotent repeat), so nothing is recorded.
   * It may read the saved rows through `em`.
   */
  readonly audit: (
    locked: L,
    saved: T,
    before: unknown,
    em: EntityManager,
  ) => { entityType: string; entityId: string; after: unknown } | typeof UNCHANGED | Promise<{ entityType: string; entityId: string; after: unknown } | typeof UNCHANGED>;
  /** A snapshot of what was locked, taken before `save` changes it (default: a shallow copy). */
  readonly before?: (locked: L) => unknown;
  /**
   * Re-run the whole change when the database rolls it back for a deadlock or a lock-wait timeout
   * (`retryOnLockConflict`): for changes that lock a row that may not exist yet (an upsert's gap
   * lock), so concurrent first writers deadlock and the re-run finds the row. Only for changes that
   * do nothing outside the database (the NOTE of `withRetryableTransaction`).
   */
  readonly retry?: Omit<RetryOptions, 'isolation'>;
  /** The transaction's isolation (default the server's, REPEATABLE READ). */
  readonly isolation?: IsolationLevel;
}

/** Rolls a change's transaction back while still answering its refusal. */
class Refused<T> extends Error {
  constructor(readonly result: Result<T>) {
    super('refused');
  }
}

/** Lock → pure rule → save → audit, in one transaction. See `Change`. */
export async function change<L, P, T>(ds: DataSource, audit: AuditService, spec: Change<L, P, T>): Promise<Result<T>> {
  const body = async (em: EntityManager): Promise<Result<T>> => {
    const locked = await spec.lock(em);
    const decided = await spec.rule(locked, em);
    if (!decided.ok) return decided;
    const before = spec.before ? spec.before(locked) : typeof locked === 'object' && locked !== null ? { ...locked } : locked;
    const saved = await spec.save(em, locked, decided.value);
    // A refusal found while writing rolls back what was written before it.
    if (!saved.ok) throw new Refused(saved);
    const entry = await spec.audit(locked, saved.value, before, em);
    if (entry !== UNCHANGED) await audit.record(em, { actor: spec.actor, action: spec.action, entityType: entry.entityType, entityId: entry.entityId, before, after: entry.after });
    return saved;
  };
  const attempt = () => (spec.isolation ? ds.transaction(spec.isolation, body) : ds.transaction(body));
  try {
    return await (spec.retry ? retryOnLockConflict(attempt, spec.retry) : attempt());
  } catch (err) {
    if (err instanceof Refused) return err.result as Result<T>;
    throw err;
  }
}

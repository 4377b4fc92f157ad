import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { BillingPlatform } from '../../billing/billing.enums';
import { sqlDecimal, sqlText } from './bulk-write';

/**
 * The billing run's shards, kept in the database and nowhere else: planning (owner ranges), the
 * claim (`SELECT … FOR UPDATE SKIP LOCKED`), the lease (renewed by every chunk's transaction, which
 * also fences a worker that lost it), and the end of a shard and of its run. Every time here is the
 * database's (`NOW(3)`): workers on several machines share one clock, the primary's.
 */

/** A shard as a worker holds it. */
export interface ClaimedShard {
  id: string;
  runId: string;
  shardNo: number;
  /** Owners strictly after this id (NULL: from the first). */
  ownerAfter: string | null;
  /** Owners up to and including this id (NULL: to the last). */
  ownerUpto: string | null;
  attempts: number;
}

/** Thrown inside a chunk's transaction when another worker took the shard over: the chunk rolls back. */
export class LeaseLost extends Error {
  constructor(readonly shardId: string) {
    super(`the lease on billing shard ${shardId} was taken over by another worker`);
  }
}

/** A worker's name in `lease_owner`: host, pid and a random part (two workers of one pid stay apart). */
export function workerName(): string {
  return `${hostname().slice(0, 60)}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

/**
 * Owner boundaries for shards of about `appsPerShard` apps of the platform: walks the
 * (billing_platform, owner_id, id) index one step of `appsPerShard` at a time, so the planner reads
 * one row per shard and holds only the boundaries. A developer's apps never straddle two shards
 * (a boundary is an owner id, inclusive), so a developer with more apps than `appsPerShard` makes
 * its shard larger.
 */
export async function planShards(em: EntityManager, platform: BillingPlatform, appsPerShard: number): Promise<{ ownerAfter: string | null; ownerUpto: string | null }[]> {
  const shards: { ownerAfter: string | null; ownerUpto: string | null }[] = [];
  let after: string | null = null;
  for (;;) {
    const rows: { owner_id: string }[] = await em.query(
      `SELECT owner_id FROM app WHERE billing_platform = ?${after === null ? '' : ' AND owner_id > ?'} ORDER BY owner_id, id LIMIT 1 OFFSET ${appsPerShard - 1}`,
      after === null ? [platform] : [platform, after],
    );
    if (rows.length === 0) break;
    shards.push({ ownerAfter: after, ownerUpto: rows[0].owner_id });
    after = rows[0].owner_id;
  }
  shards.push({ ownerAfter: after, ownerUpto: null });
  return shards;
}

/**
 * Claims the first shard of the run that is not done and not leased (or whose lease expired), in a
 * short READ COMMITTED transaction: `FOR UPDATE SKIP LOCKED` passes over a shard another worker is
 * claiming or writing a chunk of at this moment, so workers never wait on each other here.
 */
export async function claimShard(em: EntityManager, runId: string, worker: string, leaseSeconds: number): Promise<ClaimedShard | null> {
  const qr = em.connection.createQueryRunner();
  try {
    await qr.connect();
    await qr.startTransaction('READ COMMITTED');
    const rows: { id: string; shard_no: number; owner_after: string | null; owner_upto: string | null; attempts: number }[] = await qr.query(
      `SELECT id, shard_no, owner_after, owner_upto, attempts FROM billing_shard
        WHERE run_id = ? AND state <> 'DONE' AND (lease_expires_at IS NULL OR lease_expires_at < NOW(3))
        ORDER BY shard_no LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [runId],
    );
    if (rows.length === 0) {
      await qr.commitTransaction();
      return null;
    }
    const r = rows[0];
    // Compare-and-set, not only an UPDATE of the row read: the lease condition is checked again, so
    // the claim stays exclusive where SKIP LOCKED is accepted but does not lock (TiDB, see docs/billing.md).
    const res = await qr.query(
      `UPDATE billing_shard SET state = 'CLAIMED', lease_owner = ?, lease_expires_at = NOW(3) + INTERVAL ? SECOND, attempts = attempts + 1
        WHERE id = ? AND state <> 'DONE' AND (lease_expires_at IS NULL OR lease_expires_at < NOW(3))`,
      [worker, leaseSeconds, r.id],
    );
    await qr.commitTransaction();
    if (affected(res) !== 1) return claimShard(em, runId, worker, leaseSeconds);
    return { id: String(r.id), runId, shardNo: Number(r.shard_no), ownerAfter: r.owner_after, ownerUpto: r.owner_upto, attempts: Number(r.attempts) + 1 };
  } catch (err) {
    if (qr.isTransactionActive) await qr.rollbackTransaction();
    throw err;
  } finally {
    await qr.release();
  }
}

/** What one committed chunk adds to its shard's counters. */
export interface ChunkCounts {
  apps: number;
  created: number;
  lines: number;
  total: string;
}

/**
 * Inside a chunk's transaction, as its last statement: renews the lease and adds the chunk's counts,
 * only while this worker still holds the shard; otherwise throws `LeaseLost` and the chunk rolls
 * back. The row lock it takes lasts until the commit, so no claim can slip in between this check
 * and the commit (the claim skips locked rows).
 */
export async function renewLease(tx: EntityManager, shard: ClaimedShard, worker: string, leaseSeconds: number, counts: ChunkCounts): Promise<void> {
  checkRenewed(shard, await tx.query(renewLeaseSql(shard, worker, leaseSeconds, counts)));
}

/** `renewLease`'s statement, formatted, for a caller sending it with others; its result goes to `checkRenewed`. */
export function renewLeaseSql(shard: ClaimedShard, worker: string, leaseSeconds: number, counts: ChunkCounts): string {
  return `UPDATE billing_shard SET lease_expires_at = NOW(3) + INTERVAL ${Math.floor(leaseSeconds)} SECOND, apps_billed = apps_billed + ${Math.floor(counts.apps)},
            bills_created = bills_created + ${Math.floor(counts.created)}, lines_written = lines_written + ${Math.floor(counts.lines)}, total = total + ${sqlDecimal(counts.total)}
      WHERE id = ${sqlDecimal(String(shard.id))} AND lease_owner = ${sqlText(worker)} AND state = 'CLAIMED'`;
}

/** Throws `LeaseLost` unless the lease renewal matched this worker's shard. */
export function checkRenewed(shard: ClaimedShard, res: unknown): void {
  if (affected(res) !== 1) throw new LeaseLost(shard.id);
}

/** Marks the shard DONE (if this worker still holds it) and counts it on its run; the last shard ends the run. */
export async function finishShard(tx: EntityManager, shard: ClaimedShard, worker: string): Promise<boolean> {
  const res = await tx.query(
    `UPDATE billing_shard SET state = 'DONE', lease_owner = NULL, lease_expires_at = NULL, finished_at = NOW(3) WHERE id = ? AND lease_owner = ? AND state = 'CLAIMED'`,
    [shard.id, worker],
  );
  if (affected(res) !== 1) return false;
  // NOTE: MariaDB and MySQL assign left to right, each assignment seeing the ones before: shards_done last.
  await tx.query(
    `UPDATE billing_run SET state = IF(shards_done + 1 >= shard_count, 'DONE', state), finished_at = IF(shards_done + 1 >= shard_count, NOW(3), finished_at),
            shards_done = shards_done + 1
      WHERE id = ?`,
    [shard.runId],
  );
  return true;
}

/** Gives a shard back after a failure (another worker may take it at once), keeping the error. */
export async function releaseShard(em: EntityManager, shard: ClaimedShard, worker: string, error: string): Promise<void> {
  await em.query(`UPDATE billing_shard SET state = 'PENDING', lease_owner = NULL, lease_expires_at = NULL, last_error = ? WHERE id = ? AND lease_owner = ?`, [
    error.slice(0, 500),
    shard.id,
    worker,
  ]);
}

const affected = (res: unknown): number => {
  // TypeORM's mysql driver returns the OkPacket for an UPDATE (or [rows, affected] through some paths).
  if (Array.isArray(res)) return Number(res[1] ?? 0);
  return Number((res as { affectedRows?: number }).affectedRows ?? 0);
};

import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { BillingPlatform, BillStatus, PaymentMode } from '../../billing/billing.enums';
import { periodCouponFor } from '../../billing/coupon';
import { D, Dec } from '../../billing/money';
import { billingPeriod, BillingPeriod } from '../../billing/period';
import { CouponPolicy, priceListOn } from '../../billing/price-list';
import { RatedBill, rateBill } from '../../billing/rate-bill';
import { beijingDate } from '../../domain/common/beijing-time';
import { Clock } from '../../domain/common/clock';
import { invalidInput, ok, Result } from '../../domain/common/result';
import { violation } from '../../domain/common/violation';
import { BillingRunEntity, CouponPolicyEntity, PriceListEntity } from '../../db/entities';
import { BillingRunState, BillingRunTrigger } from '../../db/entities/billing-run.entity';
import { checkRenewed, ChunkCounts, claimShard, ClaimedShard, finishShard, LeaseLost, planShards, releaseShard, renewLeaseSql, workerName } from './billing-shards';
import { LoadMismatch, runStatement, sendStatements, serverWriteTraits, sqlDecimal, sqlText, Statement, tsvDecimal, tsvText, WriteTraits } from './bulk-write';
import { AppUsage, qualityDiscountsOn, readPeriodUsage, USAGE_ROW_COLUMNS, usageFromRows, UsageRow } from './period-rating';
import { accountsFrom, ensureAccounts, firstRoundFor, planSettlement, settlementReadsSql, UnpaidRow } from './ledger';
import { PaymentProvider } from './payment-provider';
import { observeBillingRun } from '../../observability/metrics';

export type { AppUsage } from './period-rating';

/**
 * Where billing reads usage: the usage helper's `usage_daily` table (one row per app, Beijing date
 * and meter). Narrow on purpose, so a bench or another source can stand in.
 */
export interface UsageSource {
  /**
   * The next `limit` apps of the platform, owned by developers in the shard's owner range, with any
   * usage in the period and no bill yet for it, after the `after` cursor: ordered by owner, then app
   * id, so a chunk holds a developer's apps together and settles it once. Keyset paging: a shard is
   * read a chunk at a time, whatever its size.
   */
  appsToBill(em: EntityManager, platform: BillingPlatform, period: BillingPeriod, range: OwnerRange, after: AppCursor | null, limit: number): Promise<ChunkApp[]>;
  /** The period's usage of these apps. */
  usageOf(em: EntityManager, appIds: readonly string[], period: BillingPeriod): Promise<Map<string, AppUsage>>;
}

/** Owners `ownerAfter < owner_id <= ownerUpto` (NULL: unbounded), a shard's range. */
export interface OwnerRange {
  ownerAfter: string | null;
  ownerUpto: string | null;
}

/** The last app a chunk read: the next chunk starts after it. */
export interface AppCursor {
  ownerId: string;
  appId: string;
}

/** An app to bill: id, appkey and owner. */
export interface ChunkApp {
  id: string;
  appkey: string;
  owner_id: string;
  /** Its usage in the period, when `appsToBill` read it already (then `usageOf` is not asked). */
  usage?: AppUsage;
}

/** Reads `usage_daily` (issue 4): sums quantities per meter over the period; packages kept per day. */
export const usageDailySource: UsageSource = {
  async appsToBill(em, platform, period, range, after, limit) {
    // NOTE: two plain statements a page, not one with [NOT] EXISTS. Written as one, MariaDB turned
    // the bill check into a semi-join that materialized every bill of the period for each chunk
    // (10,070,000 rows examined for one day of 100,000 apps: three quarters of that run), and as
    // scalar subqueries it probed each app's every usage row through the subquery cache. Here: the
    // next apps of the owner range (an index range, in order), then which of them have usage in the
    // period and which a bill (IN-list ranges of the two primary and unique keys); again from the last
    // app looked at until `limit` apps are found or the range ends. The bill probe names its index:
    // as a day's bills grew, MariaDB switched to idx_bill_platform_period and walked every bill of the
    // period for each chunk (50,000 rows examined a probe by the million's fifth day, against 500).
    const n = Math.floor(limit);
    const out: ChunkApp[] = [];
    let cursor = after;
    for (;;) {
      const where: string[] = ['billing_platform = ?'];
      const params: unknown[] = [platform];
      if (range.ownerAfter !== null) (where.push('owner_id > ?'), params.push(range.ownerAfter));
      if (range.ownerUpto !== null) (where.push('owner_id <= ?'), params.push(range.ownerUpto));
      // `owner_id >= ?` as well: a range the index can start from (the OR alone is not one).
      if (cursor !== null) (where.push('owner_id >= ? AND (owner_id > ? OR id > ?)'), params.push(cursor.ownerId, cursor.ownerId, cursor.appId));
      const page: ChunkApp[] = await em.query(
        `SELECT id, appkey, owner_id FROM app FORCE INDEX (idx_app_platform_owner) WHERE ${where.join(' AND ')} ORDER BY owner_id, id LIMIT ${n}`,
        params,
      );
      if (page.length === 0) return out;
      const ids = page.map((r) => String(r.id));
      const marks = ids.map(() => '?').join(',');
      // The usage rows themselves, not only which apps have some: the rater takes them from here
      // (`ChunkApp.usage`) rather than reading the same rows, from the same pages, a second time.
      // A one-day period reads them from idx_usage_daily_date, which covers them and keeps a day's
      // rows together (the table's pages each hold a few apps' every day); MariaDB picks the primary
      // key unless told. A longer period keeps the primary key: the index could not seek each app
      // within a range of dates.
      const byDay = period.start === period.end ? ' FORCE INDEX (idx_usage_daily_date)' : '';
      const found: (UsageRow & { what: 'U' | 'B' })[] = await em.query(
        `SELECT ${USAGE_ROW_COLUMNS}, 'U' AS what FROM usage_daily${byDay} WHERE app_id IN (${marks}) AND usage_date BETWEEN ? AND ? AND quantity > 0
         UNION ALL SELECT DISTINCT app_id, NULL, NULL, NULL, 'B' AS what FROM bill FORCE INDEX (uq_bill_app_platform_period_seq) WHERE app_id IN (${marks}) AND platform = ? AND period = ?`,
        [...ids, period.start, period.end, ...ids, platform, period.key],
      );
      const rowsOf = new Map<string, UsageRow[]>();
      const billed = new Set<string>();
      for (const f of found) {
        const id = String(f.app_id);
        if (f.what === 'B') billed.add(id);
        else (rowsOf.get(id) ?? rowsOf.set(id, []).get(id)!).push(f);
      }
      for (const r of page) {
        const id = String(r.id);
        const rows = rowsOf.get(id);
        if (rows && !billed.has(id)) out.push({ id, appkey: r.appkey, owner_id: r.owner_id, usage: usageFromRows(id, period, rows) });
        if (out.length === n) return out;
      }
      if (page.length < n) return out;
      const last = page[page.length - 1];
      cursor = { ownerId: last.owner_id, appId: String(last.id) };
    }
  },
  async usageOf(em, appIds, period) {
    // The same reader as the month-to-date estimate and the price-list preview (period-rating.ts).
    const usage = await readPeriodUsage(em, appIds.map((appId) => ({ appId, period })));
    return new Map(usage.map((u) => [u.appId, u]));
  },
};

export interface BillingRunReport {
  runId: string;
  platform: BillingPlatform;
  period: string;
  /** Apps with usage and no bill that this worker's chunks took up. */
  appsConsidered: number;
  billsCreated: number;
  /** Bills another run (or an earlier run) had already written: left as they were. */
  billsSkipped: number;
  linesWritten: number;
  total: string;
}

/** How a run is cut and leased (BILLING_* configuration variables). */
export interface BillingRunOptions {
  /** Apps of the platform per shard, by owner range (BILLING_SHARD_APPS). */
  shardApps: number;
  /** Apps per chunk: one transaction each (BILLING_CHUNK_APPS). */
  chunkApps: number;
  /** A shard's lease, renewed by every chunk (BILLING_LEASE_SECONDS). */
  leaseSeconds: number;
  /** The longest a worker with nothing to claim waits before looking again, while other workers finish (it starts at 20 ms and doubles). */
  idlePollMs: number;
  /**
   * Shards one worker bills at once (BILLING_WORKER_SHARDS): each its own claim, lease and chunk
   * pipeline. A chunk's transaction mostly waits on the database, so a second shard in flight keeps
   * the database busy while the first one's statements run.
   */
  shardsPerWorker: number;
}

export const DEFAULT_BILLING_RUN_OPTIONS: BillingRunOptions = Object.freeze({ shardApps: 2500, chunkApps: 500, leaseSeconds: 60, idlePollMs: 1000, shardsPerWorker: 2 });

/** Progress of a worker: shards done of the run, and the apps this worker has billed. */
export type BillingProgress = (shardsDone: number, shardCount: number, appsDone: number) => void;

/** Bill lines per INSERT statement (when LOAD DATA is not allowed). */
const LINES_PER_INSERT = 2000;
const LINE_COLUMNS = ['bill_id', 'position', 'kind', 'code', 'label', 'quantity', 'unit_price', 'precise_amount', 'amount', 'explanation'];
const BILL_COLUMNS = ['app_id', 'appkey', 'developer_id', 'platform', 'period', 'period_start', 'period_end', 'status', 'total', 'coupon_total', 'price_list_id', 'run_id', 'issued_on'];
/** Apps rated between two yields to the event loop while preparing (see `prepareChunk`). */
const RATE_SLICE = 50;

/**
 * A chunk read, rated and formatted, ready to write. The rows are escaped here, outside the
 * transaction, so the transaction only joins strings: a line's row lacks only its bill, which the
 * bill write decides.
 */
interface PreparedChunk {
  /** The apps with usage, in chunk order. */
  apps: ChunkApp[];
  rated: Map<string, RatedBill>;
  /** Each bill's coupon total (a positive amount, two decimals), in `apps` order. */
  couponTotals: string[];
  /** The bills as LOAD DATA rows (`BILL_COLUMNS`), in `apps` order, when the server takes LOAD DATA; else null. */
  billRows: string | null;
  /**
   * Per app id: each line's row after its bill — tab-separated for LOAD DATA (`\tposition…\n`),
   * else an INSERT tuple's tail (`,position, …, explanation)`).
   */
  lineTails: Map<string, string[]>;
  /** Settlement's first-round size per owner (`firstRoundFor`, from the accounts as read here). */
  firstRounds: Map<string, number>;
}

/** A chunk's apps and, when there are any, the chunk prepared to write. */
interface ChunkRead {
  apps: ChunkApp[];
  prepared: PreparedChunk | null;
}

/** A shard this worker claimed, its first chunk being read. */
interface ShardAhead {
  shard: ClaimedShard;
  first: Promise<ChunkRead>;
}

/** What every chunk of one run shares: read from the run's row, so every worker bills alike. */
interface RunContext {
  runId: string;
  platform: BillingPlatform;
  period: BillingPeriod;
  list: PriceListEntity;
  coupons: CouponPolicy[];
  /** Beijing date of the run's clock: bills are issued on it. */
  today: string;
  /** The run's clock: bills are paid at it. */
  now: Date;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** What a worker's shard loops share (see `BillingRunService.work`). */
interface LaneState {
  total: Dec;
  shardsDone: number;
  /** The run was seen DONE: every loop stops. */
  done: boolean;
  /** A loop failed: the others claim nothing more. */
  failed: boolean;
  /** Waits up to `ms`, or until `wake`. */
  nap(ms: number): Promise<void>;
  wake(): void;
}

/** A sleep that `wake` ends early for every loop napping at that moment. */
function wakeableNaps(): Pick<LaneState, 'nap' | 'wake'> {
  const sleepers = new Set<() => void>();
  return {
    nap: (ms) =>
      new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          sleepers.delete(done);
          resolve();
        };
        const timer = setTimeout(done, ms);
        sleepers.add(done);
      }),
    wake: () => {
      for (const done of [...sleepers]) done();
    },
  };
}

/**
 * Billing runs (Lago's billing service): rates every app of a platform with usage in a period and
 * writes one bill per (app, platform, period), then charges it. A run is cut into shards by owner
 * range (`billing_shard`); workers — this process, child processes, other machines — claim shards,
 * bill them chunk by chunk and mark them done (`billing-shards.ts`). Idempotent by construction:
 * INSERT IGNORE on the unique key; a run writes lines and ledger entries only for the bills it
 * inserted itself (identified by its run id), in the same transaction, and a retried shard reads
 * only apps without a bill. So a second run, two at once, or a shard taken over from a dead worker
 * leave exactly one set of bills and entries.
 */
export class BillingRunService {
  private readonly options: BillingRunOptions;
  /** What the server allows the write path (read once, by the first `work`). */
  private traits: WriteTraits | null = null;

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly provider: PaymentProvider,
    private readonly usage: UsageSource = usageDailySource,
    options: Partial<BillingRunOptions> = {},
  ) {
    this.options = { ...DEFAULT_BILLING_RUN_OPTIONS, ...options };
  }

  /**
   * Starts a run and bills it in this process, one worker (runBilling over GraphQL, the scheduler,
   * the CLI without --workers), counted in the billing metrics (duration, outcome, bills, lines, app-days).
   */
  run(platform: BillingPlatform, periodKey: string, onProgress?: BillingProgress, trigger: BillingRunTrigger = BillingRunTrigger.OPERATOR): Promise<Result<BillingRunReport>> {
    return observeBillingRun(platform, async () => {
      const started = await this.start(platform, periodKey, trigger);
      if (!started.ok) return started;
      return ok(await this.work(started.value.runId, onProgress));
    }, trigger);
  }

  /**
   * Checks the period, then records the run and its shards in one transaction (a run exists only
   * with all its shards). The run's clock is this process's clock now; workers bill with it.
   */
  async start(platform: BillingPlatform, periodKey: string, trigger: BillingRunTrigger = BillingRunTrigger.OPERATOR): Promise<Result<{ runId: string; shardCount: number }>> {
    const now = this.clock.now();
    const check = billingPeriod(platform, periodKey, beijingDate(now));
    if (!check.ok) return invalidInput([violation('period', check.rule, check.message)]);
    const period = check.period;
    const lists = await this.ds.getRepository(PriceListEntity).findBy({ platform });
    // NOTE: a month is billed with the price list in force on its first day.
    const list = priceListOn(lists, platform, period.start);
    if (!list) return invalidInput([violation('period', 'NO_PRICE_LIST', `no ${platform} price list is in force on ${period.start}`)]);
    const runId = randomUUID();
    const shards = await planShards(this.ds.manager, platform, this.options.shardApps);
    await this.ds.transaction(async (tx) => {
      await tx.query(`INSERT INTO billing_run (id, platform, period, price_list_id, as_of, shard_count, \`trigger\`) VALUES (?, ?, ?, ?, ?, ?, ?)`, [runId, platform, period.key, list.id, now, shards.length, trigger]);
      for (let i = 0; i < shards.length; i += 1000) {
        const slice = shards.slice(i, i + 1000);
        await tx.query(
          `INSERT INTO billing_shard (run_id, shard_no, owner_after, owner_upto) VALUES ${slice.map(() => '(?, ?, ?, ?)').join(',')}`,
          slice.flatMap((s, k) => [runId, i + k + 1, s.ownerAfter, s.ownerUpto]),
        );
      }
    });
    return ok({ runId, shardCount: shards.length });
  }

  /** The run's row, or null when no run has this id. */
  async findRun(runId: string): Promise<BillingRunEntity | null> {
    return this.ds.getRepository(BillingRunEntity).findOneBy({ id: runId });
  }

  /**
   * One worker on a run until the run is DONE: claims a shard, bills it, marks it done, again — on
   * `shardsPerWorker` shards at once; with nothing left to claim it waits while other workers hold
   * shards (their leases may expire, and their shards come back). Returns what this worker wrote. A
   * run already DONE is a no-op. If one shard fails, the worker claims nothing more, lets the shards
   * in flight finish, and throws the first failure.
   */
  async work(runId: string, onProgress?: BillingProgress): Promise<BillingRunReport> {
    const run = await this.findRun(runId);
    if (!run) throw new Error(`no billing run ${runId}`);
    const ctx = await this.contextOf(run);
    this.traits ??= await serverWriteTraits(this.ds.manager);
    const worker = workerName();
    const report: BillingRunReport = { runId, platform: run.platform, period: run.period, appsConsidered: 0, billsCreated: 0, billsSkipped: 0, linesWritten: 0, total: '0.00' };
    const progress: LaneState = { total: new D(0), shardsDone: run.shardsDone, done: run.state === BillingRunState.DONE, failed: false, ...wakeableNaps() };
    onProgress?.(progress.shardsDone, run.shardCount, 0);
    const onChunk = (c: ChunkCounts) => {
      report.appsConsidered += c.apps;
      report.billsCreated += c.created;
      report.billsSkipped += c.apps - c.created;
      report.linesWritten += c.lines;
      progress.total = progress.total.plus(c.total);
      onProgress?.(progress.shardsDone, run.shardCount, report.appsConsidered);
    };
    const lanes = Math.max(1, Math.floor(this.options.shardsPerWorker));
    const settled = await Promise.allSettled(Array.from({ length: lanes }, () => this.lane(run, ctx, worker, progress, onChunk, () => onProgress?.(++progress.shardsDone, run.shardCount, report.appsConsidered))));
    const failure = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) throw failure.reason;
    report.total = progress.total.toFixed(2);
    return report;
  }

  /** One of a worker's shard loops (see `work`): claim, bill, finish, until the run is done or a loop failed. */
  private async lane(
    run: BillingRunEntity,
    ctx: RunContext,
    worker: string,
    progress: LaneState,
    onChunk: (c: ChunkCounts) => void,
    onShardDone: () => void,
  ): Promise<void> {
    const runId = run.id;
    // Waiting for other workers' shards: look again soon (the run usually ends within a chunk), then less often.
    let idle = 20;
    // The next shard, claimed while this one's last chunk writes, its first chunk read meanwhile.
    let ahead: Promise<ShardAhead | null> | null = null;
    const onLastChunk = () => {
      if (progress.failed) return;
      ahead = this.claimAhead(runId, ctx, worker);
      // Awaited by the next turn of the loop; a failure must not go unhandled before then.
      ahead.catch(() => undefined);
    };
    while (!progress.done && !progress.failed) {
      const claimed: ShardAhead | null = ahead ? await (ahead as Promise<ShardAhead | null>) : await this.claimAhead(runId, ctx, worker);
      ahead = null;
      if (!claimed) {
        const now = await this.findRun(runId);
        if (!now || now.state === BillingRunState.DONE) {
          progress.done = true;
          break;
        }
        progress.shardsDone = Math.max(progress.shardsDone, now.shardsDone);
        // Woken early when a sibling loop finishes a shard (the run may be done) or fails.
        await progress.nap(idle);
        idle = Math.min(idle * 2, this.options.idlePollMs);
        continue;
      }
      idle = 20;
      const { shard, first } = claimed;
      try {
        const counts = await this.billShard(shard, first, ctx, worker, onLastChunk, onChunk);
        if (counts === 'LEASE_LOST') continue;
        const finished = await this.ds.transaction((tx) => finishShard(tx, shard, worker));
        if (finished) onShardDone();
        progress.wake();
      } catch (err) {
        progress.failed = true;
        progress.wake();
        const message = String((err as Error).message ?? err);
        await releaseShard(this.ds.manager, shard, worker, message).catch(() => undefined);
        // A shard claimed ahead goes back at once too, rather than when its lease expires.
        const next = await (ahead as Promise<ShardAhead | null> | null)?.catch(() => null);
        if (next) await releaseShard(this.ds.manager, next.shard, worker, `released: ${message}`).catch(() => undefined);
        throw err;
      }
    }
    // A shard claimed ahead just as another loop failed or the run ended: back at once.
    const left = await (ahead as Promise<ShardAhead | null> | null)?.catch(() => null);
    if (left) await releaseShard(this.ds.manager, left.shard, worker, 'released: worker stopping').catch(() => undefined);
  }

  private async contextOf(run: BillingRunEntity): Promise<RunContext> {
    const list = await this.ds.getRepository(PriceListEntity).findOneBy({ id: run.priceListId });
    if (!list) throw new Error(`billing run ${run.id}: price list ${run.priceListId} is gone`);
    const coupons: CouponPolicy[] = (await this.ds.getRepository(CouponPolicyEntity).findBy({ platform: run.platform })).map((c) => ({ ...c }));
    const now = new Date(run.asOf);
    const check = billingPeriod(run.platform, run.period, beijingDate(now));
    if (!check.ok) throw new Error(`billing run ${run.id}: ${check.message}`);
    return { runId: run.id, platform: run.platform, period: check.period, list, coupons, today: beijingDate(now), now };
  }

  /**
   * Bills one shard, a chunk at a time, from its first chunk (`first`, being read). Pipelined (Node
   * and MariaDB work at once): the next chunk is read, rated and formatted while this chunk's
   * transaction runs, and while the shard's last chunk writes, the next shard is claimed and its
   * first chunk read (`onLastChunk`). Preparing reads nothing a billing transaction changes (usage, apps, new-ISV flags, discounts) and locks nothing one holds; the
   * chunk transactions stay one at a time and in order. Returns `LEASE_LOST` when another worker
   * took the shard over (this worker's last chunk rolled back; the other carries on).
   */
  private async billShard(
    shard: ClaimedShard,
    first: Promise<ChunkRead>,
    ctx: RunContext,
    worker: string,
    onLastChunk: () => void,
    onChunk: (c: ChunkCounts) => void,
  ): Promise<'DONE' | 'LEASE_LOST'> {
    const limit = this.options.chunkApps;
    let next = first;
    for (;;) {
      const { apps, prepared } = await next;
      if (!prepared) return 'DONE';
      const last = apps[apps.length - 1];
      const more = apps.length === limit;
      next = more ? this.readChunk(shard, ctx, { ownerId: last.owner_id, appId: last.id }) : Promise.resolve({ apps: [], prepared: null });
      // Awaited on the next turn; if this turn throws first, its failure must not go unhandled.
      next.catch(() => undefined);
      // The shard's last chunk: the next shard is claimed and its first chunk read while this one writes.
      if (!more) onLastChunk();
      try {
        const counts = await this.withDeadlockRetry(() => this.writeChunk(prepared, ctx, shard, worker));
        onChunk(counts);
      } catch (err) {
        if (err instanceof LeaseLost) return 'LEASE_LOST';
        throw err;
      }
    }
  }

  /** The shard's next `chunkApps` apps after `after`, read, rated and formatted (outside any transaction). */
  private readChunk(shard: ClaimedShard, ctx: RunContext, after: AppCursor | null): Promise<ChunkRead> {
    return this.withDeadlockRetry(async () => {
      const apps = await this.usage.appsToBill(this.ds.manager, ctx.platform, ctx.period, shard, after, this.options.chunkApps);
      return { apps, prepared: apps.length > 0 ? await this.prepareChunk(apps, ctx) : null };
    });
  }

  /** Claims a shard of the run and starts reading its first chunk; null when none is free now. */
  private async claimAhead(runId: string, ctx: RunContext, worker: string): Promise<ShardAhead | null> {
    const shard = await claimShard(this.ds.manager, runId, worker, this.options.leaseSeconds);
    if (!shard) return null;
    const first = this.readChunk(shard, ctx, null);
    first.catch(() => undefined);
    return { shard, first };
  }

  private async withDeadlockRetry<T>(work: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (err) {
        const code = (err as { code?: string }).code;
        if ((code !== 'ER_LOCK_DEADLOCK' && code !== 'ER_LOCK_WAIT_TIMEOUT') || attempt >= 5) throw err;
      }
    }
  }

  /**
   * Outside any transaction: reads the chunk's usage, the owners' accounts (creating missing ones:
   * see AccountService.lockOne, no FK lock is held across a transaction) and discounts, rates every
   * app with usage and formats the rows to insert. Rating yields to the event loop every few apps,
   * so the previous chunk's transaction, running meanwhile, is not kept waiting for its replies.
   */
  private async prepareChunk(apps: ChunkApp[], { runId, platform, period, list, coupons, today }: RunContext): Promise<PreparedChunk> {
    const em = this.ds.manager;
    const appIds = apps.map((a) => a.id);
    const usage = apps.every((a) => a.usage) ? new Map(apps.map((a) => [String(a.id), a.usage!])) : await this.usage.usageOf(em, appIds, period);
    const owners = [...new Set(apps.map((a) => a.owner_id))].sort();
    const accounts: { developer_id: string; new_isv: number; balance: string; deposit: string; payment_mode: PaymentMode }[] = owners.length
      ? await em.query(`SELECT developer_id, new_isv, balance, deposit, payment_mode FROM billing_account WHERE developer_id IN (${owners.map(() => '?').join(',')})`, owners)
      : [];
    const newIsv = new Set(accounts.filter((a) => Number(a.new_isv) === 1).map((a) => a.developer_id));
    // Not locked: a size for settlement's first read, which the locked account then decides on.
    const firstRounds = new Map(accounts.map((a) => [a.developer_id, firstRoundFor({ balance: a.balance, deposit: a.deposit, paymentMode: a.payment_mode })]));
    const have = new Set(accounts.map((a) => a.developer_id));
    // A missing account is created with new_isv = 0.
    const missing = owners.filter((id) => !have.has(id));
    if (missing.length > 0) await ensureAccounts(em, missing);
    // The discount in force on the period's last day (latest effective_from ≤ end).
    const discounts = platform === BillingPlatform.DOUYIN ? await qualityDiscountsOn(em, appIds, period.end) : new Map<string, string>();

    // NOTE: coupons are per appkey per day: only daily (Taobao) bills carry one. The choice depends on the new-ISV flag only.
    const couponOf = (isNewIsv: boolean) => periodCouponFor(coupons, platform, period, isNewIsv);
    const coupon = { forNewIsv: couponOf(true), forOthers: couponOf(false) };
    const tsv = this.traits!.loadData;
    // What every bill row of the chunk shares, escaped once.
    const billMiddle = `\t${platform}\t${tsvText(period.key)}\t${period.start}\t${period.end}\t${BillStatus.UNPAID}\t`;
    const billEnd = `\t${tsvText(list.id)}\t${tsvText(runId)}\t${today}\n`;
    const rated = new Map<string, RatedBill>();
    const withUsage: ChunkApp[] = [];
    const couponTotals: string[] = [];
    let billRows = '';
    const lineTails = new Map<string, string[]>();
    for (let i = 0; i < apps.length; i++) {
      if (i > 0 && i % RATE_SLICE === 0) await yieldToEventLoop();
      const app = apps[i];
      const u = usage.get(String(app.id));
      if (!u) continue;
      const bill = rateBill({
        charges: list.charges,
        usage: u,
        coupon: newIsv.has(app.owner_id) ? coupon.forNewIsv : coupon.forOthers,
        discountPercent: discounts.get(String(app.id)) ?? null,
      });
      rated.set(String(app.id), bill);
      withUsage.push(app);
      const couponTotal = bill.lines.filter((l) => l.kind === 'COUPON').reduce((s, l) => s.minus(l.amount), new D(0)).toFixed(2);
      couponTotals.push(couponTotal);
      if (tsv) billRows += `${tsvDecimal(String(app.id))}\t${tsvText(app.appkey)}\t${tsvText(app.owner_id)}${billMiddle}${tsvDecimal(bill.total)}\t${tsvDecimal(couponTotal)}${billEnd}`;
      lineTails.set(
        String(app.id),
        bill.lines.map((l, pos) =>
          tsv
            ? `\t${pos + 1}\t${l.kind}\t${tsvText(l.code)}\t${tsvText(l.label)}\t${tsvDecimal(l.quantity)}\t${tsvText(l.unitPrice)}\t${tsvDecimal(l.preciseAmount)}\t${tsvDecimal(l.amount)}\t${tsvText(l.explanation.slice(0, 500))}\n`
            : `,${pos + 1},${sqlText(l.kind)},${sqlText(l.code)},${sqlText(l.label)},${sqlDecimal(l.quantity)},${sqlText(l.unitPrice)},${sqlDecimal(l.preciseAmount)},${sqlDecimal(l.amount)},${sqlText(l.explanation.slice(0, 500))})`,
        ),
      );
    }
    return { apps: withUsage, rated, couponTotals, billRows: tsv ? billRows : null, lineTails, firstRounds };
  }

  /**
   * One transaction: write the chunk's bills (tagged with the run id), take the ones this run
   * inserted, write their lines, settle their developers, and — last — renew the shard's lease with
   * the chunk's counts, which fails (and rolls the chunk back) if the lease was lost.
   *
   * Round trips: on the workers' batch connections (`multipleStatements`) with LOAD DATA and
   * consecutive ids, three per chunk — begin + bills + lines + the account locks and settlement's
   * first read; settlement's writes + the lease renewal; COMMIT. The bills and lines go as LOAD DATA
   * (a quarter to a third less server CPU than the same rows as INSERT literals), the lines naming
   * their bill by its place in the chunk: the server adds it to the bills' first id. That holds only
   * if every bill went in: if another run wrote one of them meanwhile, LOCAL turned its duplicate
   * key into a warning and the ids after it are off, so the chunk is rolled back and written again
   * the statement way — INSERT IGNORE, the bills this run inserted selected back, their lines, the
   * reads — in five round trips (also where LOAD DATA or multiple statements are not allowed: there
   * the statements go one by one). On a loaded machine every round trip waits for both processes to
   * be scheduled again, whatever the statement's size.
   */
  private async writeChunk(
    { apps, rated, couponTotals, billRows, lineTails, firstRounds }: PreparedChunk,
    { runId, platform, period, list, today, now }: RunContext,
    shard: ClaimedShard,
    worker: string,
  ): Promise<ChunkCounts> {
    const qr = this.ds.createQueryRunner();
    await qr.connect();
    const multi = (this.ds.options as { multipleStatements?: boolean }).multipleStatements === true;
    // Statements in order: joined into one round trip when the connection allows it. Each one's result.
    const send = async (statements: readonly Statement[]): Promise<unknown[]> => {
      if (multi && statements.some((s) => typeof s !== 'string')) return sendStatements(qr.manager, statements);
      if (multi && statements.length > 1) return (await qr.query(statements.join(';\n'))) as unknown[];
      const out: unknown[] = [];
      for (const statement of statements) out.push(await runStatement(qr.manager, statement));
      return out;
    };
    const { loadData, consecutiveIds } = this.traits!;
    // READ COMMITTED: no gap locks. Under REPEATABLE READ, settlement's range reads of
    // idx_bill_developer_status and the bill inserts took next-key locks reaching into the
    // neighbouring developer's rows, which belong to another shard: two workers deadlocked at shard
    // boundaries. Every row settlement decides on is read FOR UPDATE (the latest committed version)
    // under the account row lock, so nothing it relies on needs a repeatable snapshot.
    const begin = ['SET TRANSACTION ISOLATION LEVEL READ COMMITTED', 'START TRANSACTION'];
    try {
      if (apps.length === 0) {
        const none = { apps: 0, created: 0, lines: 0, total: '0.00' };
        const res = await send([...begin, renewLeaseSql(shard, worker, this.options.leaseSeconds, none)]);
        checkRenewed(shard, res[res.length - 1]);
        await qr.query('COMMIT');
        return none;
      }
      // The bills this run inserted, and the results of settlement's first reads.
      let ours: { id: string | null; app_id: string; developer_id: string }[] | null = null;
      let reads: unknown[] = [];
      let lineCount = 0;
      if (billRows !== null && consecutiveIds && multi) {
        let lineRows = '';
        apps.forEach((a, i) => {
          for (const tail of lineTails.get(String(a.id))!) {
            lineRows += `${i}${tail}`;
            lineCount++;
          }
        });
        const devs = [...new Set(apps.map((a) => a.owner_id))].sort();
        try {
          const res = await send([
            ...begin,
            { table: 'bill', fields: BILL_COLUMNS, rows: billRows, expected: apps.length },
            'SET @first_bill = LAST_INSERT_ID()',
            { table: 'bill_line', fields: ['@bill_index', ...LINE_COLUMNS.slice(1)], set: 'bill_id = @first_bill + CAST(@bill_index AS UNSIGNED)', rows: lineRows, expected: lineCount },
            ...settlementReadsSql(devs, firstRounds),
          ]);
          // Every bill went in, ids consecutive in row order (see WriteTraits): all are ours.
          ours = apps.map((a) => ({ id: null, app_id: a.id, developer_id: a.owner_id }));
          reads = res.slice(-2);
        } catch (err) {
          if (!(err instanceof LoadMismatch && err.table === 'bill')) throw err;
          await qr.query('ROLLBACK');
        }
      }
      if (ours === null) {
        // What every bill tuple of the chunk shares, escaped once.
        const billMiddle = `,${sqlText(platform)},${sqlText(period.key)},${sqlText(period.start)},${sqlText(period.end)},${sqlText(BillStatus.UNPAID)},`;
        const billEnd = `,${sqlText(list.id)},${sqlText(runId)},${sqlText(today)})`;
        const billTuples = apps.map((a, i) => `(${sqlDecimal(String(a.id))},${sqlText(a.appkey)},${sqlText(a.owner_id)}${billMiddle}${sqlDecimal(rated.get(String(a.id))!.total)},${sqlDecimal(couponTotals[i])}${billEnd}`);
        const began = await send([...begin, `INSERT IGNORE INTO bill (${BILL_COLUMNS.join(', ')}) VALUES ${billTuples.join(',')}`]);
        const inserted = began[began.length - 1] as { affectedRows: number; insertId: number | string };
        // Every row inserted, ids consecutive (see WriteTraits): the bills are ours, in chunk order. Otherwise
        // (another run wrote some of them; an interleaving server) select back the ones this run inserted,
        // by the whole unique key plus the run id (one index dive per app).
        const found: { id: string; app_id: string; developer_id: string }[] =
          consecutiveIds && Number(inserted.affectedRows) === apps.length
            ? apps.map((a, i) => ({ id: (BigInt(String(inserted.insertId)) + BigInt(i)).toString(), app_id: a.id, developer_id: a.owner_id }))
            : await qr.query(`SELECT id, app_id, developer_id FROM bill WHERE app_id IN (${apps.map(() => '?').join(',')}) AND platform = ? AND period = ? AND run_id = ?`, [
                ...apps.map((a) => a.id),
                platform,
                period.key,
                runId,
              ]);
        ours = found;
        const lines: string[] = [];
        for (const b of found) {
          // Bill ids are digits (BIGINT UNSIGNED read as a string): safe to splice in.
          const id = BigInt(b.id).toString();
          for (const tail of lineTails.get(String(b.app_id))!) lines.push(loadData ? `${id}${tail}` : `(${id}${tail}`);
        }
        lineCount = lines.length;
        const lineWrites: Statement[] = [];
        if (loadData) {
          if (lines.length > 0) lineWrites.push({ table: 'bill_line', fields: LINE_COLUMNS, rows: lines.join(''), expected: lines.length });
        } else {
          for (let i = 0; i < lines.length; i += LINES_PER_INSERT) lineWrites.push(`INSERT INTO bill_line (${LINE_COLUMNS.join(', ')}) VALUES ${lines.slice(i, i + LINES_PER_INSERT).join(',')}`);
        }
        const devs = [...new Set(found.map((b) => b.developer_id))].sort();
        if (devs.length > 0) reads = (await send([...lineWrites, ...settlementReadsSql(devs, firstRounds)])).slice(-2);
        else if (lineWrites.length > 0) await send(lineWrites);
      }
      let total = new D(0);
      for (const b of ours) total = total.plus(rated.get(String(b.app_id))!.total);
      const counts = { apps: apps.length, created: ours.length, lines: lineCount, total: total.toFixed(2) };
      let writes: Statement[] = [];
      if (ours.length > 0) {
        const [locked, firstRound] = reads as [Parameters<typeof accountsFrom>[0], UnpaidRow[]];
        writes = await planSettlement(qr.manager, accountsFrom(locked), this.provider, today, now, { firstRound, firstRounds, loadData });
      }
      const res = await send([...writes, renewLeaseSql(shard, worker, this.options.leaseSeconds, counts)]);
      checkRenewed(shard, res[res.length - 1]);
      await qr.query('COMMIT');
      return counts;
    } catch (err) {
      // Whatever was sent, nothing of the chunk stays: the transaction (if one began) is rolled back.
      await qr.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      await qr.release();
    }
  }
}

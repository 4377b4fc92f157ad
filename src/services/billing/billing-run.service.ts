import { randomUUID } from 'node:crypto';
import { escape } from 'mysql2';
import { DataSource, EntityManager } from 'typeorm';
import { BillingPlatform, BillStatus } from '../../billing/billing.enums';
import { couponFor } from '../../billing/coupon';
import { D } from '../../billing/money';
import { billingPeriod, BillingPeriod, datesOf } from '../../billing/period';
import { CouponPolicy, PACKAGE_METER, priceListOn } from '../../billing/price-list';
import { RatedBill, rateBill } from '../../billing/rate-bill';
import { beijingDate } from '../../domain/common/beijing-time';
import { Clock } from '../../domain/common/clock';
import { invalidInput, ok, Result } from '../../domain/common/result';
import { violation } from '../../domain/common/violation';
import { CouponPolicyEntity, PriceListEntity } from '../../db/entities';
import { ensureAccounts, lockAccounts, settleAccounts } from './ledger';
import { PaymentProvider } from './payment-provider';
import { observeBillingRun } from '../../observability/metrics';

/** One app's usage in a period, in the shape the rating engine reads. */
export interface AppUsage {
  appId: string;
  totals: Record<string, number>;
  packagesByDay: string[][];
}

/**
 * Where billing reads usage: the usage helper's `usage_daily` table (one row per app, Beijing date
 * and meter). Narrow on purpose, so a bench or another source can stand in.
 */
export interface UsageSource {
  /**
   * Ids of the platform's apps with any usage in the period, not billed yet for it: grouped by owner
   * (ascending owner, then app id), so a chunk holds a developer's apps together and settles it once.
   */
  appsToBill(em: EntityManager, platform: BillingPlatform, period: BillingPeriod): Promise<string[]>;
  /** The period's usage of these apps. */
  usageOf(em: EntityManager, appIds: readonly string[], period: BillingPeriod): Promise<Map<string, AppUsage>>;
}

const PACKAGE_PREFIX = `${PACKAGE_METER}:`;

/** Reads `usage_daily` (issue 4): sums quantities per meter over the period; packages kept per day. */
export const usageDailySource: UsageSource = {
  async appsToBill(em, platform, period) {
    const rows: { id: string }[] = await em.query(
      `SELECT a.owner_id, a.id FROM app a
        WHERE a.billing_platform = ?
          AND EXISTS (SELECT 1 FROM usage_daily u WHERE u.app_id = a.id AND u.usage_date BETWEEN ? AND ? AND u.quantity > 0)
          AND NOT EXISTS (SELECT 1 FROM bill b WHERE b.app_id = a.id AND b.platform = ? AND b.period = ?)
        ORDER BY a.owner_id, a.id`,
      [platform, period.start, period.end, platform, period.key],
    );
    return rows.map((r) => String(r.id));
  },
  async usageOf(em, appIds, period) {
    const out = new Map<string, AppUsage>();
    if (appIds.length === 0) return out;
    const dates = datesOf(period);
    const dayIndex = new Map(dates.map((d, i) => [d, i]));
    const rows: { app_id: string; usage_date: string | Date; meter: string; quantity: string }[] = await em.query(
      `SELECT app_id, DATE_FORMAT(usage_date, '%Y-%m-%d') AS usage_date, meter, quantity FROM usage_daily
        WHERE app_id IN (${appIds.map(() => '?').join(',')}) AND usage_date BETWEEN ? AND ? AND quantity > 0`,
      [...appIds, period.start, period.end],
    );
    for (const id of appIds) out.set(String(id), { appId: String(id), totals: {}, packagesByDay: dates.map(() => []) });
    for (const r of rows) {
      const u = out.get(String(r.app_id))!;
      if (r.meter.startsWith(PACKAGE_PREFIX)) u.packagesByDay[dayIndex.get(String(r.usage_date))!].push(r.meter.slice(PACKAGE_PREFIX.length));
      else u.totals[r.meter] = (u.totals[r.meter] ?? 0) + Number(r.quantity);
    }
    return out;
  },
};

export interface BillingRunReport {
  runId: string;
  platform: BillingPlatform;
  period: string;
  appsConsidered: number;
  billsCreated: number;
  /** Bills another run (or an earlier run) had already written: left as they were. */
  billsSkipped: number;
  linesWritten: number;
  total: string;
}

const CHUNK = 500;
/** Bill lines per INSERT statement. */
const LINES_PER_INSERT = 2000;
/** Apps rated between two yields to the event loop while preparing (see `prepareChunk`). */
const RATE_SLICE = 50;

interface ChunkApp {
  id: string;
  appkey: string;
  owner_id: string;
}

/**
 * A chunk read, rated and formatted, ready to write. The SQL value tuples are escaped here, outside
 * the transaction, so the transaction only joins strings: a line's tuple lacks only its bill id,
 * which the bill INSERT decides.
 */
interface PreparedChunk {
  /** The apps with usage, in chunk order. */
  apps: ChunkApp[];
  rated: Map<string, RatedBill>;
  /** `(app_id, …, issued_on)` tuples of the bill INSERT, comma-joined, in `apps` order. */
  billTuples: string;
  /** Per app id: each line's tuple after its bill id (`, position, …, explanation)`). */
  lineTails: Map<string, string[]>;
}

/** What every chunk of one run shares. */
interface RunContext {
  runId: string;
  platform: BillingPlatform;
  period: BillingPeriod;
  list: PriceListEntity;
  coupons: CouponPolicy[];
  /** Beijing date of the run: bills are issued on it. */
  today: string;
  now: Date;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Billing runs (Lago's billing service): rates every app of a platform with usage in a period and
 * writes one bill per (app, platform, period), then charges it. Idempotent by construction:
 * INSERT IGNORE on the unique key; a run writes lines and ledger entries only for the bills it
 * inserted itself (identified by its run id), in the same transaction. So a second run, or two at
 * once, leave exactly one set of bills and entries.
 */
export class BillingRunService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly provider: PaymentProvider,
    private readonly usage: UsageSource = usageDailySource,
  ) {}

  /** One billing run, counted in the billing metrics (duration, outcome, bills, lines, app-days). */
  run(platform: BillingPlatform, periodKey: string, onProgress?: (done: number, total: number) => void): Promise<Result<BillingRunReport>> {
    return observeBillingRun(platform, () => this.runOnce(platform, periodKey, onProgress));
  }

  private async runOnce(platform: BillingPlatform, periodKey: string, onProgress?: (done: number, total: number) => void): Promise<Result<BillingRunReport>> {
    const now = this.clock.now();
    const today = beijingDate(now);
    const check = billingPeriod(platform, periodKey, today);
    if (!check.ok) return invalidInput([violation('period', check.rule, check.message)]);
    const period = check.period;
    const lists = await this.ds.getRepository(PriceListEntity).findBy({ platform });
    // NOTE: a month is billed with the price list in force on its first day.
    const list = priceListOn(lists, platform, period.start);
    if (!list) return invalidInput([violation('period', 'NO_PRICE_LIST', `no ${platform} price list is in force on ${period.start}`)]);
    const coupons: CouponPolicy[] = (await this.ds.getRepository(CouponPolicyEntity).findBy({ platform })).map((c) => ({ ...c }));

    const runId = randomUUID();
    const report: BillingRunReport = { runId, platform, period: period.key, appsConsidered: 0, billsCreated: 0, billsSkipped: 0, linesWritten: 0, total: '0.00' };
    let total = new D(0);
    const appIds = await this.usage.appsToBill(this.ds.manager, platform, period);
    report.appsConsidered = appIds.length;
    onProgress?.(0, appIds.length);
    const chunks: string[][] = [];
    for (let i = 0; i < appIds.length; i += CHUNK) chunks.push(appIds.slice(i, i + CHUNK));
    const ctx: RunContext = { runId, platform, period, list, coupons, today, now };
    const prepare = (c: number) => this.withDeadlockRetry(() => this.prepareChunk(chunks[c], ctx));
    // Pipelined: the next chunk is read, rated and formatted while this chunk's transaction runs (the
    // bench's profile: Node and MariaDB worked in turn, one of the two cores idle). Preparing reads
    // nothing a billing transaction changes (usage, apps, new-ISV flags, discounts) and locks nothing
    // one holds; the transactions themselves stay one at a time, in order.
    let next = chunks.length > 0 ? prepare(0) : null;
    let done = 0;
    for (let c = 0; c < chunks.length; c++) {
      const prepared = await next!;
      next = c + 1 < chunks.length ? prepare(c + 1) : null;
      // Awaited on the next turn; if this turn throws first, its failure must not go unhandled.
      next?.catch(() => undefined);
      const r = await this.withDeadlockRetry(() => this.writeChunk(prepared, ctx));
      report.billsCreated += r.created;
      report.billsSkipped += chunks[c].length - r.created;
      report.linesWritten += r.lines;
      total = total.plus(r.total);
      done += chunks[c].length;
      onProgress?.(done, appIds.length);
    }
    report.total = total.toFixed(2);
    return ok(report);
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
   * Outside any transaction: reads the chunk's usage, apps, owners' accounts (creating missing ones:
   * see AccountService.lockOne, no FK lock is held across a transaction) and discounts, rates every
   * app with usage and formats the rows to insert. Rating yields to the event loop every few apps,
   * so the previous chunk's transaction, running meanwhile, is not kept waiting for its replies.
   */
  private async prepareChunk(appIds: string[], { runId, platform, period, list, coupons, today }: RunContext): Promise<PreparedChunk> {
    const em = this.ds.manager;
    const usage = await this.usage.usageOf(em, appIds, period);
    const apps: ChunkApp[] = await em.query(`SELECT id, appkey, owner_id FROM app WHERE id IN (${appIds.map(() => '?').join(',')})`, appIds);
    const owners = [...new Set(apps.map((a) => a.owner_id))].sort();
    const accounts: { developer_id: string; new_isv: number }[] = owners.length
      ? await em.query(`SELECT developer_id, new_isv FROM billing_account WHERE developer_id IN (${owners.map(() => '?').join(',')})`, owners)
      : [];
    const newIsv = new Set(accounts.filter((a) => Number(a.new_isv) === 1).map((a) => a.developer_id));
    const have = new Set(accounts.map((a) => a.developer_id));
    // A missing account is created with new_isv = 0.
    const missing = owners.filter((id) => !have.has(id));
    if (missing.length > 0) await ensureAccounts(em, missing);
    const discounts = new Map<string, string>();
    if (platform === BillingPlatform.DOUYIN) {
      // The discount in force on the period's last day (latest effective_from ≤ end).
      const rows: { app_id: string; percent: string }[] = await em.query(
        `SELECT d.app_id, d.percent FROM quality_discount d
          WHERE d.app_id IN (${appIds.map(() => '?').join(',')}) AND d.effective_from = (
            SELECT MAX(d2.effective_from) FROM quality_discount d2 WHERE d2.app_id = d.app_id AND d2.effective_from <= ?)`,
        [...appIds, period.end],
      );
      for (const r of rows) discounts.set(String(r.app_id), r.percent);
    }

    // NOTE: coupons are per appkey per day: only daily (Taobao) bills carry one. The choice depends on the new-ISV flag only.
    const couponOf = (isNewIsv: boolean) => (period.days === 1 ? couponFor(coupons, platform, period.start, isNewIsv) : null);
    const coupon = { forNewIsv: couponOf(true), forOthers: couponOf(false) };
    const rated = new Map<string, RatedBill>();
    const withUsage: ChunkApp[] = [];
    const billTuples: string[] = [];
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
      const couponTotal = bill.lines.filter((l) => l.kind === 'COUPON').reduce((s, l) => s.minus(l.amount), new D(0));
      billTuples.push(
        `(${escape([app.id, app.appkey, app.owner_id, platform, period.key, period.start, period.end, BillStatus.UNPAID, bill.total, couponTotal.toFixed(2), list.id, runId, today])})`,
      );
      lineTails.set(
        String(app.id),
        bill.lines.map((l, pos) => `,${escape([pos + 1, l.kind, l.code, l.label, l.quantity, l.unitPrice, l.preciseAmount, l.amount, l.explanation.slice(0, 500)])})`),
      );
    }
    return { apps: withUsage, rated, billTuples: billTuples.join(','), lineTails };
  }

  /**
   * One transaction: INSERT IGNORE the chunk's bills (tagged with the run id), select back the ones
   * this run inserted, write their lines, settle their developers.
   */
  private async writeChunk({ apps, rated, billTuples, lineTails }: PreparedChunk, { runId, platform, period, today, now }: RunContext): Promise<{ created: number; lines: number; total: string }> {
    if (apps.length === 0) return { created: 0, lines: 0, total: '0.00' };
    return this.ds.transaction(async (tx) => {
      await tx.query(
        `INSERT IGNORE INTO bill (app_id, appkey, developer_id, platform, period, period_start, period_end, status, total, coupon_total, price_list_id, run_id, issued_on) VALUES ${billTuples}`,
      );
      // The whole unique key in the condition: one index dive per app (on run_id alone the optimizer may scan the table).
      const ours: { id: string; app_id: string; developer_id: string }[] = await tx.query(
        `SELECT id, app_id, developer_id FROM bill WHERE app_id IN (${apps.map(() => '?').join(',')}) AND platform = ? AND period = ? AND run_id = ?`,
        [...apps.map((a) => a.id), platform, period.key, runId],
      );
      const lines: string[] = [];
      let total = new D(0);
      for (const b of ours) {
        total = total.plus(rated.get(String(b.app_id))!.total);
        // Bill ids are digits (BIGINT UNSIGNED read as a string): safe to splice in.
        for (const tail of lineTails.get(String(b.app_id))!) lines.push(`(${BigInt(b.id)}${tail}`);
      }
      for (let i = 0; i < lines.length; i += LINES_PER_INSERT) {
        await tx.query(
          `INSERT INTO bill_line (bill_id, position, kind, code, label, quantity, unit_price, precise_amount, amount, explanation) VALUES ${lines.slice(i, i + LINES_PER_INSERT).join(',')}`,
        );
      }
      const devs = [...new Set(ours.map((b) => b.developer_id))].sort();
      await settleAccounts(tx, await lockAccounts(tx, devs), this.provider, today, now);
      return { created: ours.length, lines: lines.length, total: total.toFixed(2) };
    });
  }
}

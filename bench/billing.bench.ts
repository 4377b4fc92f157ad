/**
 * `npm run bench:billing`: 100,000 app-days of usage (10,000 Taobao apps × 10 days, 1,000
 * developers, 3 meters each), then the Taobao daily billing of those 10 days through the real
 * BillingRunService, against a fresh database. Prints app-days/s and the ratio against a raw
 * `INSERT … SELECT` writing the same number of bill lines in the same database.
 * A measurement, not a test: no threshold. It also prints `resultDigest`, a hash of every billing
 * result (bills, lines, ledger, balances, arrears flags): a speed change must leave it unchanged
 * for the same BENCH_APPS and BENCH_DAYS.
 */
import 'reflect-metadata';
import { BillingPlatform } from '../src/billing/billing.enums';
import { addDays } from '../src/domain/common/beijing-time';
import { BillingRunService } from '../src/services/billing/billing-run.service';
import { SandboxPaymentProvider } from '../src/services/billing/payment-provider';
import { TestApp } from '../test/support/test-app';

const APPS = Number(process.env.BENCH_APPS ?? 10_000);
const DAYS = Number(process.env.BENCH_DAYS ?? 10);
const DEVS = Math.max(1, Math.floor(APPS / 10));
const FIRST = '2026-10-01';

/**
 * An order-independent hash of what billing wrote, per table, summed over rows: every column that is
 * a result, with bills named by (app, period) rather than by their auto-increment id, so the digest
 * does not depend on the order bills were inserted in. Left out: run id, creation timestamps,
 * ledger entry ids and the bill id inside entry keys (the entry's bill, kind and amount stand for it).
 */
async function resultDigest(q: (sql: string) => Promise<{ n: string; h: string }[]>): Promise<string> {
  const tables: [string, string, string][] = [
    ['bill', 'bill b', 'b.app_id, b.appkey, b.developer_id, b.platform, b.period, b.period_start, b.period_end, b.status, b.total, b.coupon_total, b.price_list_id, b.issued_on, b.paid_at'],
    ['bill_line', 'bill_line l JOIN bill b ON b.id = l.bill_id', 'b.app_id, b.period, l.position, l.kind, l.code, l.label, l.quantity, l.unit_price, l.precise_amount, l.amount, l.explanation'],
    [
      'ledger_entry',
      'ledger_entry e LEFT JOIN bill b ON b.id = e.bill_id',
      "e.developer_id, e.kind, e.amount, IF(e.bill_id IS NULL, e.entry_key, SUBSTRING_INDEX(e.entry_key, ':', 2)), b.app_id, b.period, e.note",
    ],
    ['billing_account', 'billing_account a', 'a.developer_id, a.balance, a.deposit'],
    ['developer', 'developer d', 'd.id, d.restricted_for_arrears'],
  ];
  const parts: string[] = [];
  for (const [name, from, cols] of tables) {
    const [r] = await q(`SELECT COUNT(*) AS n, SUM(CAST(CONV(LEFT(MD5(CONCAT_WS('|', ${cols})), 12), 16, 10) AS UNSIGNED)) AS h FROM ${from}`);
    parts.push(`${name}:${r.n}:${BigInt(r.h ?? 0).toString(16)}`);
  }
  return parts.join(' ');
}

export async function benchBilling(): Promise<Record<string, number | string>> {
  const t = await TestApp.start({ now: '2026-11-20T04:00:00Z' });
  try {
    const ds = t.ds;
    const q = (sql: string, p: unknown[] = []) => ds.query(sql, p);
    // Data generation (not timed): developers, accounts with balance, apps, usage.
    for (let i = 0; i < DEVS; i += 1000) {
      const ids = Array.from({ length: Math.min(1000, DEVS - i) }, (_, k) => `bench-dev-${i + k}`);
      await q(`INSERT INTO developer (id, name, kind) VALUES ${ids.map(() => "(?, 'Bench', 'ISV')").join(',')}`, ids);
      // Half the developers prepaid enough; half in arrears.
      await q(`INSERT INTO billing_account (developer_id, balance, deposit) VALUES ${ids.map(() => '(?, ?, 0)').join(',')}`, ids.flatMap((id, k) => [id, (i + k) % 2 === 0 ? '1000000.00' : '0.00']));
      await q(`INSERT INTO ledger_entry (developer_id, kind, amount, entry_key) VALUES ${ids.map(() => "(?, 'RECHARGE', ?, ?)").join(',')}`, ids.flatMap((id, k) => [id, (i + k) % 2 === 0 ? '1000000.00' : '0.00', `seed:${id}`]));
    }
    for (let i = 0; i < APPS; i += 1000) {
      const n = Math.min(1000, APPS - i);
      await q(
        `INSERT INTO app (appkey, owner_id, name, tag_code, declared_functions, version) VALUES ${Array.from({ length: n }, () => "(?, ?, 'Bench app', 'MERCHANT_BACKEND', '[]', 1)").join(',')}`,
        Array.from({ length: n }, (_, k) => [String(10_000_000 + i + k), `bench-dev-${(i + k) % DEVS}`]).flat(),
      );
    }
    const appIds: string[] = (await q('SELECT id FROM app ORDER BY id')).map((r: { id: string }) => r.id);
    for (let d = 0; d < DAYS; d++) {
      const date = addDays(FIRST, d);
      for (let i = 0; i < appIds.length; i += 2000) {
        const chunk = appIds.slice(i, i + 2000);
        const rows = chunk.flatMap((id, k) => [
          [id, date, 'API:BASIC:IN_CLOUD', 10_000 + ((k * 7919 + d) % 500_000)],
          [id, date, 'API:VALUE_ADDED:IN_CLOUD', 1_000 + ((k * 104_729 + d) % 90_000)],
          [id, date, 'DATA_SYNC_ORDERS', (k * 15_485_863 + d) % 1_500_000],
        ]);
        await q(`INSERT INTO usage_daily (app_id, usage_date, meter, quantity, successful) VALUES ${rows.map(() => '(?,?,?,?,0)').join(',')}`, rows.flat());
      }
    }

    // The test harness's logger keeps every SQL statement for the N+1 tests: emptied before and
    // during the run, so the bench does not measure a growing in-memory log the server never keeps.
    t.queries.reset();
    const runs = new BillingRunService(ds, t.clock, new SandboxPaymentProvider());
    const started = performance.now();
    let lines = 0;
    for (let d = 0; d < DAYS; d++) {
      const r = await runs.run(BillingPlatform.TAOBAO, addDays(FIRST, d));
      if (!r.ok) throw new Error(JSON.stringify(r.refusal));
      lines += r.value.linesWritten;
      t.queries.reset();
      process.stderr.write(`\rbilled ${d + 1}/${DAYS} days`);
    }
    process.stderr.write('\n');
    const seconds = (performance.now() - started) / 1000;

    // Baseline: a raw INSERT … SELECT writing the same number of lines into a copy of bill_line.
    await q('CREATE TABLE bench_line LIKE bill_line');
    const rawStarted = performance.now();
    await q(
      `INSERT INTO bench_line (bill_id, position, kind, code, label, quantity, unit_price, precise_amount, amount, explanation)
       SELECT bill_id, position, kind, code, label, quantity, unit_price, precise_amount, amount, explanation FROM bill_line LIMIT ${lines}`,
    );
    const rawSeconds = (performance.now() - rawStarted) / 1000;
    const [bills] = await q('SELECT COUNT(*) n FROM bill');
    const digest = await resultDigest(q);
    return {
      appDays: APPS * DAYS,
      bills: Number(bills.n),
      lines,
      seconds: Number(seconds.toFixed(2)),
      appDaysPerSecond: Number(((APPS * DAYS) / seconds).toFixed(0)),
      rawInsertSelectSeconds: Number(rawSeconds.toFixed(2)),
      ratioVsRawInsertSelect: Number((seconds / rawSeconds).toFixed(1)),
      resultDigest: digest,
    };
  } finally {
    await t.stop();
  }
}

if (require.main === module) {
  benchBilling()
    .then((r) => console.log('Taobao daily billing:', r))
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}

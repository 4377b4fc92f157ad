import { DataSource } from 'typeorm';
import { beijingDate } from '../../domain/common/beijing-time';
import { Clock } from '../../domain/common/clock';
import { NotificationKind, quotaThresholdReached } from '../../domain/notification/notification-kind';
import { quotaOfState } from '../../domain/usage/quota-snapshot.rule';
import { API_METER_PREFIX } from '../../domain/usage/meter';
import { loadAppQuotaStates } from '../usage/app-quota-state';
import { NotificationService } from './notification.service';

/** How far back (database time: rows carry the database's timestamps) the sweep looks for bills, deposit deductions and recovered deliveries. */
const LOOKBACK_DAYS = 3;

interface Event {
  developerId: string;
  kind: NotificationKind;
  appId: string | null;
  message: string;
  linkId: string | null;
  dedupeKey: string;
  data: Record<string, unknown>;
}

/**
 * Events that are states rather than actions — today's quota 80 % / 100 % used, bills issued and
 * left unpaid, arrears entered and cleared, a balance below the developer's threshold, a deposit
 * deducted, a bought subscription expiring, a provider's production notifications failing,
 * stopped or recovered — are found by this sweep (run by the notification worker), not by the
 * hot paths that cause them: ingestion and billing stay as fast as they are. Every event carries a
 * dedupe key, so the sweep notifies once however often it runs and whichever server runs it.
 */
export class NotificationSweepService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly notifications: NotificationService,
  ) {}

  /** Finds and notifies every event; returns how many notifications were written. */
  async sweep(): Promise<number> {
    const events = [
      ...(await this.quotaEvents()),
      ...(await this.billEvents()),
      ...(await this.arrearsEvents()),
      ...(await this.depositEvents()),
      ...(await this.subscriptionEvents()),
      ...(await this.productionEvents()),
    ];
    let written = 0;
    for (const e of events) {
      const id = await this.ds.transaction((em) => this.notifications.notify(em, e.developerId, e.kind, e.appId, e.message, { linkId: e.linkId, dedupeKey: e.dedupeKey, data: e.data }));
      if (id) written++;
    }
    written += await this.balanceEvents();
    return written;
  }

  private async quotaEvents(): Promise<Event[]> {
    const date = beijingDate(this.clock.now());
    // Apps with API calls today; their quota and usage through the gateway's own reader, so the
    // thresholds use the very figures callPermission decides with (operator quotas included).
    const touched: { appkey: string }[] = await this.ds.query(
      `SELECT DISTINCT a.appkey FROM usage_daily u JOIN app a ON a.id = u.app_id WHERE u.usage_date = ? AND u.meter LIKE ?`,
      [date, `${API_METER_PREFIX}%`],
    );
    const states = await loadAppQuotaStates(this.ds, touched.map((r) => r.appkey), date);
    const out: Event[] = [];
    for (const st of states.values()) {
      const quota = quotaOfState(st);
      const used = st.usedToday;
      const reached = quotaThresholdReached(used, quota.limit);
      if (!reached) continue;
      // Reaching 100 % first still tells the 80 % step: the inbox shows both, in order.
      const kinds = reached === NotificationKind.QUOTA_EXHAUSTED ? [NotificationKind.QUOTA_80_PERCENT, NotificationKind.QUOTA_EXHAUSTED] : [reached];
      for (const kind of kinds) {
        const pct = kind === NotificationKind.QUOTA_EXHAUSTED ? 100 : 80;
        out.push({
          developerId: st.ownerId,
          kind,
          appId: st.appId,
          linkId: st.appId,
          dedupeKey: `${kind}:${st.appId}:${date}`,
          data: { appkey: st.appkey, date, used, limit: quota.limit },
          message: `App ${st.name} (${st.appkey}) has used ${used.toLocaleString('en-US')} of its ${quota.limit!.toLocaleString('en-US')} calls today (${date}, ${pct} % reached); the quota resets at 24:00 Beijing time.`,
        });
      }
    }
    return out;
  }

  private async billEvents(): Promise<Event[]> {
    const groups: { developer_id: string; platform: string; period: string; n: string; total: string; unpaid: string }[] = await this.ds.query(
      `SELECT developer_id, platform, period, COUNT(*) AS n, SUM(total) AS total, SUM(status = 'UNPAID') AS unpaid
         FROM bill WHERE created_at >= NOW(3) - INTERVAL ${LOOKBACK_DAYS} DAY GROUP BY developer_id, platform, period`,
    );
    const out: Event[] = groups.map((g) => ({
      developerId: g.developer_id,
      kind: NotificationKind.BILL_ISSUED,
      appId: null,
      linkId: g.developer_id,
      dedupeKey: `BILL_ISSUED:${g.platform}:${g.period}`,
      data: { platform: g.platform, period: g.period, bills: Number(g.n), total: g.total },
      message: `${g.n} ${g.platform} bill${g.n === '1' ? '' : 's'} for ${g.period}: ${g.total} yuan in all${Number(g.unpaid) > 0 ? `, ${g.unpaid} not paid yet` : ', paid from your balance'}.`,
    }));
    const unpaid: { id: string; developer_id: string; app_id: string; appkey: string; platform: string; period: string; total: string }[] = await this.ds.query(
      `SELECT id, developer_id, app_id, appkey, platform, period, total FROM bill WHERE status = 'UNPAID' AND created_at >= NOW(3) - INTERVAL ${LOOKBACK_DAYS} DAY`,
    );
    for (const b of unpaid) {
      out.push({
        developerId: b.developer_id,
        kind: NotificationKind.BILL_UNPAID,
        appId: b.app_id,
        linkId: b.id,
        dedupeKey: `BILL_UNPAID:${b.id}`,
        data: { billId: b.id, platform: b.platform, period: b.period, total: b.total },
        message: `Bill ${b.id} of ${b.total} yuan (${b.platform} ${b.period}, app ${b.appkey}) could not be paid: recharge to settle it.`,
      });
    }
    return out;
  }

  private async arrearsEvents(): Promise<Event[]> {
    const rows: { id: string; restricted: number; last_kind: string | null; times: string; owed: string | null; bills: string }[] = await this.ds.query(
      `SELECT d.id, d.restricted_for_arrears AS restricted,
              (SELECT n.kind FROM notification n WHERE n.developer_id = d.id AND n.kind IN ('ARREARS_ENTERED', 'ARREARS_CLEARED') ORDER BY n.id DESC LIMIT 1) AS last_kind,
              (SELECT COUNT(*) FROM notification n WHERE n.developer_id = d.id AND n.kind IN ('ARREARS_ENTERED', 'ARREARS_CLEARED')) AS times,
              (SELECT SUM(b.total) FROM bill b WHERE b.developer_id = d.id AND b.status = 'UNPAID') AS owed,
              (SELECT COUNT(*) FROM bill b WHERE b.developer_id = d.id AND b.status = 'UNPAID') AS bills
         FROM developer d
        WHERE d.restricted_for_arrears = 1
           OR EXISTS (SELECT 1 FROM notification n WHERE n.developer_id = d.id AND n.kind = 'ARREARS_ENTERED')`,
    );
    const out: Event[] = [];
    for (const r of rows) {
      const inArrears = Number(r.restricted) === 1;
      const n = Number(r.times) + 1;
      if (inArrears && r.last_kind !== NotificationKind.ARREARS_ENTERED) {
        out.push({
          developerId: r.id,
          kind: NotificationKind.ARREARS_ENTERED,
          appId: null,
          linkId: r.id,
          dedupeKey: `ARREARS:${n}`,
          data: { unpaidBills: Number(r.bills), owed: r.owed ?? '0.00' },
          message: `Your account is in arrears: ${r.bills} unpaid bill${r.bills === '1' ? '' : 's'}, ${r.owed ?? '0.00'} yuan. Your apps' calls are restricted until you recharge.`,
        });
      } else if (!inArrears && r.last_kind === NotificationKind.ARREARS_ENTERED) {
        out.push({ developerId: r.id, kind: NotificationKind.ARREARS_CLEARED, appId: null, linkId: r.id, dedupeKey: `ARREARS:${n}`, data: {}, message: 'Your arrears are paid: your apps may call again.' });
      }
    }
    return out;
  }

  private async depositEvents(): Promise<Event[]> {
    const rows: { id: string; developer_id: string; amount: string; bill_id: string | null; note: string; deposit: string }[] = await this.ds.query(
      `SELECT l.id, l.developer_id, l.amount, l.bill_id, l.note, a.deposit FROM ledger_entry l JOIN billing_account a ON a.developer_id = l.developer_id
        WHERE l.kind = 'DEPOSIT_DEDUCTION' AND l.created_at >= NOW(3) - INTERVAL ${LOOKBACK_DAYS} DAY`,
    );
    return rows.map((r) => ({
      developerId: r.developer_id,
      kind: NotificationKind.DEPOSIT_DEDUCTED,
      appId: null,
      linkId: r.bill_id,
      dedupeKey: `DEPOSIT_DEDUCTED:${r.id}`,
      data: { amount: r.amount, billId: r.bill_id, depositLeft: r.deposit },
      message: `${r.amount} yuan was deducted from your deposit for bill ${r.bill_id} (${r.note}); ${r.deposit} yuan of deposit is left.`,
    }));
  }

  private async subscriptionEvents(): Promise<Event[]> {
    const now = this.clock.now();
    const rows: { id: string; buyer_id: string; name: string; expires_at: Date }[] = await this.ds.query(
      `SELECT s.id, s.buyer_id, p.name, s.expires_at FROM market_subscription s JOIN market_product p ON p.id = s.product_id
        WHERE s.status = 'ACTIVE' AND s.expires_at > ? AND s.expires_at <= ?`,
      [now, new Date(now.getTime() + 7 * 86_400_000)],
    );
    const out: Event[] = [];
    for (const r of rows) {
      const expires = new Date(r.expires_at);
      const within1 = expires.getTime() - now.getTime() <= 86_400_000;
      const kinds = within1 ? [NotificationKind.SUBSCRIPTION_EXPIRING_7_DAYS, NotificationKind.SUBSCRIPTION_EXPIRING_1_DAY] : [NotificationKind.SUBSCRIPTION_EXPIRING_7_DAYS];
      for (const kind of kinds) {
        out.push({
          developerId: r.buyer_id,
          kind,
          appId: null,
          linkId: r.id,
          // Renewing moves expires_at: the renewed subscription is told again before its new end.
          dedupeKey: `${kind}:${r.id}:${expires.toISOString()}`,
          data: { subscriptionId: r.id, product: r.name, expiresAt: expires.toISOString() },
          message: `Your subscription ${r.id} to ${r.name} expires at ${expires.toISOString()} (${kind === NotificationKind.SUBSCRIPTION_EXPIRING_1_DAY ? 'within a day' : 'within 7 days'}); renew it to keep it.`,
        });
      }
    }
    return out;
  }

  private async productionEvents(): Promise<Event[]> {
    const rows: { id: string; provider_id: string; product_id: string; action: string; status: string; errors: number; total_attempts: number; last_error: string | null }[] = await this.ds.query(
      `SELECT id, provider_id, product_id, action, status, errors, total_attempts, last_error FROM market_notification
        WHERE (status = 'PENDING' AND errors > 0) OR status = 'STOPPED' OR (status = 'DELIVERED' AND total_attempts > 1 AND updated_at >= NOW(3) - INTERVAL ${LOOKBACK_DAYS} DAY)`,
    );
    return rows.map((r) => {
      const kind = r.status === 'STOPPED' ? NotificationKind.PRODUCTION_NOTIFICATION_STOPPED : r.status === 'DELIVERED' ? NotificationKind.PRODUCTION_NOTIFICATION_RECOVERED : NotificationKind.PRODUCTION_NOTIFICATION_FAILING;
      const text =
        kind === NotificationKind.PRODUCTION_NOTIFICATION_STOPPED
          ? `stopped after ${r.errors} failed attempts; fix the endpoint and call resetNotificationErrors`
          : kind === NotificationKind.PRODUCTION_NOTIFICATION_RECOVERED
            ? `delivered after ${r.total_attempts} attempts`
            : `failing (${r.errors} failed attempts so far${r.last_error ? `, last: ${r.last_error}` : ''}); it is retried with backoff up to 120 attempts`;
      return {
        developerId: r.provider_id,
        kind,
        appId: null,
        linkId: r.id,
        // STOPPED again after a reset (more attempts) is a new event.
        dedupeKey: kind === NotificationKind.PRODUCTION_NOTIFICATION_STOPPED ? `${kind}:${r.id}:${r.total_attempts}` : `${kind}:${r.id}`,
        data: { notificationId: r.id, productId: r.product_id, action: r.action, errors: r.errors, attempts: r.total_attempts },
        message: `Production notification ${r.id} (${r.action}, product ${r.product_id}) ${text}.`,
      };
    });
  }

  /** BALANCE_LOW once when the balance falls below the developer's threshold; re-armed when it is back at or above it. */
  private async balanceEvents(): Promise<number> {
    const rows: { developer_id: string; threshold: string; notified: number; balance: string }[] = await this.ds.query(
      `SELECT s.developer_id, s.low_balance_threshold AS threshold, s.low_balance_notified AS notified, a.balance
         FROM notification_settings s JOIN billing_account a ON a.developer_id = s.developer_id
        WHERE s.low_balance_threshold IS NOT NULL
          AND ((s.low_balance_notified = 0 AND a.balance < s.low_balance_threshold) OR (s.low_balance_notified = 1 AND a.balance >= s.low_balance_threshold))`,
    );
    let written = 0;
    for (const r of rows) {
      await this.ds.transaction(async (em) => {
        // Flip the flag first, guarded by its old value: of two servers sweeping at once, one notifies.
        const low = Number(r.notified) === 0;
        const res = await em.query('UPDATE notification_settings SET low_balance_notified = ? WHERE developer_id = ? AND low_balance_notified = ?', [low ? 1 : 0, r.developer_id, low ? 0 : 1]);
        if (!low || Number(res.affectedRows) === 0) return;
        const count = await em.query("SELECT COUNT(*) AS n FROM notification WHERE developer_id = ? AND kind = 'BALANCE_LOW'", [r.developer_id]);
        const id = await this.notifications.notify(em, r.developer_id, NotificationKind.BALANCE_LOW, null, `Your balance is ${r.balance} yuan, below the ${r.threshold} yuan you asked to be told about. Recharge to keep bills paid.`, {
          linkId: r.developer_id,
          dedupeKey: `BALANCE_LOW:${Number(count[0].n) + 1}`,
          data: { balance: r.balance, threshold: r.threshold },
        });
        if (id) written++;
      });
    }
    return written;
  }
}

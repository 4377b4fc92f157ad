import { DataSource, EntityManager, In, LessThanOrEqual } from 'typeorm';
import { Clock } from '../../domain/common/clock';
import { NotificationStatus } from '../../domain/market/market.enums';
import { afterFailure } from '../../domain/market/production.rule';
import { MAX_OUTBOUND_ATTEMPTS, nextAttemptDelayMs, signWebhook } from '../../domain/notification/webhook-signature';
import { MarketNotificationEntity, MarketProductEntity, OutboundAttemptEntity, OutboundMessageEntity, WebhookEndpointEntity } from '../../db/entities';
import { SecretBox } from '../common/secret-box';
import { MessageSender } from './message-sender';

/** What an outbound HTTP call answered (with the start of its body), or why it got no answer (in words a developer can act on). */
export type PostOutcome = { kind: 'ANSWERED'; status: number; body?: string } | { kind: 'TIMEOUT' | 'REFUSED' | 'NETWORK'; detail: string };

/** The product's one outbound HTTP path (the public-address guard sits behind it). */
export interface OutboundPoster {
  post(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<PostOutcome>;
}

export const WEBHOOK_TIMEOUT_MS = 5_000;
/** How long a provider's production endpoint may take to answer a notification. */
export const PRODUCTION_TIMEOUT_MS = 10_000;

export type OutboundChannel = OutboundMessageEntity['channel'];

/** What one pass delivered: attempts, and how they ended. */
export interface DispatchReport {
  attempted: number;
  delivered: number;
  /** Failed and scheduled again. */
  failed: number;
  /** Failed for the last time (the channel's attempt limit). */
  stopped: number;
}

/**
 * The outbox row of a market production notification, written in the transaction that writes the
 * notification (an order, a release): due at once, delivered by this service like any message.
 */
export async function enqueueProductionNotification(em: EntityManager, n: MarketNotificationEntity): Promise<void> {
  await em.insert(OutboundMessageEntity, {
    channel: 'PRODUCTION',
    developerId: n.providerId,
    endpointId: null,
    notificationId: null,
    kind: `PRODUCTION_${n.action}`,
    target: '',
    payload: {},
    status: 'PENDING',
    attempts: n.totalAttempts,
    nextAttemptAt: n.nextAttemptAt,
    createdAt: n.createdAt ?? new Date(),
    marketNotificationId: n.id,
  } as never);
}
/** How long a claimed message stays invisible to other workers while one delivers it. */
const CLAIM_LEASE_MS = 60_000;
const BATCH = 50;

export const webhookSecretContext = (endpointId: string) => `webhook:${endpointId}`;

/** One attempt's result, before the channel's retry rule decides what comes next. */
interface AttemptOutcome {
  ok: boolean;
  kind: string;
  status: number | null;
  detail: string;
}

/**
 * The product's one outbound delivery mechanism: webhooks, email, SMS and the market's production
 * notifications are all outbox rows (`outbound_message`) delivered here at least once. Claims due
 * messages with `FOR UPDATE SKIP LOCKED` and a lease (so several servers share the work), delivers
 * outside any transaction through the guarded outbound client, logs each attempt
 * (`outbound_attempt`), and retries with the channel's backoff until its limit, then stops:
 * webhooks, email and SMS 16 attempts (`nextAttemptDelayMs`); production notifications 120 failures
 * since the provider's last reset (DOMAIN §7, `afterFailure`), their record (`market_notification`:
 * error count, total attempts, last error) updated in the attempt's transaction.
 */
export class OutboundService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly poster: OutboundPoster,
    private readonly sender: MessageSender,
    private readonly secrets: SecretBox,
  ) {}

  /** One pass over the due messages (of these channels; all when omitted); returns how many were attempted. */
  async dispatchDue(channels?: readonly OutboundChannel[]): Promise<number> {
    return (await this.dispatchDueReport(channels)).attempted;
  }

  /** The same pass, reporting how the attempts ended. */
  async dispatchDueReport(channels?: readonly OutboundChannel[]): Promise<DispatchReport> {
    const report: DispatchReport = { attempted: 0, delivered: 0, failed: 0, stopped: 0 };
    for (const m of await this.claim(channels)) {
      const status = await this.attempt(m);
      report.attempted++;
      if (status === 'DELIVERED') report.delivered++;
      else if (status === 'STOPPED') report.stopped++;
      else report.failed++;
    }
    return report;
  }

  /** Messages not delivered, by state (the outbox metric). */
  async undeliveredCounts(): Promise<Record<'pending' | 'failing' | 'stopped', number>> {
    const rows: { status: string; failing: number | string; n: number | string }[] = await this.ds.query(
      // NOTE: webhook, email and SMS messages; production notifications have their own gauge (portal_market_notifications).
      "SELECT status, attempts > 0 AS failing, COUNT(*) AS n FROM outbound_message WHERE status IN ('PENDING', 'STOPPED') AND channel <> 'PRODUCTION' GROUP BY status, attempts > 0",
    );
    const counts = { pending: 0, failing: 0, stopped: 0 };
    for (const r of rows) {
      if (r.status === 'STOPPED') counts.stopped += Number(r.n);
      else if (Number(r.failing) === 1) counts.failing += Number(r.n);
      else counts.pending += Number(r.n);
    }
    return counts;
  }

  /** Delivers one message now (ping, replay), whatever its schedule. */
  async deliverNow(messageId: string): Promise<OutboundMessageEntity> {
    const m = await this.ds.manager.findOneByOrFail(OutboundMessageEntity, { id: messageId });
    await this.attempt(m);
    return this.ds.manager.findOneByOrFail(OutboundMessageEntity, { id: messageId });
  }

  private async claim(channels?: readonly OutboundChannel[]): Promise<OutboundMessageEntity[]> {
    const now = this.clock.now();
    return this.ds.transaction(async (em) => {
      const rows = await em.find(OutboundMessageEntity, {
        where: { status: 'PENDING', nextAttemptAt: LessThanOrEqual(now), ...(channels ? { channel: In([...channels]) } : {}) },
        order: { nextAttemptAt: 'ASC', id: 'ASC' },
        take: BATCH,
        lock: { mode: 'pessimistic_write', onLocked: 'skip_locked' },
      });
      if (rows.length > 0) await em.update(OutboundMessageEntity, { id: In(rows.map((r) => r.id)) }, { nextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_MS) });
      return rows;
    });
  }

  private async attempt(m: OutboundMessageEntity): Promise<OutboundMessageEntity['status']> {
    const started = Date.now();
    let outcome: AttemptOutcome;
    try {
      outcome = m.channel === 'WEBHOOK' ? await this.postWebhook(m) : m.channel === 'PRODUCTION' ? await this.postProduction(m) : await this.sendMessage(m);
    } catch (err) {
      outcome = { ok: false, kind: 'NETWORK', status: null, detail: 'delivery failed' };
      void err;
    }
    const now = this.clock.now();
    const attempts = m.attempts + 1;
    const status = await this.ds.transaction(async (em: EntityManager) => {
      await em.insert(OutboundAttemptEntity, { messageId: m.id, at: now, outcome: outcome.kind, httpStatus: outcome.status, durationMs: Date.now() - started, detail: outcome.detail.slice(0, 300) });
      const next = m.channel === 'PRODUCTION' ? await this.recordProduction(em, m, outcome, now) : this.retryRule(attempts, outcome, now);
      await em.update(OutboundMessageEntity, { id: m.id }, outcome.ok
        ? { status: 'DELIVERED', attempts, deliveredAt: now, nextAttemptAt: null, lastError: null }
        : { status: next.status, attempts, lastError: outcome.detail.slice(0, 300), nextAttemptAt: next.nextAttemptAt });
      return outcome.ok ? 'DELIVERED' : next.status;
    });
    m.attempts = attempts;
    return status;
  }

  /** Webhooks, email and SMS: 16 attempts, 30 s doubling up to 6 h apart. */
  private retryRule(attempts: number, outcome: AttemptOutcome, now: Date): { status: 'PENDING' | 'STOPPED'; nextAttemptAt: Date | null } {
    if (outcome.ok) return { status: 'PENDING', nextAttemptAt: null };
    const stop = attempts >= MAX_OUTBOUND_ATTEMPTS;
    return { status: stop ? 'STOPPED' : 'PENDING', nextAttemptAt: stop ? null : new Date(now.getTime() + nextAttemptDelayMs(attempts)) };
  }

  /**
   * A production notification's attempt on its record: delivered, or one more error (reset by the
   * provider) and the DOMAIN §7 rule: STOPPED at the 120th, else the next attempt after the backoff.
   */
  private async recordProduction(em: EntityManager, m: OutboundMessageEntity, outcome: AttemptOutcome, now: Date): Promise<{ status: 'PENDING' | 'STOPPED'; nextAttemptAt: Date | null }> {
    const n = await em.findOne(MarketNotificationEntity, { where: { id: m.marketNotificationId! }, lock: { mode: 'pessimistic_write' } });
    if (!n) return { status: 'STOPPED', nextAttemptAt: null };
    if (outcome.ok) {
      await em.update(MarketNotificationEntity, { id: n.id }, { status: NotificationStatus.DELIVERED, deliveredAt: now, lastAttemptAt: now, nextAttemptAt: null, totalAttempts: n.totalAttempts + 1 });
      return { status: 'PENDING', nextAttemptAt: null };
    }
    const errors = n.errors + 1;
    const next = afterFailure(errors, now);
    await em.update(MarketNotificationEntity, { id: n.id }, { status: next.status, errors, totalAttempts: n.totalAttempts + 1, lastError: outcome.detail.slice(0, 500), lastAttemptAt: now, nextAttemptAt: next.nextAttemptAt });
    return { status: next.status === NotificationStatus.STOPPED ? 'STOPPED' : 'PENDING', nextAttemptAt: next.nextAttemptAt };
  }

  /** POSTs a production notification as JSON to the product's current endpoint (no signature: the market's contract). */
  private async postProduction(m: OutboundMessageEntity): Promise<AttemptOutcome> {
    const n = m.marketNotificationId ? await this.ds.manager.findOneBy(MarketNotificationEntity, { id: m.marketNotificationId }) : null;
    if (!n) return { ok: false, kind: 'REFUSED', status: null, detail: 'the notification is gone' };
    const product = await this.ds.manager.findOne(MarketProductEntity, { where: { id: n.productId }, select: { id: true, endpointUrl: true } });
    if (!product?.endpointUrl) return { ok: false, kind: 'REFUSED', status: null, detail: 'the product has no production endpoint' };
    const res = await this.poster.post(
      product.endpointUrl,
      JSON.stringify(n.payload),
      { 'content-type': 'application/json', 'x-market-idempotency-key': n.idempotencyKey, 'x-market-attempt': String(n.totalAttempts + 1) },
      PRODUCTION_TIMEOUT_MS,
    );
    if (res.kind !== 'ANSWERED') return { ok: false, kind: res.kind, status: null, detail: res.detail };
    const ok = res.status >= 200 && res.status <= 299;
    // The provider reads this text: the status and the start of what its endpoint answered.
    return { ok, kind: ok ? 'DELIVERED' : 'HTTP_STATUS', status: res.status, detail: ok ? `answered ${res.status}` : `answered ${res.status}${res.body ? `: ${res.body.slice(0, 300)}` : ''}` };
  }

  private async postWebhook(m: OutboundMessageEntity): Promise<AttemptOutcome> {
    const endpoint = m.endpointId ? await this.ds.manager.findOneBy(WebhookEndpointEntity, { id: m.endpointId }) : null;
    if (!endpoint || !endpoint.active) return { ok: false, kind: 'REFUSED', status: null, detail: 'the endpoint was removed' };
    const secret = this.secrets.open(endpoint.secretSealed, webhookSecretContext(endpoint.id));
    const body = JSON.stringify({ deliveryId: m.id, ...m.payload });
    const t = Math.floor(this.clock.now().getTime() / 1000);
    const res = await this.poster.post(
      endpoint.url,
      body,
      { 'content-type': 'application/json', 'x-portal-signature': signWebhook(secret, t, body), 'x-portal-delivery': m.id, 'x-portal-event': m.kind, 'user-agent': 'open-platform-portal-webhooks/1' },
      WEBHOOK_TIMEOUT_MS,
    );
    if (res.kind === 'ANSWERED') return { ok: res.status >= 200 && res.status < 300, kind: res.status >= 200 && res.status < 300 ? 'DELIVERED' : 'HTTP_STATUS', status: res.status, detail: `answered ${res.status}` };
    return { ok: false, kind: res.kind, status: null, detail: res.detail };
  }

  private async sendMessage(m: OutboundMessageEntity): Promise<AttemptOutcome> {
    const p = m.payload as { title?: string; body?: string };
    const res = await this.sender.send({ channel: m.channel as 'EMAIL' | 'SMS', to: m.target, title: p.title ?? m.kind, body: p.body ?? '', idempotencyKey: `outbound:${m.id}` });
    return res.ok ? { ok: true, kind: 'DELIVERED', status: null, detail: `sent by ${this.sender.name}` } : { ok: false, kind: 'NETWORK', status: null, detail: res.detail };
  }
}

import { DataSource, EntityManager, In, LessThanOrEqual } from 'typeorm';
import { Clock } from '../../domain/common/clock';
import { MAX_OUTBOUND_ATTEMPTS, nextAttemptDelayMs, signWebhook } from '../../domain/notification/webhook-signature';
import { OutboundAttemptEntity, OutboundMessageEntity, WebhookEndpointEntity } from '../../db/entities';
import { SecretBox } from '../common/secret-box';
import { MessageSender } from './message-sender';

/** What an outbound HTTP call answered, or why it got no answer (in words a developer can act on). */
export type PostOutcome = { kind: 'ANSWERED'; status: number } | { kind: 'TIMEOUT' | 'REFUSED' | 'NETWORK'; detail: string };

/** The product's one outbound HTTP path (the public-address guard sits behind it). */
export interface OutboundPoster {
  post(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<PostOutcome>;
}

export const WEBHOOK_TIMEOUT_MS = 5_000;
/** How long a claimed message stays invisible to other workers while one delivers it. */
const CLAIM_LEASE_MS = 60_000;
const BATCH = 50;

export const webhookSecretContext = (endpointId: string) => `webhook:${endpointId}`;

/**
 * Delivers outbound messages (webhooks, email, SMS) at least once: claims due messages with
 * `FOR UPDATE SKIP LOCKED` (so several servers share the work), delivers outside any transaction,
 * logs each attempt, and retries with backoff until `MAX_OUTBOUND_ATTEMPTS`, then stops.
 */
export class OutboundService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly poster: OutboundPoster,
    private readonly sender: MessageSender,
    private readonly secrets: SecretBox,
  ) {}

  /** One pass over the due messages; returns how many were attempted. */
  async dispatchDue(): Promise<number> {
    const claimed = await this.claim();
    for (const m of claimed) await this.attempt(m);
    return claimed.length;
  }

  /** Messages not delivered, by state (the outbox metric). */
  async undeliveredCounts(): Promise<Record<'pending' | 'failing' | 'stopped', number>> {
    const rows: { status: string; failing: number | string; n: number | string }[] = await this.ds.query(
      "SELECT status, attempts > 0 AS failing, COUNT(*) AS n FROM outbound_message WHERE status IN ('PENDING', 'STOPPED') GROUP BY status, attempts > 0",
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

  private async claim(): Promise<OutboundMessageEntity[]> {
    const now = this.clock.now();
    return this.ds.transaction(async (em) => {
      const rows = await em.find(OutboundMessageEntity, {
        where: { status: 'PENDING', nextAttemptAt: LessThanOrEqual(now) },
        order: { nextAttemptAt: 'ASC', id: 'ASC' },
        take: BATCH,
        lock: { mode: 'pessimistic_write', onLocked: 'skip_locked' },
      });
      if (rows.length > 0) await em.update(OutboundMessageEntity, { id: In(rows.map((r) => r.id)) }, { nextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_MS) });
      return rows;
    });
  }

  private async attempt(m: OutboundMessageEntity): Promise<void> {
    const started = Date.now();
    let outcome: { ok: boolean; kind: string; status: number | null; detail: string };
    try {
      outcome = m.channel === 'WEBHOOK' ? await this.postWebhook(m) : await this.sendMessage(m);
    } catch (err) {
      outcome = { ok: false, kind: 'NETWORK', status: null, detail: 'delivery failed' };
      void err;
    }
    const now = this.clock.now();
    const attempts = m.attempts + 1;
    await this.ds.transaction(async (em: EntityManager) => {
      await em.insert(OutboundAttemptEntity, { messageId: m.id, at: now, outcome: outcome.kind, httpStatus: outcome.status, durationMs: Date.now() - started, detail: outcome.detail.slice(0, 300) });
      if (outcome.ok) {
        await em.update(OutboundMessageEntity, { id: m.id }, { status: 'DELIVERED', attempts, deliveredAt: now, nextAttemptAt: null, lastError: null });
      } else {
        const stop = attempts >= MAX_OUTBOUND_ATTEMPTS;
        await em.update(OutboundMessageEntity, { id: m.id }, {
          status: stop ? 'STOPPED' : 'PENDING',
          attempts,
          lastError: outcome.detail.slice(0, 300),
          nextAttemptAt: stop ? null : new Date(now.getTime() + nextAttemptDelayMs(attempts)),
        });
      }
    });
    m.attempts = attempts;
  }

  private async postWebhook(m: OutboundMessageEntity) {
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

  private async sendMessage(m: OutboundMessageEntity) {
    const p = m.payload as { title?: string; body?: string };
    const res = await this.sender.send({ channel: m.channel as 'EMAIL' | 'SMS', to: m.target, title: p.title ?? m.kind, body: p.body ?? '', idempotencyKey: `outbound:${m.id}` });
    return res.ok ? { ok: true, kind: 'DELIVERED', status: null, detail: `sent by ${this.sender.name}` } : { ok: false, kind: 'NETWORK', status: null, detail: res.detail };
  }
}

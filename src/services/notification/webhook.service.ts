import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { DataSource, In, LessThan } from 'typeorm';
import { Clock } from '../../domain/common/clock';
import { invalidInput, ok, Result } from '../../domain/common/result';
import { violation } from '../../domain/common/violation';
import { KIND_SPECS, NotificationKind } from '../../domain/notification/notification-kind';
import { DeveloperEntity, OutboundAttemptEntity, OutboundMessageEntity, WebhookEndpointEntity } from '../../db/entities';
import { AuditService } from '../audit/audit.service';
import { change } from '../common/change';
import { notFound } from '../common/errors';
import { Viewer } from '../../domain/common/role';
import { checkEndpointCount, MAX_WEBHOOK_ENDPOINTS } from '../../domain/notification/notification-settings.rule';
import { SecretBox } from '../common/secret-box';
import { OutboundService, webhookSecretContext } from './outbound.service';

/** Whether a URL may receive deliveries: null when it may, else what the developer can act on ("not a public address"). */
export interface EndpointChecker {
  refusal(url: string): Promise<string | null>;
  /** Development and test hosts fixed by configuration may take plain http (a local receiver has no certificate). */
  isConfiguredTestHost(hostname: string): boolean;
}

/** At most 5 active endpoints per developer: the rule lives in notification-settings.rule.ts. */
export { MAX_WEBHOOK_ENDPOINTS };

/** A created or rotated endpoint with its signing secret: the only answer that ever shows the secret. */
export interface EndpointWithSecret {
  readonly endpoint: WebhookEndpointEntity;
  readonly secret: string;
}

const newSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;
const isId = (id: string) => /^\d{1,20}$/.test(id);

/** A developer's webhook endpoints and their delivery log (docs/notifications.md). */
export class WebhookService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly secrets: SecretBox,
    private readonly checker: EndpointChecker,
    private readonly outbound: OutboundService,
    private readonly audit: AuditService,
  ) {}

  async register(viewer: Viewer, url: string): Promise<Result<EndpointWithSecret>> {
    const developerId = viewer.subjectId!;
    const problem = await this.urlProblem(url);
    if (problem) return invalidInput([problem]);
    return change(this.ds, this.audit, {
      actor: viewer,
      action: 'registerWebhookEndpoint',
      lock: async (em) => {
        // Serialise a developer's registrations so the endpoint limit holds under concurrency.
        await em.findOne(DeveloperEntity, { where: { id: developerId }, lock: { mode: 'pessimistic_write' } });
        return em.countBy(WebhookEndpointEntity, { developerId, active: 1 });
      },
      rule: (active) => checkEndpointCount(active),
      before: () => null,
      save: async (em) => {
        const secret = newSecret();
        const res = await em.insert(WebhookEndpointEntity, { developerId, url, secretSealed: 'pending', active: 1, createdAt: this.clock.now(), secretRotatedAt: null });
        const id = String(res.identifiers[0].id);
        await em.update(WebhookEndpointEntity, { id }, { secretSealed: this.secrets.seal(secret, webhookSecretContext(id)) });
        return ok({ endpoint: await em.findOneByOrFail(WebhookEndpointEntity, { id }), secret });
      },
      // The entry names the endpoint, never its secret.
      audit: (_n, { endpoint }) => ({ entityType: 'WebhookEndpoint', entityId: endpoint.id, after: { url: endpoint.url, active: true } }),
    });
  }

  async list(developerId: string): Promise<WebhookEndpointEntity[]> {
    return this.ds.manager.find(WebhookEndpointEntity, { where: { developerId, active: 1 }, order: { id: 'ASC' } });
  }

  /** A new signing secret at once; the old one stops signing (deliveries after this use the new one). */
  async rotateSecret(viewer: Viewer, endpointId: string): Promise<EndpointWithSecret> {
    const developerId = viewer.subjectId!;
    const rotated = await change(this.ds, this.audit, {
      actor: viewer,
      action: 'rotateWebhookSecret',
      lock: async (em) => {
        const endpoint = isId(endpointId) ? await em.findOne(WebhookEndpointEntity, { where: { id: endpointId, developerId, active: 1 }, lock: { mode: 'pessimistic_write' } }) : null;
        if (!endpoint) throw notFound('Webhook endpoint', endpointId);
        return endpoint;
      },
      // An active endpoint of the developer's may always be rotated.
      rule: () => ok(newSecret()),
      before: (endpoint) => ({ secretRotatedAt: endpoint.secretRotatedAt }),
      save: async (em, endpoint, secret) => {
        await em.update(WebhookEndpointEntity, { id: endpoint.id }, { secretSealed: this.secrets.seal(secret, webhookSecretContext(endpoint.id)), secretRotatedAt: this.clock.now() });
        return ok({ endpoint: await em.findOneByOrFail(WebhookEndpointEntity, { id: endpoint.id }), secret });
      },
      audit: (_e, { endpoint }) => ({ entityType: 'WebhookEndpoint', entityId: endpoint.id, after: { secretRotatedAt: endpoint.secretRotatedAt } }),
    });
    if (!rotated.ok) throw new Error(`rotateWebhookSecret refused: ${rotated.refusal.kind}`);
    return rotated.value;
  }

  /** Stops deliveries to the endpoint; its pending messages stop too. Its log stays readable. */
  async remove(viewer: Viewer, endpointId: string): Promise<WebhookEndpointEntity> {
    const developerId = viewer.subjectId!;
    const removed = await change(this.ds, this.audit, {
      actor: viewer,
      action: 'removeWebhookEndpoint',
      lock: async (em) => {
        const endpoint = isId(endpointId) ? await em.findOne(WebhookEndpointEntity, { where: { id: endpointId, developerId, active: 1 }, lock: { mode: 'pessimistic_write' } }) : null;
        if (!endpoint) throw notFound('Webhook endpoint', endpointId);
        return endpoint;
      },
      // An active endpoint of the developer's may always be removed.
      rule: () => ok(true),
      before: (endpoint) => ({ url: endpoint.url, active: true }),
      save: async (em, endpoint) => {
        await em.update(WebhookEndpointEntity, { id: endpoint.id }, { active: 0 });
        await em.update(OutboundMessageEntity, { endpointId: endpoint.id, status: 'PENDING' }, { status: 'STOPPED', lastError: 'the endpoint was removed', nextAttemptAt: null });
        return ok(await em.findOneByOrFail(WebhookEndpointEntity, { id: endpoint.id }));
      },
      audit: (_e, endpoint) => ({ entityType: 'WebhookEndpoint', entityId: endpoint.id, after: { url: endpoint.url, active: false } }),
    });
    if (!removed.ok) throw new Error(`removeWebhookEndpoint refused: ${removed.refusal.kind}`);
    return removed.value;
  }

  /** The endpoint's deliveries, newest first, with their attempts. */
  async deliveries(developerId: string, endpointId: string, limit: number, beforeId: string | null) {
    const endpoint = await this.own(developerId, endpointId, true);
    const rows = await this.ds.manager.find(OutboundMessageEntity, {
      where: beforeId ? { endpointId: endpoint.id, id: LessThan(beforeId) } : { endpointId: endpoint.id },
      order: { id: 'DESC' },
      take: limit + 1,
    });
    const page = rows.slice(0, limit);
    const attempts = page.length ? await this.ds.manager.find(OutboundAttemptEntity, { where: { messageId: In(page.map((r) => r.id)) }, order: { id: 'ASC' } }) : [];
    const byMessage = new Map<string, OutboundAttemptEntity[]>();
    for (const a of attempts) (byMessage.get(a.messageId) ?? byMessage.set(a.messageId, []).get(a.messageId)!).push(a);
    return { rows: page.map((m) => ({ message: m, attempts: byMessage.get(m.id) ?? [] })), hasNextPage: rows.length > limit, totalCount: await this.ds.manager.countBy(OutboundMessageEntity, { endpointId: endpoint.id }) };
  }

  async delivery(developerId: string, deliveryId: string) {
    const m = isId(deliveryId) ? await this.ds.manager.findOneBy(OutboundMessageEntity, { id: deliveryId, developerId, channel: 'WEBHOOK' }) : null;
    if (!m) throw notFound('Webhook delivery', deliveryId);
    return { message: m, attempts: await this.ds.manager.find(OutboundAttemptEntity, { where: { messageId: m.id }, order: { id: 'ASC' } }) };
  }

  /** Sends a signed test event to the endpoint now and answers with the logged delivery. */
  async ping(developerId: string, endpointId: string) {
    const endpoint = await this.own(developerId, endpointId);
    const now = this.clock.now();
    const payload = { kind: NotificationKind.WEBHOOK_PING, title: KIND_SPECS.WEBHOOK_PING.title, body: 'A test delivery you asked for.', link: { type: 'WEBHOOK_ENDPOINT', id: endpoint.id }, appId: null, data: {}, createdAt: now.toISOString() };
    const res = await this.ds.manager.insert(OutboundMessageEntity, { channel: 'WEBHOOK', developerId, endpointId: endpoint.id, notificationId: null, kind: NotificationKind.WEBHOOK_PING, target: endpoint.url, payload, status: 'PENDING', attempts: 0, nextAttemptAt: null, createdAt: now } as never);
    await this.outbound.deliverNow(String(res.identifiers[0].id));
    return this.delivery(developerId, String(res.identifiers[0].id));
  }

  /** Delivers one past delivery again, as a new delivery (same payload, fresh signature), now. */
  async replay(developerId: string, deliveryId: string) {
    const { message } = await this.delivery(developerId, deliveryId);
    const endpoint = message.endpointId ? await this.own(developerId, message.endpointId) : null;
    if (!endpoint) throw notFound('Webhook delivery', deliveryId);
    const res = await this.ds.manager.insert(OutboundMessageEntity, {
      channel: 'WEBHOOK',
      developerId,
      endpointId: endpoint.id,
      notificationId: message.notificationId,
      kind: message.kind,
      target: endpoint.url,
      payload: message.payload,
      status: 'PENDING',
      attempts: 0,
      nextAttemptAt: null,
      replayOf: message.id,
      createdAt: this.clock.now(),
    } as never);
    await this.outbound.deliverNow(String(res.identifiers[0].id));
    return this.delivery(developerId, String(res.identifiers[0].id));
  }

  private async own(developerId: string, endpointId: string, includeRemoved = false): Promise<WebhookEndpointEntity> {
    const endpoint = isId(endpointId) ? await this.ds.manager.findOneBy(WebhookEndpointEntity, includeRemoved ? { id: endpointId, developerId } : { id: endpointId, developerId, active: 1 }) : null;
    if (!endpoint) throw notFound('Webhook endpoint', endpointId);
    return endpoint;
  }

  private async urlProblem(url: string) {
    if ([...url].length > 500) return violation('url', 'TOO_LONG', 'url is at most 500 characters');
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return violation('url', 'NOT_A_URL', 'url is not a URL');
    }
    const plainAllowed = parsed.protocol === 'http:' && this.checker.isConfiguredTestHost(parsed.hostname);
    if (parsed.protocol !== 'https:' && !plainAllowed) return violation('url', 'NOT_HTTPS', 'webhook endpoints must be https');
    if (parsed.username || parsed.password) return violation('url', 'CREDENTIALS_IN_URL', 'url may not carry a user name or password');
    if (isIP(parsed.hostname.replace(/^\[|\]$/g, '')) !== 0) return violation('url', 'NOT_A_DOMAIN', 'url must name a host, not an IP address');
    const refusal = await this.checker.refusal(url);
    return refusal ? violation('url', 'NOT_DELIVERABLE', refusal) : null;
  }
}

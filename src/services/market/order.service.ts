import { enqueueProductionNotification } from '../notification/outbound.service';
import { isNumericId } from '../../domain/common/ids';
import Decimal from 'decimal.js';
import { DataSource, EntityManager, LessThanOrEqual } from 'typeorm';
import { Clock } from '../../domain/common/clock';
import { insufficientBalance, invalidInput, ok, Result } from '../../domain/common/result';
import { LedgerKind } from '../../billing/billing.enums';
import { ensureAccounts, lockAccounts, post } from '../billing/ledger';
import { isStaff, Viewer } from '../../domain/common/role';
import { violation } from '../../domain/common/violation';
import { BillingCycle, NotificationAction, OrderType, ProductStatus, PurchaseKind, SubscriptionStatus } from '../../domain/market/market.enums';
import { moneyString } from '../../domain/market/money';
import { subscriptionStatusAt } from '../../domain/market/production.rule';
import { Quote, quote, Selection } from '../../domain/market/quote.rule';
import { OrderPlan, planNewOrder, planRenewal, planUpgradeOrder } from '../../domain/market/order-placement.rule';
import { UpgradeCharge } from '../../domain/market/upgrade.rule';
import {
  DeveloperEntity,
  MarketNotificationEntity,
  MarketOrderEntity,
  MarketProductEntity,
  MarketSubscriptionEntity,
  MarketUpgradeRuleEntity,
  MarketVersionEntity,
} from '../../db/entities';
import { OrderLineRecord } from '../../db/entities/market/market-order.entity';
import { AuditService } from '../audit/audit.service';
import { change, UNCHANGED } from '../common/change';
import { notFound } from '../common/errors';
import { LoadedVersion, loadVersion } from './market-load';

export interface QuoteInput {
  versionId: string;
  cycle: BillingCycle;
  length: number;
  purchase?: PurchaseKind | null;
  quantities?: { code: string; quantity: number }[] | null;
  choices?: { code: string; value: string }[] | null;
}

export interface PlaceOrderInput {
  type: OrderType;
  /** NEW: the version bought; UPGRADE: the target (default: the subscribed version). */
  versionId?: string | null;
  /** RENEW and UPGRADE: the subscription. */
  subscriptionId?: string | null;
  cycle?: BillingCycle | null;
  length?: number | null;
  quantities?: { code: string; quantity: number }[] | null;
  choices?: { code: string; value: string }[] | null;
  trial?: boolean | null;
  buyerPhone?: string | null;
  buyerEmail?: string | null;
  /** The buyer's key for the order (issue 18): a retry with the same key answers the same order, charged once. */
  idempotencyKey?: string | null;
}

const ORDER_KEY_RE = /^[A-Za-z0-9._:-]{1,100}$/;

/** What `placeOrder` locked and loaded, by order type. */
type OrderLock =
  | { kind: 'UNREGISTERED' }
  | { kind: 'MISSING_VERSION' }
  | { kind: 'REPEAT'; order: MarketOrderEntity; subscription: MarketSubscriptionEntity }
  | { kind: 'NEW'; buyer: DeveloperEntity; target: LoadedVersion; trialUsed: boolean; now: Date }
  | { kind: 'RENEW'; buyer: DeveloperEntity; sub: MarketSubscriptionEntity; target: LoadedVersion; now: Date }
  | { kind: 'UPGRADE'; buyer: DeveloperEntity; sub: MarketSubscriptionEntity; current: LoadedVersion; target: LoadedVersion; rules: MarketUpgradeRuleEntity[]; now: Date };

export interface QuoteResult {
  quote: Quote;
  product: MarketProductEntity;
  versionCode: string;
}

export interface PlacedOrder {
  order: MarketOrderEntity;
  subscription: MarketSubscriptionEntity;
  upgrade: UpgradeCharge | null;
}


/** Quotes, orders (NEW, RENEW, UPGRADE, trials), subscriptions and their expiry. */
export class MarketOrderService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /** Prices a selection, a line per part. The product must be visible to the viewer. */
  async quote(viewer: Viewer, input: QuoteInput): Promise<Result<QuoteResult>> {
    const loaded = await loadVersion(this.ds.manager, input.versionId);
    this.assertBuyable(viewer, loaded);
    const r = quote(loaded.priced, loaded.product.saleMode, selectionOf(input));
    return r.ok ? ok({ quote: r.value, product: loaded.product, versionCode: loaded.version.code }) : r;
  }

  async listOwnSubscriptions(buyerId: string): Promise<MarketSubscriptionEntity[]> {
    return this.ds.getRepository(MarketSubscriptionEntity).find({ where: { buyerId }, order: { id: 'DESC' } });
  }

  async listOwnOrders(buyerId: string): Promise<MarketOrderEntity[]> {
    return this.ds.getRepository(MarketOrderEntity).find({ where: { buyerId }, order: { id: 'DESC' } });
  }

  /**
   * Records an order, updates the subscription and queues the production notification, in one
   * change (`change()`): the buyer's row and the subscription locked, the pure order rule
   * (`order-placement.rule.ts`), the writes, the audit entry. A balance that cannot cover the
   * charge, found while saving under the account's lock, refuses and rolls back.
   */
  async placeOrder(viewer: Viewer, input: PlaceOrderInput): Promise<Result<PlacedOrder>> {
    const buyerId = viewer.subjectId!;
    const key = input.idempotencyKey ?? null;
    if (key !== null && !ORDER_KEY_RE.test(key)) return invalidInput([violation('idempotencyKey', 'BAD_KEY', '1 to 100 of A-Z a-z 0-9 . _ : -')]);
    return change(this.ds, this.audit, {
      actor: viewer,
      action: 'placeOrder',
      lock: async (em): Promise<OrderLock> => {
        // The buyer's row is locked so one buyer's orders serialise (a trial is taken once; a retried key finds its order).
        const buyer = await em.findOne(DeveloperEntity, { where: { id: buyerId }, lock: { mode: 'pessimistic_write' } });
        if (!buyer) return { kind: 'UNREGISTERED' };
        const done = key !== null ? await em.findOneBy(MarketOrderEntity, { buyerId, idempotencyKey: key }) : null;
        if (done) return { kind: 'REPEAT', order: done, subscription: await em.findOneByOrFail(MarketSubscriptionEntity, { id: done.subscriptionId }) };
        return this.lockForOrder(em, viewer, buyer, input);
      },
      rule: (l) => {
        switch (l.kind) {
          case 'UNREGISTERED':
            return invalidInput<OrderPlan | null>([violation('developer', 'NOT_REGISTERED', 'register your developer account (registerDeveloper) first')]);
          case 'MISSING_VERSION':
            return invalidInput<OrderPlan | null>([violation('versionId', 'REQUIRED', 'a NEW order names the version')]);
          case 'REPEAT':
            return ok(null);
          case 'NEW':
            return planNewOrder({ product: l.target.product, version: l.target.version, priced: l.target.priced, trialUsed: l.trialUsed, now: l.now }, input);
          case 'RENEW':
            return planRenewal({ sub: l.sub, saleMode: l.target.product.saleMode, priced: l.target.priced, now: l.now }, input.length);
          case 'UPGRADE':
            return planUpgradeOrder({ sub: l.sub, saleMode: l.current.product.saleMode, current: l.current, target: l.target, rules: l.rules, now: l.now }, input);
        }
      },
      before: (l) => (l.kind === 'RENEW' || l.kind === 'UPGRADE' ? { subscription: { ...l.sub } } : null),
      save: async (em, l, plan): Promise<Result<PlacedOrder>> => {
        if (l.kind === 'REPEAT') return ok({ order: l.order, subscription: l.subscription, upgrade: null });
        if (plan === null || !(l.kind === 'NEW' || l.kind === 'RENEW' || l.kind === 'UPGRADE')) throw new Error('an order plan for a placed order');
        const { product, version } = l.target;
        let sub: MarketSubscriptionEntity;
        if (l.kind === 'NEW') {
          sub = await em.save(
            em.create(MarketSubscriptionEntity, {
              buyerId,
              productId: product.id,
              versionId: version.id,
              cycle: plan.cycle,
              trial: plan.trial,
              quantities: [...plan.quantities],
              choices: [...plan.choices],
              startsAt: l.now,
              expiresAt: plan.expiresAt ?? null,
              status: SubscriptionStatus.ACTIVE,
            }),
          );
        } else {
          sub = l.sub;
          if (plan.expiresAt !== undefined) sub.expiresAt = plan.expiresAt;
          sub.status = SubscriptionStatus.ACTIVE;
          if (l.kind === 'UPGRADE') {
            sub.versionId = version.id;
            sub.quantities = [...plan.quantities];
            sub.choices = [...plan.choices];
          }
          await em.save(sub);
        }
        const type = l.kind === 'NEW' ? OrderType.NEW : l.kind === 'RENEW' ? OrderType.RENEW : OrderType.UPGRADE;
        return this.record(em, { buyer: l.buyer, product, version, sub, type, trial: plan.trial, length: plan.length, amount: plan.amount, lines: [...plan.lines], input, upgrade: plan.upgrade });
      },
      audit: (l, placed) =>
        l.kind === 'REPEAT' ? UNCHANGED : { entityType: 'MarketOrder', entityId: placed.order.id, after: { order: placed.order, subscription: placed.subscription } },
    });
  }

  /** Locks and loads what an order of `input.type` is checked against (NOT_FOUND for a missing or foreign id). */
  private async lockForOrder(em: EntityManager, viewer: Viewer, buyer: DeveloperEntity, input: PlaceOrderInput): Promise<OrderLock> {
    const now = this.clock.now();
    switch (input.type) {
      case OrderType.NEW: {
        if (!input.versionId) return { kind: 'MISSING_VERSION' };
        const target = await loadVersion(em, input.versionId);
        this.assertBuyable(viewer, target);
        const trialUsed = input.trial === true && (await em.existsBy(MarketSubscriptionEntity, { buyerId: buyer.id, versionId: target.version.id, trial: true }));
        return { kind: 'NEW', buyer, target, trialUsed, now };
      }
      case OrderType.RENEW: {
        const sub = await this.lockOwnSubscription(em, buyer.id, input.subscriptionId);
        // Hidden versions stay renewable (004 §4.2.3 b), so the version's visibility is not checked here.
        return { kind: 'RENEW', buyer, sub, target: await loadVersion(em, sub.versionId), now };
      }
      case OrderType.UPGRADE: {
        const sub = await this.lockOwnSubscription(em, buyer.id, input.subscriptionId);
        return { kind: 'UPGRADE', buyer, sub, ...(await this.loadUpgrade(em, sub, input)), now };
      }
    }
  }

  /** Previews an upgrade of the buyer's subscription: the charge, line by line. Nothing is written (nothing is locked). */
  async quoteUpgrade(viewer: Viewer, input: PlaceOrderInput): Promise<Result<UpgradeCharge>> {
    const em = this.ds.manager;
    const sub = await this.lockOwnSubscription(em, viewer.subjectId!, input.subscriptionId, false);
    const ends = await this.loadUpgrade(em, sub, input);
    const planned = planUpgradeOrder({ sub, saleMode: ends.current.product.saleMode, ...ends, now: this.clock.now() }, input);
    return planned.ok ? ok(planned.value.upgrade!) : planned;
  }

  /** The versions an upgrade of `sub` goes from and to, and the product's upgrade rules. */
  private async loadUpgrade(em: EntityManager, sub: MarketSubscriptionEntity, input: PlaceOrderInput): Promise<{ current: LoadedVersion; target: LoadedVersion; rules: MarketUpgradeRuleEntity[] }> {
    const current = await loadVersion(em, sub.versionId);
    const target = input.versionId && input.versionId !== sub.versionId ? await loadVersion(em, input.versionId) : current;
    if (target.product.id !== sub.productId) throw notFound('MarketVersion', input.versionId!);
    return { current, target, rules: await em.findBy(MarketUpgradeRuleEntity, { productId: sub.productId }) };
  }

  /** Writes the order and its production notification (same transaction: an order is never left un-notified). */
  private async record(
    em: EntityManager,
    o: {
      buyer: DeveloperEntity;
      product: MarketProductEntity;
      version: MarketVersionEntity;
      sub: MarketSubscriptionEntity;
      type: OrderType;
      trial: boolean;
      length: number;
      amount: Decimal;
      lines: OrderLineRecord[];
      input: PlaceOrderInput;
      upgrade: UpgradeCharge | null;
    },
  ): Promise<Result<PlacedOrder>> {
    // Issue 18: a paid order is charged to the buyer's prepaid balance; one that the balance cannot cover is refused (and rolled back).
    const charge = moneyString(o.amount);
    let account = null;
    if (new Decimal(charge).gt(0)) {
      await ensureAccounts(em, [o.buyer.id]);
      [account] = await lockAccounts(em, [o.buyer.id]);
      if (new Decimal(account.balance).lt(charge)) {
        const available = new Decimal(account.balance).toFixed(2);
        return insufficientBalance(charge, available, new Decimal(charge).minus(available).toFixed(2));
      }
    }
    const order = await em.save(
      em.create(MarketOrderEntity, {
        idempotencyKey: o.input.idempotencyKey ?? null,
        // The service clock dates the order (the sales view counts it in its Beijing month).
        createdAt: this.clock.now(),
        buyerId: o.buyer.id,
        productId: o.product.id,
        versionId: o.version.id,
        subscriptionId: o.sub.id,
        type: o.type,
        trial: o.trial,
        cycle: o.sub.cycle,
        length: o.length,
        quantities: o.sub.quantities,
        choices: o.sub.choices,
        amount: moneyString(o.amount),
        lines: o.lines,
        buyerPhone: o.product.needsBuyerPhone ? (o.input.buyerPhone?.trim() ?? null) : null,
        buyerEmail: o.product.needsBuyerEmail ? (o.input.buyerEmail?.trim() ?? null) : null,
      }),
    );
    if (account) {
      // One ledger entry per order: its key makes a second charge of the same order impossible.
      await post(em, account, [{ kind: LedgerKind.MARKET_ORDER, amount: new Decimal(charge).neg().toFixed(2), entryKey: `MARKET_ORDER:${order.id}`, note: `market order ${order.id}: ${o.type} ${o.product.name}`.slice(0, 300) }]);
    }
    const action = o.type as unknown as NotificationAction;
    const notification = await em.save(
      em.create(MarketNotificationEntity, {
      idempotencyKey: `order-${order.id}`,
      providerId: o.product.providerId,
      productId: o.product.id,
      subscriptionId: o.sub.id,
      orderId: order.id,
      action,
      payload: productionPayload({ key: `order-${order.id}`, action, buyer: o.buyer, order, product: o.product, version: o.version, sub: o.sub }),
      nextAttemptAt: this.clock.now(),
      }),
    );
    await enqueueProductionNotification(em, notification);
    return ok({ order: await em.findOneByOrFail(MarketOrderEntity, { id: order.id }), subscription: o.sub, upgrade: o.upgrade });
  }

  /**
   * The expiry worker: ACTIVE subscriptions past their expiry close; 7 days after expiry they are
   * RELEASED and the provider is told to release them (a RELEASE notification). Idempotent.
   */
  async runExpiry(): Promise<{ closed: number; released: number }> {
    const now = this.clock.now();
    let closed = 0;
    let released = 0;
    const due = await this.ds.getRepository(MarketSubscriptionEntity).find({
      where: [
        { status: SubscriptionStatus.ACTIVE, expiresAt: LessThanOrEqual(now) },
        { status: SubscriptionStatus.CLOSED, expiresAt: LessThanOrEqual(new Date(now.getTime() - 7 * 86_400_000)) },
      ],
      select: { id: true },
      take: 500,
    });
    for (const { id } of due) {
      await this.ds.transaction(async (em) => {
        const sub = await em.findOne(MarketSubscriptionEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
        if (!sub || sub.expiresAt === null) return;
        const next = subscriptionStatusAt(sub.expiresAt, now);
        if (next === sub.status) return;
        if (sub.status === SubscriptionStatus.ACTIVE) closed++;
        sub.status = next;
        await em.save(sub);
        if (next === SubscriptionStatus.RELEASED) {
          released++;
          const product = await em.findOneByOrFail(MarketProductEntity, { id: sub.productId });
          const version = await em.findOneByOrFail(MarketVersionEntity, { id: sub.versionId });
          const buyer = await em.findOneByOrFail(DeveloperEntity, { id: sub.buyerId });
          const key = `release-${sub.id}`;
          // The subscription's lock serialises this check with any other worker.
          if (await em.existsBy(MarketNotificationEntity, { idempotencyKey: key })) return;
          const notification = await em.save(
            em.create(MarketNotificationEntity, {
              idempotencyKey: key,
              providerId: product.providerId,
              productId: product.id,
              subscriptionId: sub.id,
              orderId: null,
              action: NotificationAction.RELEASE,
              payload: productionPayload({ key, action: NotificationAction.RELEASE, buyer, order: null, product, version, sub }),
              nextAttemptAt: now,
            }),
          );
          await enqueueProductionNotification(em, notification);
        }
      });
    }
    return { closed, released };
  }

  /** Buyers see listed, visible products; providers and staff see their own / all. Others: NOT_FOUND. */
  private assertBuyable(viewer: Viewer, { product, version }: LoadedVersion): void {
    const mine = product.providerId === viewer.subjectId || isStaff(viewer);
    if (!mine && !(product.status === ProductStatus.LISTED && product.visible)) throw notFound('MarketVersion', version.id);
  }

  private async lockOwnSubscription(em: EntityManager, buyerId: string, id: string | null | undefined, lock = true): Promise<MarketSubscriptionEntity> {
    const sub = id && isNumericId(id) ? await em.findOne(MarketSubscriptionEntity, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) }) : null;
    if (!sub || sub.buyerId !== buyerId) throw notFound('MarketSubscription', id ?? '');
    return sub;
  }
}

function selectionOf(input: QuoteInput): Selection {
  return {
    cycle: input.cycle,
    length: input.length,
    purchase: input.purchase ?? PurchaseKind.NEW,
    quantities: (input.quantities ?? []).map((q) => ({ code: q.code, quantity: q.quantity })),
    choices: (input.choices ?? []).map((c) => ({ code: c.code, value: c.value })),
  };
}

/** The body POSTed to the provider's production endpoint (docs/market.md documents it). */
function productionPayload(p: {
  key: string;
  action: NotificationAction;
  buyer: DeveloperEntity;
  order: MarketOrderEntity | null;
  product: MarketProductEntity;
  version: MarketVersionEntity;
  sub: MarketSubscriptionEntity;
}): Record<string, unknown> {
  // A null prototype: a parameter code is letters and underscores, so "__proto__" is a valid code and must stay a key.
  const parameters: Record<string, string | number> = Object.create(null);
  for (const q of p.sub.quantities) parameters[q.code] = q.quantity;
  for (const c of p.sub.choices) parameters[c.code] = c.value;
  return {
    idempotencyKey: p.key,
    action: p.action,
    orderId: p.order?.id ?? null,
    orderType: p.order?.type ?? null,
    trial: p.sub.trial,
    buyer: {
      id: p.buyer.id,
      name: p.buyer.name,
      ...(p.product.needsBuyerPhone ? { phone: p.order?.buyerPhone ?? null } : {}),
      ...(p.product.needsBuyerEmail ? { email: p.order?.buyerEmail ?? null } : {}),
    },
    product: { id: p.product.id, name: p.product.name },
    subscriptionId: p.sub.id,
    versionCode: p.version.code,
    parameters,
    cycle: p.sub.cycle,
    length: p.order?.length ?? null,
    amount: p.order?.amount ?? null,
    expiresAt: p.sub.expiresAt ? p.sub.expiresAt.toISOString() : null,
  };
}

import { enqueueProductionNotification } from '../notification/outbound.service';
import { KeysetPage, KeyValue, pageByKeyset, SortKey } from '../common/pagination';
import { isNumericId } from '../../domain/common/ids';
import Decimal from 'decimal.js';
import { DataSource, EntityManager, LessThanOrEqual } from 'typeorm';
import { Clock } from '../../domain/common/clock';
import { insufficientBalance, invalidInput, ok, Result } from '../../domain/common/result';
import { LedgerKind } from '../../billing/billing.enums';
import { ensureAccounts, lockAccounts, post } from '../billing/ledger';
import { isStaff, Viewer } from '../../domain/common/role';
import { Violation, violation } from '../../domain/common/violation';
import { BillingCycle, NotificationAction, OrderType, ProductStatus, PurchaseKind, SaleMode, SubscriptionStatus } from '../../domain/market/market.enums';
import { moneyString } from '../../domain/market/money';
import { subscriptionStatusAt } from '../../domain/market/production.rule';
import { Quote, quote, Selection } from '../../domain/market/quote.rule';
import { termEnd, trialEnd } from '../../domain/market/term.rule';
import { checkBuyable, checkRenewable, checkUpgradable } from '../../domain/market/order.rule';
import { checkUpgrade, remainingDays, upgradeCharge, UpgradeCharge } from '../../domain/market/upgrade.rule';
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

/** Thrown inside an order's transaction when the balance does not cover it: the transaction rolls back, the caller answers the refusal. */
class ShortBalance extends Error {
  constructor(
    readonly required: string,
    readonly available: string,
  ) {
    super('short balance');
  }
}

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

const PHONE_RE = /^\+?[0-9][0-9 -]{5,28}$/;
const EMAIL_RE = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;

/** Quotes, orders (NEW, RENEW, UPGRADE, trials), subscriptions and their expiry. */
/** A buyer's subscriptions and orders: newest id first. */
export const SUBSCRIPTION_ORDER: SortKey<MarketSubscriptionEntity>[] = [{ sql: 's.id', dir: 'DESC', kind: 'number', of: (s) => Number(s.id) }];
export const ORDER_ORDER: SortKey<MarketOrderEntity>[] = [{ sql: 'o.id', dir: 'DESC', kind: 'number', of: (o) => Number(o.id) }];

export class MarketOrderService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Prices a selection, a line per part. The product must be visible to the viewer. */
  async quote(viewer: Viewer, input: QuoteInput): Promise<Result<QuoteResult>> {
    const loaded = await loadVersion(this.ds.manager, input.versionId);
    this.assertBuyable(viewer, loaded);
    const r = quote(loaded.priced, loaded.product.saleMode, selectionOf(input));
    return r.ok ? ok({ quote: r.value, product: loaded.product, versionCode: loaded.version.code }) : r;
  }

  /** One page of the buyer's subscriptions, newest first (keyset in SQL). */
  pageOwnSubscriptions(buyerId: string, limit: number, after: KeyValue[] | null): Promise<KeysetPage<MarketSubscriptionEntity>> {
    return pageByKeyset(this.ds.getRepository(MarketSubscriptionEntity).createQueryBuilder('s').where('s.buyer_id = :buyerId', { buyerId }), SUBSCRIPTION_ORDER, limit, after);
  }

  /** One page of the buyer's orders, newest first (keyset in SQL). */
  pageOwnOrders(buyerId: string, limit: number, after: KeyValue[] | null): Promise<KeysetPage<MarketOrderEntity>> {
    return pageByKeyset(this.ds.getRepository(MarketOrderEntity).createQueryBuilder('o').where('o.buyer_id = :buyerId', { buyerId }), ORDER_ORDER, limit, after);
  }

  /** Records an order, updates the subscription and queues the production notification, in one transaction. */
  async placeOrder(viewer: Viewer, input: PlaceOrderInput): Promise<Result<PlacedOrder>> {
    const buyerId = viewer.subjectId!;
    const key = input.idempotencyKey ?? null;
    if (key !== null && !ORDER_KEY_RE.test(key)) return invalidInput([violation('idempotencyKey', 'BAD_KEY', '1 to 100 of A-Z a-z 0-9 . _ : -')]);
    try {
      return await this.ds.transaction(async (em) => {
        // The buyer's row is locked so one buyer's orders serialise (a trial is taken once; a retried key finds its order).
        const buyer = await em.findOne(DeveloperEntity, { where: { id: buyerId }, lock: { mode: 'pessimistic_write' } });
        if (!buyer) return invalidInput<PlacedOrder>([violation('developer', 'NOT_REGISTERED', 'register your developer account (registerDeveloper) first')]);
        if (key !== null) {
          const done = await em.findOneBy(MarketOrderEntity, { buyerId, idempotencyKey: key });
          if (done) return ok({ order: done, subscription: await em.findOneByOrFail(MarketSubscriptionEntity, { id: done.subscriptionId }), upgrade: null });
        }
        return this.placeLocked(em, viewer, buyer, input);
      });
    } catch (err) {
      if (err instanceof ShortBalance) return insufficientBalance(err.required, err.available, new Decimal(err.required).minus(err.available).toFixed(2));
      throw err;
    }
  }

  private async placeLocked(em: EntityManager, viewer: Viewer, buyer: DeveloperEntity, input: PlaceOrderInput): Promise<Result<PlacedOrder>> {
    switch (input.type) {
      case OrderType.NEW:
        return this.placeNew(em, viewer, buyer, input);
      case OrderType.RENEW:
        return this.placeRenew(em, buyer, input);
      case OrderType.UPGRADE:
        return this.placeUpgrade(em, buyer, input);
    }
  }

  private async placeNew(em: EntityManager, viewer: Viewer, buyer: DeveloperEntity, input: PlaceOrderInput): Promise<Result<PlacedOrder>> {
    if (!input.versionId) return invalidInput([violation('versionId', 'REQUIRED', 'a NEW order names the version')]);
    const loaded = await loadVersion(em, input.versionId);
    this.assertBuyable(viewer, loaded);
    const { product, version } = loaded;
    const violations: Violation[] = [];
    const buyable = checkBuyable(product.status);
    if (!buyable.ok) return buyable;
    if (version.hidden) violations.push(violation('versionId', 'VERSION_HIDDEN', 'a hidden version cannot be bought (its holders may still renew)'));
    violations.push(...contactViolations(product, input));
    const now = this.clock.now();
    const trial = input.trial === true;
    const cycle = input.cycle ?? (product.saleMode === SaleMode.ONE_TIME ? BillingCycle.ONE_TIME : BillingCycle.MONTH);
    const sel = selectionOf({ versionId: version.id, cycle, length: trial ? 1 : (input.length ?? 1), purchase: PurchaseKind.NEW, quantities: input.quantities, choices: input.choices });
    if (trial) {
      if (product.saleMode === SaleMode.ONE_TIME) violations.push(violation('trial', 'TRIAL_NOT_ALLOWED', 'ONE_TIME products have no trial'));
      else if (version.trialDays === null) violations.push(violation('trial', 'TRIAL_NOT_OFFERED', `version "${version.name}" offers no trial`));
      else if (await em.existsBy(MarketSubscriptionEntity, { buyerId: buyer.id, versionId: version.id, trial: true })) {
        violations.push(violation('trial', 'TRIAL_ALREADY_USED', 'a buyer tries a version once'));
      }
    }
    const priced = quote(loaded.priced, product.saleMode, sel);
    if (!priced.ok) return priced.refusal.kind === 'INVALID_INPUT' ? invalidInput([...violations, ...priced.refusal.violations]) : priced;
    if (violations.length > 0) return invalidInput(violations);

    const expiresAt = trial ? trialEnd(now, version.trialDays!) : termEnd(now, cycle, sel.length);
    const sub = await em.save(
      em.create(MarketSubscriptionEntity, {
        buyerId: buyer.id,
        productId: product.id,
        versionId: version.id,
        cycle,
        trial,
        quantities: sel.quantities.map((q) => ({ code: q.code, quantity: q.quantity })),
        choices: sel.choices.map((c) => ({ code: c.code, value: c.value })),
        startsAt: now,
        expiresAt,
        status: SubscriptionStatus.ACTIVE,
      }),
    );
    const lines: OrderLineRecord[] = trial
      ? [{ key: 'TRIAL', description: `${version.name}: ${version.trialDays}-day trial`, amount: '0.00' }]
      : priced.value.lines.map((l) => ({ key: l.code ?? 'BASE', description: l.description, amount: moneyString(l.amount) }));
    const amount = trial ? new Decimal(0) : priced.value.total;
    return ok(await this.record(em, { buyer, product, version, sub, type: OrderType.NEW, trial, length: trial ? 0 : sel.length, amount, lines, input, upgrade: null }));
  }

  private async placeRenew(em: EntityManager, buyer: DeveloperEntity, input: PlaceOrderInput): Promise<Result<PlacedOrder>> {
    const sub = await this.lockOwnSubscription(em, buyer.id, input.subscriptionId);
    const now = this.clock.now();
    const renewable = checkRenewable(sub, now);
    if (!renewable.ok) return renewable;
    // Hidden versions stay renewable (004 §4.2.3 b), so the version's visibility is not checked here.
    const loaded = await loadVersion(em, sub.versionId);
    const sel = selectionOf({ versionId: sub.versionId, cycle: sub.cycle, length: input.length ?? 1, purchase: PurchaseKind.RENEWAL, quantities: sub.quantities, choices: sub.choices });
    const priced = quote(loaded.priced, loaded.product.saleMode, sel);
    if (!priced.ok) return priced;
    const from = sub.expiresAt! > now ? sub.expiresAt! : now;
    sub.expiresAt = termEnd(from, sub.cycle, sel.length);
    sub.status = SubscriptionStatus.ACTIVE;
    await em.save(sub);
    const lines = priced.value.lines.map((l) => ({ key: l.code ?? 'BASE', description: l.description, amount: moneyString(l.amount) }));
    return ok(await this.record(em, { buyer, product: loaded.product, version: loaded.version, sub, type: OrderType.RENEW, trial: false, length: sel.length, amount: priced.value.total, lines, input, upgrade: null }));
  }

  /** Previews an upgrade of the buyer's subscription: the charge, line by line. Nothing is written. */
  async quoteUpgrade(viewer: Viewer, input: PlaceOrderInput): Promise<Result<UpgradeCharge>> {
    return this.ds.transaction(async (em) => {
      const sub = await this.lockOwnSubscription(em, viewer.subjectId!, input.subscriptionId, false);
      const priced = await this.priceUpgrade(em, sub, input);
      return priced.ok ? ok(priced.value.charge) : priced;
    });
  }

  /** Checks an upgrade of `sub` and prices it for the remaining period. */
  private async priceUpgrade(
    em: EntityManager,
    sub: MarketSubscriptionEntity,
    input: PlaceOrderInput,
  ): Promise<Result<{ charge: UpgradeCharge; target: LoadedVersion; quantities: Selection['quantities']; choices: Selection['choices'] }>> {
    const now = this.clock.now();
    const upgradable = checkUpgradable(sub, now);
    if (!upgradable.ok) return upgradable;
    const current = await loadVersion(em, sub.versionId);
    const target = input.versionId && input.versionId !== sub.versionId ? await loadVersion(em, input.versionId) : current;
    if (target.product.id !== sub.productId) throw notFound('MarketVersion', input.versionId!);
    const rules = await em.findBy(MarketUpgradeRuleEntity, { productId: sub.productId });
    const quantities = input.quantities ?? sub.quantities;
    const choices = input.choices ?? sub.choices;
    const violations = checkUpgrade({
      fromVersionId: current.version.id,
      fromHidden: current.version.hidden,
      toVersionId: target.version.id,
      toHidden: target.version.hidden,
      rules,
      currentQuantities: sub.quantities,
      currentChoices: sub.choices,
      targetQuantities: quantities,
      targetChoices: choices,
    });
    if (violations.length > 0) return invalidInput(violations);
    const saleMode = current.product.saleMode;
    const one = (loaded: LoadedVersion, q: Selection['quantities'], c: Selection['choices']) =>
      quote(loaded.priced, saleMode, { cycle: sub.cycle, length: 1, purchase: PurchaseKind.NEW, quantities: q, choices: c });
    const tgt = one(target, quantities, choices);
    if (!tgt.ok) return tgt;
    const cur = one(current, sub.quantities, sub.choices);
    if (!cur.ok) return cur;
    const charge = upgradeCharge(cur.value, tgt.value, sub.cycle, sub.expiresAt ? remainingDays(now, sub.expiresAt) : 0);
    return ok({ charge, target, quantities, choices });
  }

  private async placeUpgrade(em: EntityManager, buyer: DeveloperEntity, input: PlaceOrderInput): Promise<Result<PlacedOrder>> {
    const sub = await this.lockOwnSubscription(em, buyer.id, input.subscriptionId);
    const priced = await this.priceUpgrade(em, sub, input);
    if (!priced.ok) return priced;
    const { charge, target, quantities, choices } = priced.value;
    sub.versionId = target.version.id;
    sub.quantities = quantities.map((q) => ({ code: q.code, quantity: q.quantity }));
    sub.choices = choices.map((c) => ({ code: c.code, value: c.value }));
    await em.save(sub);
    const lines = charge.lines.map((l) => ({ key: l.key, description: l.description, current: moneyString(l.current), target: moneyString(l.target), amount: moneyString(l.difference) }));
    return ok(
      await this.record(em, { buyer, product: target.product, version: target.version, sub, type: OrderType.UPGRADE, trial: false, length: 0, amount: charge.charged, lines, input, upgrade: charge }),
    );
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
  ): Promise<PlacedOrder> {
    // Issue 18: a paid order is charged to the buyer's prepaid balance; one that the balance cannot cover is refused (ShortBalance rolls back).
    const charge = moneyString(o.amount);
    let account = null;
    if (new Decimal(charge).gt(0)) {
      await ensureAccounts(em, [o.buyer.id]);
      [account] = await lockAccounts(em, [o.buyer.id]);
      if (new Decimal(account.balance).lt(charge)) throw new ShortBalance(charge, new Decimal(account.balance).toFixed(2));
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
    return { order: await em.findOneByOrFail(MarketOrderEntity, { id: order.id }), subscription: o.sub, upgrade: o.upgrade };
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

function contactViolations(product: MarketProductEntity, input: PlaceOrderInput): Violation[] {
  const out: Violation[] = [];
  if (product.needsBuyerPhone && !PHONE_RE.test(input.buyerPhone?.trim() ?? '')) out.push(violation('buyerPhone', 'REQUIRED', "the provider needs the buyer's phone number"));
  if (product.needsBuyerEmail && !EMAIL_RE.test(input.buyerEmail?.trim() ?? '')) out.push(violation('buyerEmail', 'REQUIRED', "the provider needs the buyer's email address"));
  return out;
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

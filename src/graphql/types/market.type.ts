import { Money } from './money.scalar';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import {
  MarketNotificationEntity,
  MarketOrderEntity,
  MarketProductEntity,
  MarketSubscriptionEntity,
  MarketUpgradeRuleEntity,
  MarketVersionEntity,
} from '../../db/entities';
import { BillingItem } from '../../domain/market/billing-item.rule';
import {
  BillingCycle,
  BillingItemKind,
  NotificationAction,
  NotificationStatus,
  OrderType,
  ProductStatus,
  PurchaseKind,
  SaleMode,
  SubscriptionStatus,
} from '../../domain/market/market.enums';
import { moneyString } from '../../domain/market/money';
import { PriceSet } from '../../domain/market/price-set.rule';
import { Quote } from '../../domain/market/quote.rule';
import { subscriptionStatusAt } from '../../domain/market/production.rule';
import { UpgradeCharge } from '../../domain/market/upgrade.rule';

const m = (v: string | null | undefined): string | null => (v === null || v === undefined || v === '' ? null : moneyString(v));

@ObjectType('PriceSet', { simpleResolvers: true, description: 'Prices in yuan as decimal strings. BY_CYCLE: month/year new and renewal; ONE_TIME: oneTime.' })
export class PriceSetType {
  @Field(() => Money, { nullable: true }) monthNew: string | null;
  @Field(() => Money, { nullable: true }) monthRenew: string | null;
  @Field(() => Money, { nullable: true }) yearNew: string | null;
  @Field(() => Money, { nullable: true }) yearRenew: string | null;
  @Field(() => Money, { nullable: true }) oneTime: string | null;

  static from(p: PriceSet): PriceSetType {
    return Object.assign(new PriceSetType(), { monthNew: m(p.monthNew), monthRenew: m(p.monthRenew), yearNew: m(p.yearNew), yearRenew: m(p.yearRenew), oneTime: m(p.oneTime) });
  }
}

@ObjectType('QuantityTier', { simpleResolvers: true, description: 'Volume tier: from this many units on, every unit costs these prices' })
export class QuantityTierType {
  @Field(() => Int) from: number;
  @Field(() => PriceSetType) prices: PriceSetType;
}

@ObjectType('EnumValue', { simpleResolvers: true })
export class EnumValueType {
  @Field(() => String) value: string;
  @Field(() => PriceSetType) prices: PriceSetType;
}

@ObjectType('BillingItem', { simpleResolvers: true, description: 'An extra billing item of a version (QUANTITY or ENUM)' })
export class BillingItemType {
  @Field(() => String, { description: 'Parameter code sent to the production endpoint' }) code: string;
  @Field(() => String) name: string;
  @Field(() => BillingItemKind) kind: BillingItemKind;
  @Field(() => String, { nullable: true }) unit: string | null;
  @Field(() => Int, { nullable: true }) minimum: number | null;
  @Field(() => [QuantityTierType]) tiers: QuantityTierType[];
  @Field(() => [EnumValueType]) values: EnumValueType[];

  static from(i: BillingItem): BillingItemType {
    return Object.assign(new BillingItemType(), {
      code: i.code,
      name: i.name,
      kind: i.kind,
      unit: i.unit ?? null,
      minimum: i.minimum ?? null,
      tiers: (i.tiers ?? []).map((t) => Object.assign(new QuantityTierType(), { from: t.from, prices: PriceSetType.from(t.prices) })),
      values: (i.values ?? []).map((v) => Object.assign(new EnumValueType(), { value: v.value, prices: PriceSetType.from(v.prices) })),
    });
  }
}

@ObjectType('MarketVersion', { description: 'A version (edition) of a market product' })
export class MarketVersionType {
  @Field(() => ID) id: string;
  @Field(() => String, { description: "Generated; the provider's production system identifies the version by it" }) code: string;
  @Field(() => String) name: string;
  @Field(() => Int) displayOrder: number;
  @Field(() => Boolean) hidden: boolean;
  @Field(() => Int, { nullable: true, description: 'BY_CYCLE only: 1–180 days' }) trialDays: number | null;
  @Field(() => PriceSetType) prices: PriceSetType;
  productId: string;

  static from(v: MarketVersionEntity): MarketVersionType {
    return Object.assign(new MarketVersionType(), {
      id: v.id,
      code: v.code,
      name: v.name,
      displayOrder: v.displayOrder,
      hidden: v.hidden,
      trialDays: v.trialDays,
      prices: PriceSetType.from(v),
      productId: v.productId,
    });
  }
}

@ObjectType('MarketUpgradeRule', { simpleResolvers: true, description: 'An operator-configured upgrade path' })
export class MarketUpgradeRuleType {
  @Field(() => ID) fromVersionId: string;
  @Field(() => ID) toVersionId: string;
  @Field(() => String, { description: 'PROVIDER or OPERATOR: who set it (an operator rule overrides the provider)' }) setByRole: string;

  static from(r: MarketUpgradeRuleEntity): MarketUpgradeRuleType {
    return Object.assign(new MarketUpgradeRuleType(), { fromVersionId: r.fromVersionId, toVersionId: r.toVersionId, setByRole: r.setByRole });
  }
}

@ObjectType('MarketProduct', { description: 'A SaaS product on the cloud market (DOMAIN §7)' })
export class MarketProductType {
  @Field(() => ID) id: string;
  @Field(() => String) name: string;
  @Field(() => SaleMode) saleMode: SaleMode;
  @Field(() => Boolean) visible: boolean;
  @Field(() => Boolean) needsBuyerPhone: boolean;
  @Field(() => Boolean) needsBuyerEmail: boolean;
  @Field(() => ProductStatus) status: ProductStatus;
  @Field(() => Date, { nullable: true }) submittedAt: Date | null;
  @Field(() => Date, { nullable: true }) listedAt: Date | null;
  providerId: string;
  endpoint: string | null;

  static from(p: MarketProductEntity): MarketProductType {
    return Object.assign(new MarketProductType(), {
      id: p.id,
      name: p.name,
      saleMode: p.saleMode,
      visible: p.visible,
      needsBuyerPhone: p.needsBuyerPhone,
      needsBuyerEmail: p.needsBuyerEmail,
      status: p.status,
      submittedAt: p.submittedAt,
      listedAt: p.listedAt,
      providerId: p.providerId,
      endpoint: p.endpointUrl,
    });
  }
}

@ObjectType('QuoteLine', { simpleResolvers: true, description: 'quantity × unitPrice × length = amount' })
export class QuoteLineType {
  @Field(() => String, { description: 'BASE, QUANTITY or ENUM' }) part: string;
  @Field(() => String, { nullable: true }) code: string | null;
  @Field(() => String) description: string;
  @Field(() => Int) quantity: number;
  @Field(() => Money) unitPrice: string;
  @Field(() => Int) length: number;
  @Field(() => Money) amount: string;
}

@ObjectType('Quote', { simpleResolvers: true })
export class QuoteType {
  @Field(() => ID) productId: string;
  @Field(() => String) versionCode: string;
  @Field(() => [QuoteLineType]) lines: QuoteLineType[];
  @Field(() => Money) total: string;

  static from(productId: string, versionCode: string, q: Quote): QuoteType {
    return Object.assign(new QuoteType(), {
      productId,
      versionCode,
      lines: q.lines.map((l) =>
        Object.assign(new QuoteLineType(), { part: l.part, code: l.code, description: l.description, quantity: l.quantity, unitPrice: moneyString(l.unitPrice), length: l.length, amount: moneyString(l.amount) }),
      ),
      total: moneyString(q.total),
    });
  }
}

@ObjectType('QuantitySelection', { simpleResolvers: true })
export class QuantitySelectionType {
  @Field(() => String) code: string;
  @Field(() => Int) quantity: number;
}

@ObjectType('ChoiceSelection', { simpleResolvers: true })
export class ChoiceSelectionType {
  @Field(() => String) code: string;
  @Field(() => String) value: string;
}

@ObjectType('MarketSubscription', { simpleResolvers: true })
export class MarketSubscriptionType {
  @Field(() => ID) id: string;
  @Field(() => ID) productId: string;
  @Field(() => ID) versionId: string;
  @Field(() => BillingCycle) cycle: BillingCycle;
  @Field(() => Boolean) trial: boolean;
  @Field(() => [QuantitySelectionType]) quantities: QuantitySelectionType[];
  @Field(() => [ChoiceSelectionType]) choices: ChoiceSelectionType[];
  @Field(() => Date) startsAt: Date;
  @Field(() => Date, { nullable: true, description: 'Null for ONE_TIME purchases' }) expiresAt: Date | null;
  @Field(() => SubscriptionStatus, { description: 'As of now: ACTIVE, CLOSED after expiry, RELEASED 7 days after expiry' }) status: SubscriptionStatus;

  static from(s: MarketSubscriptionEntity, now: Date): MarketSubscriptionType {
    return Object.assign(new MarketSubscriptionType(), {
      id: s.id,
      productId: s.productId,
      versionId: s.versionId,
      cycle: s.cycle,
      trial: s.trial,
      quantities: s.quantities,
      choices: s.choices,
      startsAt: s.startsAt,
      expiresAt: s.expiresAt,
      status: subscriptionStatusAt(s.expiresAt, now),
    });
  }
}

@ObjectType('OrderLine', { simpleResolvers: true, description: 'A line of an order; upgrades show the current and target price per cycle and the prorated difference' })
export class OrderLineType {
  @Field(() => String) key: string;
  @Field(() => String) description: string;
  @Field(() => String, { nullable: true }) current: string | null;
  @Field(() => String, { nullable: true }) target: string | null;
  @Field(() => Money) amount: string;
}

@ObjectType('UpgradeQuote', { simpleResolvers: true, description: 'An upgrade priced for the remaining period, part by part; charged = max(difference, 0.00)' })
export class UpgradeQuoteType {
  @Field(() => Int) remainingDays: number;
  @Field(() => Int, { description: 'Days of one cycle used for prorating: 30 (month), 365 (year), 1 (one-time)' }) cycleDays: number;
  @Field(() => Money, { description: 'Sum of the line differences; negative on a price inversion' }) difference: string;
  @Field(() => Money) charged: string;
  @Field(() => [OrderLineType]) lines: OrderLineType[];

  static from(c: UpgradeCharge): UpgradeQuoteType {
    return Object.assign(new UpgradeQuoteType(), {
      remainingDays: c.remainingDays,
      cycleDays: c.cycleDays,
      difference: moneyString(c.difference),
      charged: moneyString(c.charged),
      lines: c.lines.map((l) =>
        Object.assign(new OrderLineType(), { key: l.key, description: l.description, current: moneyString(l.current), target: moneyString(l.target), amount: moneyString(l.difference) }),
      ),
    });
  }
}

@ObjectType('MarketOrder')
export class MarketOrderType {
  @Field(() => ID) id: string;
  @Field(() => OrderType) type: OrderType;
  @Field(() => Boolean) trial: boolean;
  @Field(() => ID) productId: string;
  @Field(() => ID) versionId: string;
  @Field(() => ID) subscriptionId: string;
  @Field(() => BillingCycle) cycle: BillingCycle;
  @Field(() => Int) length: number;
  @Field(() => Money, { description: 'Charged, yuan; an upgrade difference is floored at 0.00' }) amount: string;
  @Field(() => Money, { nullable: true, description: 'UPGRADE: the unfloored sum of the line differences' }) difference: string | null;
  @Field(() => Int, { nullable: true, description: 'UPGRADE: days left in the term' }) remainingDays: number | null;
  @Field(() => [OrderLineType]) lines: OrderLineType[];
  @Field(() => Date) createdAt: Date;

  static from(o: MarketOrderEntity, upgrade?: { difference: { toFixed(n: number): string }; remainingDays: number } | null): MarketOrderType {
    return Object.assign(new MarketOrderType(), {
      id: o.id,
      type: o.type,
      trial: o.trial,
      productId: o.productId,
      versionId: o.versionId,
      subscriptionId: o.subscriptionId,
      cycle: o.cycle,
      length: o.length,
      amount: moneyString(o.amount),
      difference: upgrade ? upgrade.difference.toFixed(2) : null,
      remainingDays: upgrade ? upgrade.remainingDays : null,
      lines: o.lines.map((l) => Object.assign(new OrderLineType(), { key: l.key, description: l.description, current: l.current ?? null, target: l.target ?? null, amount: l.amount })),
      createdAt: o.createdAt,
    });
  }
}

@ObjectType('ProductionNotification', { simpleResolvers: true, description: "A notification to the provider's production endpoint" })
export class ProductionNotificationType {
  @Field(() => ID) id: string;
  @Field(() => String) idempotencyKey: string;
  @Field(() => NotificationAction) action: NotificationAction;
  @Field(() => NotificationStatus) status: NotificationStatus;
  @Field(() => ID) productId: string;
  @Field(() => ID) subscriptionId: string;
  @Field(() => ID, { nullable: true }) orderId: string | null;
  @Field(() => Int, { description: 'Failed attempts since the last reset; delivery stops at 120' }) errorCount: number;
  @Field(() => Int) totalAttempts: number;
  @Field(() => String, { nullable: true }) lastError: string | null;
  @Field(() => Date, { nullable: true }) lastAttemptAt: Date | null;
  @Field(() => Date, { nullable: true }) nextAttemptAt: Date | null;

  static from(n: MarketNotificationEntity): ProductionNotificationType {
    return Object.assign(new ProductionNotificationType(), {
      id: n.id,
      idempotencyKey: n.idempotencyKey,
      action: n.action,
      status: n.status,
      productId: n.productId,
      subscriptionId: n.subscriptionId,
      orderId: n.orderId,
      errorCount: n.errors,
      totalAttempts: n.totalAttempts,
      lastError: n.lastError,
      lastAttemptAt: n.lastAttemptAt,
      nextAttemptAt: n.nextAttemptAt,
    });
  }
}

// ---- inputs ----

@InputType('CreateMarketProductInput')
export class CreateMarketProductInput {
  @Field(() => String) name: string;
  @Field(() => SaleMode) saleMode: SaleMode;
  @Field(() => Boolean, { nullable: true }) visible?: boolean;
  @Field(() => Boolean, { nullable: true }) needsBuyerPhone?: boolean;
  @Field(() => Boolean, { nullable: true }) needsBuyerEmail?: boolean;
}

@InputType('UpdateMarketProductInput', { description: 'Only the fields given change; the sale mode never does' })
export class UpdateMarketProductInput {
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => Boolean, { nullable: true }) visible?: boolean;
  @Field(() => Boolean, { nullable: true }) needsBuyerPhone?: boolean;
  @Field(() => Boolean, { nullable: true }) needsBuyerEmail?: boolean;
}

@InputType('PriceSetInput', { description: 'Decimal strings, yuan, at most 2 decimals' })
export class PriceSetInput {
  @Field(() => Money, { nullable: true }) monthNew?: string | null;
  @Field(() => Money, { nullable: true }) monthRenew?: string | null;
  @Field(() => Money, { nullable: true }) yearNew?: string | null;
  @Field(() => Money, { nullable: true }) yearRenew?: string | null;
  @Field(() => Money, { nullable: true }) oneTime?: string | null;
}

@InputType('MarketVersionInput', { description: 'For updates, only the fields given change; trialDays: null removes the trial' })
export class MarketVersionInput {
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => Int, { nullable: true }) trialDays?: number | null;
  @Field(() => PriceSetInput, { nullable: true }) prices?: PriceSetInput;
}

@InputType('QuantityTierInput')
export class QuantityTierInput {
  @Field(() => Int) from: number;
  @Field(() => PriceSetInput) prices: PriceSetInput;
}

@InputType('EnumValueInput')
export class EnumValueInput {
  @Field(() => String) value: string;
  @Field(() => PriceSetInput) prices: PriceSetInput;
}

@InputType('BillingItemInput')
export class BillingItemInput {
  @Field(() => String) code: string;
  @Field(() => String) name: string;
  @Field(() => BillingItemKind) kind: BillingItemKind;
  @Field(() => String, { nullable: true }) unit?: string | null;
  @Field(() => Int, { nullable: true }) minimum?: number | null;
  @Field(() => [QuantityTierInput], { nullable: true }) tiers?: QuantityTierInput[] | null;
  @Field(() => [EnumValueInput], { nullable: true }) values?: EnumValueInput[] | null;
}

@InputType('QuantityInput')
export class QuantityInput {
  @Field(() => String) code: string;
  @Field(() => Int) quantity: number;
}

@InputType('ChoiceInput')
export class ChoiceInput {
  @Field(() => String) code: string;
  @Field(() => String) value: string;
}

@InputType('QuoteOrderInput')
export class QuoteOrderInput {
  @Field(() => ID) versionId: string;
  @Field(() => BillingCycle) cycle: BillingCycle;
  @Field(() => Int, { description: 'Months (1–11) or years (1–3); 1 for ONE_TIME' }) length: number;
  @Field(() => PurchaseKind, { nullable: true, description: 'NEW (default) or RENEWAL prices' }) purchase?: PurchaseKind;
  @Field(() => [QuantityInput], { nullable: true }) quantities?: QuantityInput[];
  @Field(() => [ChoiceInput], { nullable: true }) choices?: ChoiceInput[];
}

@InputType('PlaceOrderInput')
export class PlaceOrderInput {
  @Field(() => OrderType) type: OrderType;
  @Field(() => ID, { nullable: true, description: 'NEW: the version; UPGRADE: the target version (default: the subscribed one)' }) versionId?: string;
  @Field(() => ID, { nullable: true, description: 'RENEW and UPGRADE' }) subscriptionId?: string;
  @Field(() => BillingCycle, { nullable: true, description: 'NEW: MONTH or YEAR (BY_CYCLE), ONE_TIME' }) cycle?: BillingCycle;
  @Field(() => Int, { nullable: true, description: 'NEW and RENEW: months or years (default 1)' }) length?: number;
  @Field(() => [QuantityInput], { nullable: true }) quantities?: QuantityInput[];
  @Field(() => [ChoiceInput], { nullable: true }) choices?: ChoiceInput[];
  @Field(() => Boolean, { nullable: true, description: "NEW: start the version's trial (free)" }) trial?: boolean;
  @Field(() => String, { nullable: true, description: 'Required when the product needs the buyer phone' }) buyerPhone?: string;
  @Field(() => String, { nullable: true, description: 'Required when the product needs the buyer email' }) buyerEmail?: string;
  @Field(() => String, { nullable: true, description: "The buyer's key for this order ([A-Za-z0-9._:-], ≤ 100): a retry with the same key answers the same order, charged once" })
  idempotencyKey?: string;
}

@InputType('QuoteUpgradeInput')
export class QuoteUpgradeInput {
  @Field(() => ID) subscriptionId: string;
  @Field(() => ID, { nullable: true, description: 'The target version (default: the subscribed one, to scale up)' }) versionId?: string;
  @Field(() => [QuantityInput], { nullable: true, description: 'Default: the current quantities' }) quantities?: QuantityInput[];
  @Field(() => [ChoiceInput], { nullable: true, description: 'Default: the current choices' }) choices?: ChoiceInput[];
}

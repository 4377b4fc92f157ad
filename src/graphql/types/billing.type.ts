import { LocalDate } from './local-date.scalar';
import { Money } from './money.scalar';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { BillingPlatform, BillLineKindEnum, BillStatus, LedgerKind, PaymentMode } from '../../billing/billing.enums';
import { D } from '../../billing/money';
import { BillEntity, BillLineEntity, CouponPolicyEntity, LedgerEntryEntity, PriceListEntity, QualityDiscountEntity } from '../../db/entities';
import type { AccountView } from '../../services/billing/account.service';
import type { BillingRunReport } from '../../services/billing/billing-run.service';
import type { BillPreview } from '../../services/billing/bill-preview.service';
import type { CostEstimate } from '../../services/billing/cost-estimate.service';
import type { RatedLine } from '../../billing/rate-bill';
import { PageInfoType } from './connection.type';
import { ChargePricing, ChargePricingInput, chargePricingType } from './pricing.type';
import { BillKind } from '../../db/entities/bill.entity';
import { RerateReportType } from './bill-adjustment.type';

const money = (v: string) => new D(v).toFixed(2);

@ObjectType('BillLine', { simpleResolvers: true, description: 'One line as the rating engine made it (amounts in yuan, as strings)' })
export class BillLineType {
  @Field(() => Int)
  position: number;

  @Field(() => BillLineKindEnum)
  kind: BillLineKindEnum;

  @Field(() => String, { description: 'Charge code (e.g. DATA_SYNC_ORDERS), coupon code, or QUALITY_APP_DISCOUNT' })
  code: string;

  @Field(() => String)
  label: string;

  @Field(() => String, { description: 'Units priced: calls, orders, messages, relation-days; days for the package fee. On an adjustment bill: the change of units' })
  quantity: string;

  @Field(() => String, { description: 'e.g. "0.02/100" or the tiers' })
  unitPrice: string;

  @Field(() => String, { description: 'Exact amount before rounding' })
  preciseAmount: string;

  @Field(() => Money, { description: 'Rounded half-up to 0.01 yuan; negative for coupons and discounts' })
  amount: string;

  @Field(() => String, { description: 'e.g. "1,300,000 orders: 1,000,000 × 0.1/100 + 300,000 × 0.04/100 = 1120 → 1120.00"' })
  explanation: string;

  /** A line rated but not written (an estimate or a preview): positions count from 1, as on a bill. */
  static fromRated(l: RatedLine, index: number): BillLineType {
    return Object.assign(new BillLineType(), { position: index + 1, kind: l.kind, code: l.code, label: l.label, quantity: l.quantity, unitPrice: l.unitPrice, preciseAmount: l.preciseAmount, amount: l.amount, explanation: l.explanation });
  }

  static from(e: BillLineEntity): BillLineType {
    return Object.assign(new BillLineType(), {
      position: e.position,
      kind: e.kind,
      code: e.code,
      label: e.label,
      quantity: new D(e.quantity).toFixed(),
      unitPrice: e.unitPrice,
      preciseAmount: new D(e.preciseAmount).toFixed(),
      amount: money(e.amount),
      explanation: e.explanation,
    });
  }
}

@ObjectType('Bill', { description: 'One bill of one appkey for one period (Taobao: a Beijing day; Douyin: a month)' })
export class BillType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  appId: string;

  @Field(() => String)
  appkey: string;

  @Field(() => ID)
  developerId: string;

  @Field(() => BillingPlatform)
  platform: BillingPlatform;

  @Field(() => String, { description: '"2026-11-19" (Taobao) or "2026-10" (Douyin)' })
  period: string;

  @Field(() => LocalDate)
  periodStart: string;

  @Field(() => LocalDate)
  periodEnd: string;

  @Field(() => BillStatus)
  status: BillStatus;

  @Field(() => Money, { description: 'Sum of the rounded lines' })
  total: string;

  @Field(() => Money, { description: 'Coupon used (positive)' })
  couponTotal: string;

  @Field(() => ID)
  priceListId: string;

  @Field(() => LocalDate, { description: 'Beijing date the bill was issued; arrears age from it' })
  issuedOn: string;

  @Field(() => Date, { nullable: true })
  paidAt: Date | null;

  @Field(() => BillKind, { description: 'REGULAR (the period’s first bill) or ADJUSTMENT' })
  kind: BillKind;

  @Field(() => Int, { description: '0 for the period’s first bill; 1, 2 … for its adjustments' })
  sequence: number;

  @Field(() => ID, { nullable: true, description: 'An adjustment’s first bill of the period (which never changes)' })
  adjustsBillId: string | null;

  @Field(() => String, { nullable: true, description: 'Why an adjustment was made: LATE_USAGE (usage reported after the period was billed) or RERATE (an operator’s re-rate)' })
  adjustmentReason: string | null;

  static from(e: BillEntity): BillType {
    return Object.assign(new BillType(), {
      id: String(e.id),
      appId: String(e.appId),
      appkey: e.appkey,
      developerId: e.developerId,
      platform: e.platform,
      period: e.period,
      periodStart: e.periodStart,
      periodEnd: e.periodEnd,
      status: e.status,
      total: money(e.total),
      couponTotal: money(e.couponTotal),
      priceListId: e.priceListId,
      issuedOn: e.issuedOn,
      paidAt: e.paidAt,
      kind: e.kind ?? BillKind.REGULAR,
      sequence: Number(e.sequence ?? 0),
      adjustsBillId: e.adjustsBillId != null ? String(e.adjustsBillId) : null,
      adjustmentReason: e.adjustmentReason ?? null,
    });
  }
}

@ObjectType('BillEdge', { simpleResolvers: true })
export class BillEdgeType {
  @Field(() => String)
  cursor: string;

  @Field(() => BillType)
  node: BillType;
}

@ObjectType('BillConnection', { simpleResolvers: true })
export class BillConnectionType {
  @Field(() => [BillEdgeType])
  edges: BillEdgeType[];

  @Field(() => PageInfoType)
  pageInfo: PageInfoType;

  @Field(() => Int)
  totalCount: number;
}

@InputType('BillFilter')
export class BillFilterInput {
  @Field(() => ID, { nullable: true })
  appId?: string | null;

  @Field(() => BillingPlatform, { nullable: true })
  platform?: BillingPlatform | null;

  @Field(() => String, { nullable: true })
  period?: string | null;

  @Field(() => BillStatus, { nullable: true })
  status?: BillStatus | null;

  @Field(() => ID, { nullable: true, description: 'Staff only; ignored for developers' })
  developerId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: on a REQUESTED or ISSUED invoice; false: on none (with status PAID and platform DOUYIN: the bills a developer may invoice)' })
  invoiced?: boolean | null;
}

@ObjectType('BillingAccount', { simpleResolvers: true, description: "A developer's money: balance (= the ledger's sum), arrears, payment mode, deposit" })
export class BillingAccountType {
  @Field(() => ID, { description: "The developer's id: one account per developer" })
  id: string;

  @Field(() => ID)
  developerId: string;

  @Field(() => Money)
  balance: string;

  @Field(() => Money, { description: 'SUM of the ledger; always equals balance' })
  ledgerSum: string;

  @Field(() => Money, { description: 'Douyin deposit; old arrears are deducted from it' })
  deposit: string;

  @Field(() => PaymentMode)
  paymentMode: PaymentMode;

  @Field(() => String, { nullable: true })
  alipayAgreementNo: string | null;

  @Field(() => Boolean, { description: 'Operator-set: qualifying new ISV (new-ISV coupon)' })
  newIsv: boolean;

  @Field(() => Boolean, { description: 'Unpaid bills: charged API access is restricted' })
  inArrears: boolean;

  @Field(() => Money)
  unpaidTotal: string;

  @Field(() => Int)
  unpaidCount: number;

  static from(v: AccountView): BillingAccountType {
    return Object.assign(new BillingAccountType(), {
      id: v.account.developerId,
      developerId: v.account.developerId,
      balance: money(v.account.balance),
      ledgerSum: v.ledgerSum,
      deposit: money(v.account.deposit),
      paymentMode: v.account.paymentMode,
      alipayAgreementNo: v.account.alipayAgreementNo,
      newIsv: v.account.newIsv,
      inArrears: v.restrictedForArrears,
      unpaidTotal: v.unpaidTotal,
      unpaidCount: v.unpaidCount,
    });
  }
}

@ObjectType('LedgerEntry', { simpleResolvers: true })
export class LedgerEntryType {
  @Field(() => ID)
  id: string;

  @Field(() => LedgerKind)
  kind: LedgerKind;

  @Field(() => Money, { description: 'Signed yuan: + in, − out' })
  amount: string;

  @Field(() => ID, { nullable: true })
  billId: string | null;

  @Field(() => String)
  note: string;

  @Field(() => Date)
  createdAt: Date;

  static from(e: LedgerEntryEntity): LedgerEntryType {
    return Object.assign(new LedgerEntryType(), { id: String(e.id), kind: e.kind, amount: money(e.amount), billId: e.billId === null ? null : String(e.billId), note: e.note, createdAt: e.createdAt });
  }
}

@ObjectType('LedgerEdge', { simpleResolvers: true })
export class LedgerEdgeType {
  @Field(() => String)
  cursor: string;

  @Field(() => LedgerEntryType)
  node: LedgerEntryType;
}

@ObjectType('LedgerConnection', { simpleResolvers: true })
export class LedgerConnectionType {
  @Field(() => [LedgerEdgeType])
  edges: LedgerEdgeType[];

  @Field(() => PageInfoType)
  pageInfo: PageInfoType;
}

@ObjectType('AppMonthToDate', { simpleResolvers: true, description: 'An app’s bills so far this Beijing month, and (field estimate) an ESTIMATE of its usage not billed yet' })
export class AppMonthToDateType {
  @Field(() => String, { description: 'The Beijing month, YYYY-MM' })
  month: string;

  @Field(() => ID, { description: 'The app' })
  appId: string;

  @Field(() => String, { description: 'The app’s appkey' })
  appkey: string;

  @Field(() => BillingPlatform, { description: 'The platform profile of these bills' })
  platform: BillingPlatform;

  @Field(() => Int, { description: 'Bills issued for periods starting this month (0 when only unbilled usage is there so far)' })
  bills: number;

  @Field(() => Money, { description: 'Sum of those bills (yuan, 2 decimals): issued figures only, the estimate is apart' })
  total: string;

  @Field(() => Money, { description: 'The part of total not paid yet (yuan, 2 decimals)' })
  unpaid: string;

  /** Not a field: whose row it is (the estimate is looked up by developer). */
  developerId?: string;
}

@ObjectType('EstimatedPeriod', { simpleResolvers: true, description: 'ESTIMATE of one period not billed yet (a Taobao day, or the Douyin month so far): its usage rated as the billing run will rate it; not a bill' })
export class EstimatedPeriodType {
  @Field(() => String, { description: '"2026-11-19" (Taobao) or "2026-11" (Douyin)' })
  period: string;

  @Field(() => LocalDate, { description: 'First day of the period' })
  periodStart: string;

  @Field(() => LocalDate, { description: 'Last day of the period' })
  periodEnd: string;

  @Field(() => String, { description: 'The price list in force on the period’s first day, which rated it' })
  priceListId: string;

  @Field(() => Money, { description: 'Estimated total: the sum of the rounded lines (yuan, 2 decimals)' })
  total: string;

  @Field(() => [BillLineType], { description: 'The lines the bill would have with the usage reported so far' })
  lines: BillLineType[];
}

@ObjectType('CostEstimate', {
  simpleResolvers: true,
  description:
    'ESTIMATE, not a bill: the usage of this month’s periods with no bill yet (today included), rated with the price list in force on each day, its coupon and discount. With no usage reported after it, a period’s estimate is the figure of the bill its billing run writes.',
})
export class CostEstimateType {
  @Field(() => Boolean, { description: 'Always true: these figures are an estimate, not a bill' })
  isEstimate: boolean;

  @Field(() => Date, { description: 'When the estimate was made: usage reported later is not in it' })
  asOf: Date;

  @Field(() => Money, { description: 'Sum of the estimated periods (yuan, 2 decimals)' })
  total: string;

  @Field(() => [EstimatedPeriodType], { description: 'Each period not billed yet, oldest first (at most the days of one month)' })
  periods: EstimatedPeriodType[];

  static from(e: CostEstimate): CostEstimateType {
    return Object.assign(new CostEstimateType(), {
      isEstimate: true,
      asOf: e.asOf,
      total: e.total,
      periods: e.periods.map((p) =>
        Object.assign(new EstimatedPeriodType(), {
          period: p.period.key,
          periodStart: p.period.start,
          periodEnd: p.period.end,
          priceListId: p.priceListId!,
          total: p.bill!.total,
          lines: p.bill!.lines.map(BillLineType.fromRated),
        }),
      ),
    });
  }
}

@ObjectType('BillPreview', { simpleResolvers: true, description: 'A draft price list’s rating of one app’s real usage of one period, beside the bill as issued; nothing is written' })
export class BillPreviewType {
  @Field(() => ID, { description: 'The app' })
  appId: string;

  @Field(() => BillingPlatform, { description: 'The app’s platform profile, which decides the period’s shape' })
  platform: BillingPlatform;

  @Field(() => String, { description: '"2026-11-19" (Taobao) or "2026-10" (Douyin)' })
  period: string;

  @Field(() => LocalDate, { description: 'First day of the period' })
  periodStart: string;

  @Field(() => LocalDate, { description: 'Last day of the period' })
  periodEnd: string;

  @Field(() => Money, { description: 'Total under the draft: the sum of its rounded lines (yuan, 2 decimals)' })
  total: string;

  @Field(() => [BillLineType], { description: 'The lines under the draft, with the period’s own coupon and discount' })
  lines: BillLineType[];

  @Field(() => BillType, { nullable: true, description: 'The period’s first bill as issued (with its lines), or null when it is not billed yet' })
  issued: BillType | null;

  @Field(() => [BillType], { description: 'Adjustment bills of the period (late usage, re-rates), in sequence order' })
  adjustments: BillType[];

  @Field(() => Money, { nullable: true, description: 'What the period was billed in all: the first bill and its adjustments (yuan, 2 decimals); null without a bill' })
  issuedTotal: string | null;

  @Field(() => Money, { nullable: true, description: 'Draft total minus issuedTotal (yuan, 2 decimals, signed); null without a bill' })
  difference: string | null;

  static from(p: BillPreview): BillPreviewType {
    return Object.assign(new BillPreviewType(), {
      appId: p.appId,
      platform: p.platform,
      period: p.period.key,
      periodStart: p.period.start,
      periodEnd: p.period.end,
      total: p.draft.total,
      lines: p.draft.lines.map(BillLineType.fromRated),
      issued: p.issued ? BillType.from(p.issued) : null,
      adjustments: p.adjustments.map(BillType.from),
      issuedTotal: p.issuedTotal,
      difference: p.difference,
    });
  }
}

@InputType('DraftPriceListInput', { description: 'A price list to try out: its charges only (it is never stored, so it has no platform or date)' })
export class DraftPriceListInput {
  @Field(() => [ChargeInput], { description: 'The charges, as in upsertPriceList' })
  charges: ChargeInput[];
}

@ObjectType('BillingRunReport', { simpleResolvers: true })
export class BillingRunReportType {
  @Field(() => ID)
  runId: string;

  @Field(() => BillingPlatform)
  platform: BillingPlatform;

  @Field(() => String)
  period: string;

  @Field(() => Int)
  appsConsidered: number;

  @Field(() => Int)
  billsCreated: number;

  @Field(() => Int, { description: 'Bills already written by an earlier or concurrent run: left as they were' })
  billsSkipped: number;

  @Field(() => Int)
  linesWritten: number;

  @Field(() => Money, { description: 'Sum of the bills this run wrote' })
  total: string;

  static from(r: BillingRunReport): BillingRunReportType {
    return Object.assign(new BillingRunReportType(), r);
  }
}

@ObjectType('ArrearsCollection', { simpleResolvers: true })
export class ArrearsCollectionType {
  @Field(() => Int)
  developers: number;

  @Field(() => Int)
  stillInArrears: number;
}

@ObjectType('Charge', { simpleResolvers: true, description: 'One priced item of a price list' })
export class ChargeType {
  @Field(() => String)
  code: string;

  @Field(() => String)
  label: string;

  @Field(() => String, { description: 'usage_daily meter key, e.g. API:BASIC:IN_CLOUD, or DATA_SYNC_PACKAGE' })
  meter: string;

  @Field(() => String)
  unit: string;

  @Field(() => String, { description: 'PER_HUNDRED, GRADUATED, PER_TEN_THOUSAND_PER_DAY or HIGHEST_PACKAGE_PER_DAY' })
  model: string;

  @Field(() => ChargePricing, { description: 'The pricing model with its typed settings' })
  pricing: typeof ChargePricing;

  @Field(() => Boolean, { description: 'Coupons cover this line' })
  couponScope: boolean;
}

@ObjectType('PriceList', { simpleResolvers: true, description: 'Effective-dated: in force from effectiveFrom until the platform’s next list' })
export class PriceListType {
  @Field(() => ID)
  id: string;

  @Field(() => BillingPlatform)
  platform: BillingPlatform;

  @Field(() => LocalDate)
  effectiveFrom: string;

  @Field(() => Boolean, { description: 'Example prices (Douyin publishes none)' })
  isExample: boolean;

  @Field(() => [ChargeType])
  charges: ChargeType[];

  @Field(() => Int, { nullable: true, description: 'The version just written (set in the answer to upsertPriceList; see priceHistory)' })
  version?: number | null;

  @Field(() => RerateReportType, { nullable: true, description: 'The adjustments of an explicit re-rate (upsertPriceList with rerate: true reaching billed days); null otherwise' })
  rerate?: RerateReportType | null;

  static from(e: PriceListEntity): PriceListType {
    return Object.assign(new PriceListType(), {
      id: e.id,
      platform: e.platform,
      effectiveFrom: e.effectiveFrom,
      isExample: e.isExample,
      charges: e.charges.map((c) => Object.assign(new ChargeType(), { code: c.code, label: c.label, meter: c.meter, unit: c.unit, model: c.model, couponScope: c.couponScope, pricing: chargePricingType(c.model, c.props) })),
    });
  }
}

@InputType('ChargeInput')
export class ChargeInput {
  @Field(() => String)
  code: string;

  @Field(() => String)
  label: string;

  @Field(() => String)
  meter: string;

  @Field(() => String)
  unit: string;

  @Field(() => ChargePricingInput, { description: 'Exactly one pricing model with its typed settings' })
  pricing: ChargePricingInput;

  @Field(() => Boolean)
  couponScope: boolean;
}

@InputType('PriceListInput')
export class PriceListInput {
  @Field(() => BillingPlatform)
  platform: BillingPlatform;

  @Field(() => LocalDate)
  effectiveFrom: string;

  @Field(() => Boolean, { nullable: true })
  isExample?: boolean | null;

  @Field(() => [ChargeInput])
  charges: ChargeInput[];
}

@ObjectType('CouponPolicy', { simpleResolvers: true })
export class CouponPolicyType {
  @Field(() => ID, { description: "The coupon code, as the object's identity (the same value as code)" })
  id: string;

  @Field(() => String)
  code: string;

  @Field(() => BillingPlatform)
  platform: BillingPlatform;

  @Field(() => Money, { description: 'Yuan per appkey per day' })
  amount: string;

  @Field(() => LocalDate)
  validFrom: string;

  @Field(() => LocalDate, { nullable: true })
  validTo: string | null;

  @Field(() => Boolean)
  newIsvOnly: boolean;

  @Field(() => Int, { nullable: true, description: 'The version just written (set in the answer to upsertCouponPolicy; see priceHistory)' })
  version?: number | null;

  @Field(() => RerateReportType, { nullable: true, description: 'The adjustments of an explicit re-rate (upsertCouponPolicy with rerate: true reaching billed days); null otherwise' })
  rerate?: RerateReportType | null;

  static from(e: CouponPolicyEntity): CouponPolicyType {
    return Object.assign(new CouponPolicyType(), { id: e.code, code: e.code, platform: e.platform, amount: money(e.amount), validFrom: e.validFrom, validTo: e.validTo, newIsvOnly: e.newIsvOnly });
  }
}

@InputType('CouponPolicyInput')
export class CouponPolicyInput {
  @Field(() => String)
  code: string;

  @Field(() => BillingPlatform)
  platform: BillingPlatform;

  @Field(() => Money)
  amount: string;

  @Field(() => LocalDate)
  validFrom: string;

  @Field(() => LocalDate, { nullable: true })
  validTo?: string | null;

  @Field(() => Boolean, { nullable: true })
  newIsvOnly?: boolean | null;
}

@ObjectType('QualityDiscount', { simpleResolvers: true })
export class QualityDiscountType {
  @Field(() => ID)
  appId: string;

  @Field(() => LocalDate)
  effectiveFrom: string;

  @Field(() => String)
  percent: string;

  static from(e: QualityDiscountEntity): QualityDiscountType {
    return Object.assign(new QualityDiscountType(), { appId: String(e.appId), effectiveFrom: e.effectiveFrom, percent: new D(e.percent).toFixed(2) });
  }
}

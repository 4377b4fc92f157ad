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
  @Field(() => Int, { description: "The line's place on the bill, in printing order" })
  position: number;

  @Field(() => BillLineKindEnum, { description: 'CHARGE, COUPON or DISCOUNT' })
  kind: BillLineKindEnum;

  @Field(() => String, { description: 'Charge code (e.g. DATA_SYNC_ORDERS), coupon code, or QUALITY_APP_DISCOUNT' })
  code: string;

  @Field(() => String, { description: 'What the line is for, as shown on the bill (e.g. "Basic API, out of cloud")' })
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
  @Field(() => ID, { description: 'Stable, opaque identifier of the bill; the same in every answer that holds it' })
  id: string;

  @Field(() => ID, { description: 'Id of the app whose usage the bill prices' })
  appId: string;

  @Field(() => String, { description: 'The appkey billed (bills are per appkey)' })
  appkey: string;

  @Field(() => ID, { description: 'The developer who owns the app and pays the bill' })
  developerId: string;

  @Field(() => BillingPlatform, { description: 'TAOBAO (daily bills) or DOUYIN (monthly bills)' })
  platform: BillingPlatform;

  @Field(() => String, { description: '"2026-11-19" (Taobao) or "2026-10" (Douyin)' })
  period: string;

  @Field(() => LocalDate, { description: 'First Beijing date the bill covers, YYYY-MM-DD' })
  periodStart: string;

  @Field(() => LocalDate, { description: "Last Beijing date the bill covers, YYYY-MM-DD (the same day for Taobao; the month's last day for Douyin)" })
  periodEnd: string;

  @Field(() => BillStatus, { description: 'UNPAID (the developer is in arrears until it is paid) or PAID' })
  status: BillStatus;

  @Field(() => Money, { description: 'Sum of the rounded lines' })
  total: string;

  @Field(() => Money, { description: 'Coupon used (positive)' })
  couponTotal: string;

  @Field(() => ID, { description: 'The price list in force for the period, which priced the lines' })
  priceListId: string;

  @Field(() => LocalDate, { description: 'Beijing date the bill was issued; arrears age from it' })
  issuedOn: string;

  @Field(() => Date, { nullable: true, description: 'When the balance paid it; null while UNPAID' })
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

@ObjectType('BillEdge', { simpleResolvers: true, description: 'One bill of a connection, with its cursor' })
export class BillEdgeType {
  @Field(() => String, { description: 'Opaque position of this bill: pass it as `after` to read the bills that follow' })
  cursor: string;

  @Field(() => BillType, { description: 'The bill itself' })
  node: BillType;
}

@ObjectType('BillConnection', { simpleResolvers: true, description: "A page of bills (Relay cursor connection): the edges in the list's order, where the page sits, and the whole list's count" })
export class BillConnectionType {
  @Field(() => [BillEdgeType], { description: 'The bills of this page, each with its cursor' })
  edges: BillEdgeType[];

  @Field(() => PageInfoType, { description: 'Where this page sits: pass endCursor as `after` while hasNextPage is true' })
  pageInfo: PageInfoType;

  @Field(() => Int, { description: 'How many bills the whole list holds (all pages), not only this page' })
  totalCount: number;
}

@InputType('BillFilter', { description: 'Narrows a bills query; every field given must match' })
export class BillFilterInput {
  @Field(() => ID, { nullable: true, description: "Only this app's bills" })
  appId?: string | null;

  @Field(() => BillingPlatform, { nullable: true, description: 'Only bills of this platform' })
  platform?: BillingPlatform | null;

  @Field(() => String, { nullable: true, description: 'Only bills of this period: a Beijing date YYYY-MM-DD (Taobao) or a month YYYY-MM (Douyin)' })
  period?: string | null;

  @Field(() => BillStatus, { nullable: true, description: 'Only PAID or only UNPAID bills' })
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

  @Field(() => ID, { description: 'The developer the account belongs to (one account per developer)' })
  developerId: string;

  @Field(() => Money, { description: 'Prepaid balance in yuan (two decimals): the sum of the ledger' })
  balance: string;

  @Field(() => Money, { description: 'SUM of the ledger; always equals balance' })
  ledgerSum: string;

  @Field(() => Money, { description: 'Douyin deposit; old arrears are deducted from it' })
  deposit: string;

  @Field(() => PaymentMode, { description: 'How bills are paid: PREPAID from the balance, or ALIPAY_AUTO_DEBIT for what the balance cannot cover' })
  paymentMode: PaymentMode;

  @Field(() => String, { nullable: true, description: 'The signed Alipay auto-debit agreement; null unless the payment mode is ALIPAY_AUTO_DEBIT' })
  alipayAgreementNo: string | null;

  @Field(() => Boolean, { description: 'Operator-set: qualifying new ISV (new-ISV coupon)' })
  newIsv: boolean;

  @Field(() => Boolean, { description: 'Unpaid bills: charged API access is restricted' })
  inArrears: boolean;

  @Field(() => Money, { description: 'Sum of the unpaid bills in yuan (two decimals); a recharge settles them oldest first' })
  unpaidTotal: string;

  @Field(() => Int, { description: 'How many bills are unpaid; more than 0 means the developer is in arrears' })
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

@ObjectType('LedgerEntry', { simpleResolvers: true, description: 'One movement of money on a billing account; the balance is the sum of the ledger' })
export class LedgerEntryType {
  @Field(() => ID, { description: 'Stable, opaque identifier of the ledger entry; the same in every answer that holds it' })
  id: string;

  @Field(() => LedgerKind, { description: 'What moved the money' })
  kind: LedgerKind;

  @Field(() => Money, { description: 'Signed yuan: + in, − out' })
  amount: string;

  @Field(() => ID, { nullable: true, description: 'The bill paid, for CHARGE and COUPON entries; null otherwise' })
  billId: string | null;

  @Field(() => String, { description: "Why, for people (e.g. the adjustment's reason)" })
  note: string;

  @Field(() => Date, { description: 'When the ledger entry was created (an instant, ISO 8601 UTC)' })
  createdAt: Date;

  static from(e: LedgerEntryEntity): LedgerEntryType {
    return Object.assign(new LedgerEntryType(), { id: String(e.id), kind: e.kind, amount: money(e.amount), billId: e.billId === null ? null : String(e.billId), note: e.note, createdAt: e.createdAt });
  }
}

@ObjectType('LedgerEdge', { simpleResolvers: true, description: 'One ledger entry of a connection, with its cursor' })
export class LedgerEdgeType {
  @Field(() => String, { description: 'Opaque position of this entry: pass it as `after` to read the older entries that follow' })
  cursor: string;

  @Field(() => LedgerEntryType, { description: 'The ledger entry itself' })
  node: LedgerEntryType;
}

@ObjectType('LedgerConnection', { simpleResolvers: true, description: "A page of ledger entries (Relay cursor connection), newest first: the edges, where the page sits, and the whole ledger's count" })
export class LedgerConnectionType {
  @Field(() => [LedgerEdgeType], { description: 'The ledger entries of this page, each with its cursor' })
  edges: LedgerEdgeType[];

  @Field(() => PageInfoType, { description: 'Where this page sits: pass endCursor as `after` while hasNextPage is true' })
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

@ObjectType('BillingRunReport', { simpleResolvers: true, description: 'What one billing run did for one platform and period (running it again creates nothing)' })
export class BillingRunReportType {
  @Field(() => ID, { description: "Id of the run's record (see billingRuns)" })
  runId: string;

  @Field(() => BillingPlatform, { description: 'The platform whose bills the run made' })
  platform: BillingPlatform;

  @Field(() => String, { description: 'The period billed: a Beijing date YYYY-MM-DD (Taobao) or month YYYY-MM (Douyin)' })
  period: string;

  @Field(() => Int, { description: 'Apps with usage in the period' })
  appsConsidered: number;

  @Field(() => Int, { description: 'Bills this run created (0 when the period was billed already)' })
  billsCreated: number;

  @Field(() => Int, { description: 'Bills already written by an earlier or concurrent run: left as they were' })
  billsSkipped: number;

  @Field(() => Int, { description: 'Bill lines this run wrote' })
  linesWritten: number;

  @Field(() => Money, { description: 'Sum of the bills this run wrote' })
  total: string;

  static from(r: BillingRunReport): BillingRunReportType {
    return Object.assign(new BillingRunReportType(), r);
  }
}

@ObjectType('ArrearsCollection', { simpleResolvers: true, description: 'What one arrears-collection run did: developers it tried to settle and those still in arrears' })
export class ArrearsCollectionType {
  @Field(() => Int, { description: 'Developers with unpaid bills the run tried to settle (balance, auto-debit, due deposit deductions)' })
  developers: number;

  @Field(() => Int, { description: 'Of those, the ones still holding unpaid bills afterwards' })
  stillInArrears: number;
}

@ObjectType('Charge', { simpleResolvers: true, description: 'One priced item of a price list' })
export class ChargeType {
  @Field(() => String, { description: 'Item code, unique in the price list (e.g. BASIC_API_IN_CLOUD, DATA_SYNC_ORDERS)' })
  code: string;

  @Field(() => String, { description: 'Label printed on bill lines' })
  label: string;

  @Field(() => String, { description: 'usage_daily meter key, e.g. API:BASIC:IN_CLOUD, or DATA_SYNC_PACKAGE' })
  meter: string;

  @Field(() => String, { description: 'The unit counted, e.g. "calls", "orders", "days"' })
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
  @Field(() => ID, { description: 'Stable, opaque identifier of the price list; the same in every answer that holds it' })
  id: string;

  @Field(() => BillingPlatform, { description: 'The platform the list prices' })
  platform: BillingPlatform;

  @Field(() => LocalDate, { description: 'First Beijing date in force, YYYY-MM-DD; a day is billed with the list in force that day' })
  effectiveFrom: string;

  @Field(() => Boolean, { description: 'Example prices (Douyin publishes none)' })
  isExample: boolean;

  @Field(() => [ChargeType], { description: "The list's priced items" })
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

@InputType('ChargeInput', { description: 'One priced item of a price list: meter, pricing model and its settings' })
export class ChargeInput {
  @Field(() => String, { description: 'Item code, unique in the list (e.g. BASIC_API_IN_CLOUD)' })
  code: string;

  @Field(() => String, { description: 'Label printed on bill lines' })
  label: string;

  @Field(() => String, { description: 'The usage meter priced: API:<category>:<source> (e.g. API:BASIC:OUT_OF_CLOUD), DATA_SYNC_ORDERS, DATA_SYNC_PACKAGE, WALI_MESSAGES or CRM_RELATIONS' })
  meter: string;

  @Field(() => String, { description: 'The unit counted, e.g. "calls", "orders", "relation-days"' })
  unit: string;

  @Field(() => ChargePricingInput, { description: 'Exactly one pricing model with its typed settings' })
  pricing: ChargePricingInput;

  @Field(() => Boolean, { description: 'True if the daily coupon covers this item (basic and value-added API fees)' })
  couponScope: boolean;
}

@InputType('PriceListInput', { description: 'An effective-dated price list to create' })
export class PriceListInput {
  @Field(() => BillingPlatform, { description: 'The platform whose bills the list prices' })
  platform: BillingPlatform;

  @Field(() => LocalDate, { description: 'First Beijing date in force, YYYY-MM-DD' })
  effectiveFrom: string;

  @Field(() => Boolean, { nullable: true, description: 'True for example prices (the seeded Douyin list); default false' })
  isExample?: boolean | null;

  @Field(() => [ChargeInput], { description: 'The priced items, at least one' })
  charges: ChargeInput[];
}

@ObjectType('CouponPolicy', { simpleResolvers: true, description: 'A daily coupon in force between two dates (50 yuan per appkey per day; 200 for qualifying new ISVs)' })
export class CouponPolicyType {
  @Field(() => ID, { description: "The coupon code, as the object's identity (the same value as code)" })
  id: string;

  @Field(() => String, { description: "The policy's code, unique; upsertCouponPolicy replaces by it" })
  code: string;

  @Field(() => BillingPlatform, { description: 'The platform whose bills get it' })
  platform: BillingPlatform;

  @Field(() => Money, { description: 'Yuan per appkey per day' })
  amount: string;

  @Field(() => LocalDate, { description: 'First Beijing date in force, YYYY-MM-DD' })
  validFrom: string;

  @Field(() => LocalDate, { nullable: true, description: 'Last Beijing date in force, YYYY-MM-DD; null: open-ended' })
  validTo: string | null;

  @Field(() => Boolean, { description: 'True for the new-ISV coupon (replaces, never stacks with, the daily one)' })
  newIsvOnly: boolean;

  @Field(() => Int, { nullable: true, description: 'The version just written (set in the answer to upsertCouponPolicy; see priceHistory)' })
  version?: number | null;

  @Field(() => RerateReportType, { nullable: true, description: 'The adjustments of an explicit re-rate (upsertCouponPolicy with rerate: true reaching billed days); null otherwise' })
  rerate?: RerateReportType | null;

  static from(e: CouponPolicyEntity): CouponPolicyType {
    return Object.assign(new CouponPolicyType(), { id: e.code, code: e.code, platform: e.platform, amount: money(e.amount), validFrom: e.validFrom, validTo: e.validTo, newIsvOnly: e.newIsvOnly });
  }
}

@InputType('CouponPolicyInput', { description: 'A daily coupon policy to create or replace (by code)' })
export class CouponPolicyInput {
  @Field(() => String, { description: "The policy's code: an existing code replaces that policy" })
  code: string;

  @Field(() => BillingPlatform, { description: 'The platform whose bills get it' })
  platform: BillingPlatform;

  @Field(() => Money, { description: 'Yuan per appkey per day, a decimal with at most two places (e.g. "50.00")' })
  amount: string;

  @Field(() => LocalDate, { description: 'First Beijing date in force, YYYY-MM-DD' })
  validFrom: string;

  @Field(() => LocalDate, { nullable: true, description: 'Last Beijing date in force, YYYY-MM-DD; omit for open-ended' })
  validTo?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'True for a coupon only for qualifying new ISVs; default false' })
  newIsvOnly?: boolean | null;
}

@ObjectType('QualityDiscount', { simpleResolvers: true, description: "An operator-set Douyin quality-app discount from a date: a percentage off the month's bill" })
export class QualityDiscountType {
  @Field(() => ID, { description: 'Stable, opaque identifier of this discount (one per app and start date), for client caches' })
  id: string;

  @Field(() => ID, { description: 'Id of the Douyin-billed app discounted' })
  appId: string;

  @Field(() => LocalDate, { description: 'First Beijing date in force, YYYY-MM-DD' })
  effectiveFrom: string;

  @Field(() => String, { description: 'Percentage off with two places, e.g. "10.00" for 10%; applied to the sum of the rounded lines, rounded half-up' })
  percent: string;

  static from(e: QualityDiscountEntity): QualityDiscountType {
    return Object.assign(new QualityDiscountType(), { id: `${e.appId}:${e.effectiveFrom}`, appId: String(e.appId), effectiveFrom: e.effectiveFrom, percent: new D(e.percent).toFixed(2) });
  }
}

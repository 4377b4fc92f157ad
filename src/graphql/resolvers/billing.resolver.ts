import { ADJUSTMENT_ORDER } from '../../services/billing/bill-preview.service';
import { LocalDate } from '../types/local-date.scalar';
import { Money } from '../types/money.scalar';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { BillingPlatform, PaymentMode } from '../../billing/billing.enums';
import { chargePricingOf } from '../../billing/models/charge-pricing';
import { ChargeDef } from '../../billing/price-list';
import { invalidInput, Result } from '../../domain/common/result';
import { isStaff, Role } from '../../domain/common/role';
import { violation } from '../../domain/common/violation';
import { readPageArgs } from '../../services/common/pagination';
import { Context } from '../context';
import { RerateReportType } from '../types/bill-adjustment.type';
import { keysetArgs, keysetConnection, toConnection } from './connection';
import { ConnectionArgs } from '../types/connection.type';
import { AppMonthToDateConnectionType, CouponPolicyConnectionType, PriceListConnectionType } from '../types/connections.type';
import { COUPON_POLICY_ORDER, PRICE_LIST_ORDER } from '../../services/billing/price-list.service';
import { MONTH_TO_DATE_ORDER } from '../../services/billing/bill-query.service';
import { AppType } from '../types/app.type';
import {
  AppMonthToDateType,
  ArrearsCollectionType,
  BillConnectionType,
  BillFilterInput,
  BillingAccountType,
  BillingRunReportType,
  BillLineType,
  BillPreviewType,
  BillType,
  ChargeInput,
  CostEstimateType,
  DraftPriceListInput,
  CouponPolicyInput,
  CouponPolicyType,
  LedgerConnectionType,
  LedgerEntryType,
  PriceListInput,
  PriceListType,
  QualityDiscountType,
} from '../types/billing.type';
import {
  AdjustBalanceResult,
  RechargeResult,
  RunBillingResult,
  SetBillingTermsResult,
  SetPaymentModeResult,
  SetQualityDiscountResult,
  UpsertCouponPolicyResult,
  UpsertPriceListResult,
} from '../types/results.type';
import { badUserInput, toPayload } from './result';
import { CollectArrearsResult, SetAppBillingPlatformResult } from '../types/mutation-results.type';

@Resolver(() => BillType)
export class BillingResolver {
  @Authorized(Role.DEVELOPER, Role.REVIEWER, Role.OPERATOR)
  @Query(() => BillConnectionType, { description: "Bills, newest first: a developer's own; staff see all (filter developerId)" })
  async bills(
    @Arg('filter', () => BillFilterInput, { nullable: true, description: 'Narrows the bills returned' }) filter: BillFilterInput | null,
    @Arg('first', () => Int, { nullable: true, description: 'How many bills to return: 1 to 100 (default 20)' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after: the endCursor of the page read before; omit for the first page' }) after: string | null,
    @Ctx() { viewer, services }: Context,
  ): Promise<BillConnectionType> {
    const page = readPageArgs({ first, after });
    if (Array.isArray(page)) throw badUserInput(page);
    const { rows, hasNextPage, totalCount } = await services.bills.list(viewer, filter ?? {}, page.limit, page.beforeId);
    return { ...toConnection(rows, hasNextPage, BillType.from), totalCount };
  }

  @Authorized(Role.DEVELOPER, Role.REVIEWER, Role.OPERATOR)
  @Query(() => BillType, { description: 'A bill with its lines; another developer’s bill answers NOT_FOUND' })
  async bill(@Arg('id', () => ID, { description: 'Id of the bill to read' }) id: string, @Ctx() { viewer, services }: Context): Promise<BillType> {
    return BillType.from(await services.bills.get(viewer, id));
  }

  @FieldResolver(() => [BillLineType], { description: "The bill's lines in order: charges, then coupon and discount lines (negative); the total is the sum of the rounded lines" })
  async lines(@Root() bill: BillType, @Ctx() { loaders }: Context): Promise<BillLineType[]> {
    return (await loaders.billLines.load(bill.id)).map(BillLineType.from);
  }

  @Authorized(Role.DEVELOPER)
  @Query(() => BillingAccountType, { description: "The caller's balance (= the sum of the ledger), arrears and payment mode" })
  async balance(@Ctx() { viewer, services }: Context): Promise<BillingAccountType> {
    return BillingAccountType.from(await services.accounts.view(viewer.subjectId!));
  }

  @Authorized(Role.REVIEWER, Role.OPERATOR)
  @Query(() => BillingAccountType, { description: "A developer's billing account (staff)" })
  async billingAccount(@Arg('developerId', () => ID, { description: 'Id of the developer whose account to read' }) developerId: string, @Ctx() { services }: Context): Promise<BillingAccountType> {
    return BillingAccountType.from(await services.accounts.view(developerId));
  }

  @Authorized(Role.DEVELOPER, Role.OPERATOR)
  @Query(() => LedgerConnectionType, { description: "Ledger entries, newest first: the caller's; an operator names developerId" })
  async ledger(
    @Arg('developerId', () => ID, { nullable: true, description: 'Operator: whose ledger; developers read their own' }) developerId: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'How many entries to return: 1 to 100 (default 20)' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after: the endCursor of the page read before; omit for the first page' }) after: string | null,
    @Ctx() { viewer, services }: Context,
  ): Promise<LedgerConnectionType> {
    const page = readPageArgs({ first, after });
    if (Array.isArray(page)) throw badUserInput(page);
    const dev = isStaff(viewer) ? developerId : viewer.subjectId;
    if (!dev) throw badUserInput([violation('developerId', 'REQUIRED', 'operators name the developer')]);
    const { rows, hasNextPage } = await services.accounts.ledger(dev, page.limit, page.beforeId);
    return { ...toConnection(rows, hasNextPage, LedgerEntryType.from) };
  }

  @Authorized(Role.DEVELOPER, Role.OPERATOR)
  @Query(() => AppMonthToDateConnectionType, { description: 'Per app and platform, the bills of the current Beijing month so far, with a row for every app whose usage of the month is not billed yet (its estimate); by app id' })
  async monthToDate(
    @Arg('developerId', () => ID, { nullable: true, description: "Staff: whose bills (every developer's when omitted); developers read their own" }) developerId: string | null,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() { viewer, services }: Context,
  ) {
    const { limit, after } = keysetArgs(page, MONTH_TO_DATE_ORDER);
    return keysetConnection(await services.bills.pageMonthToDate(viewer, developerId, limit, after), MONTH_TO_DATE_ORDER, (r) => r as AppMonthToDateType);
  }

  @Authorized(Role.DEVELOPER, Role.OPERATOR)
  @Query(() => String, { description: "CSV of a period's bills (a developer's own; all for operators)" })
  async billsCsv(@Arg('platform', () => BillingPlatform, { description: 'The platform whose bills to export' }) platform: BillingPlatform, @Arg('period', () => String, { description: 'A Beijing date YYYY-MM-DD or month YYYY-MM' }) period: string, @Ctx() { viewer, services }: Context): Promise<string> {
    return services.bills.csv(viewer, platform, period);
  }

  @Authorized(Role.DEVELOPER, Role.REVIEWER, Role.OPERATOR)
  @Query(() => PriceListConnectionType, { description: 'Effective-dated price lists, by platform name, then earliest effective date first' })
  async priceLists(@Arg('platform', () => BillingPlatform, { nullable: true, description: "Only this platform's lists" }) platform: BillingPlatform | null, @Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() { services }: Context) {
    const { limit, after } = keysetArgs(page, PRICE_LIST_ORDER);
    return keysetConnection(await services.priceLists.pageLists(platform ?? null, limit, after), PRICE_LIST_ORDER, PriceListType.from);
  }

  @Authorized(Role.DEVELOPER, Role.REVIEWER, Role.OPERATOR)
  @Query(() => CouponPolicyConnectionType, { description: 'Every daily coupon policy, past and future, earliest valid first' })
  async couponPolicies(@Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() { services }: Context) {
    const { limit, after } = keysetArgs(page, COUPON_POLICY_ORDER);
    return keysetConnection(await services.priceLists.pageCoupons(limit, after), COUPON_POLICY_ORDER, CouponPolicyType.from);
  }

  @Authorized(Role.DEVELOPER)
  @Mutation(() => RechargeResult, { description: 'Prepaid recharge via the payment provider (SANDBOX in development); settles unpaid bills oldest first' })
  async recharge(@Arg('amount', () => Money, { description: 'Yuan, positive, a decimal with at most two places' }) amount: string, @Arg('idempotencyKey', () => String, { description: 'Caller-chosen key: the same key recharges once however often it is sent' }) idempotencyKey: string, @Ctx() { viewer, services }: Context) {
    return toPayload(await services.accounts.recharge(viewer, amount, idempotencyKey), BillingAccountType.from);
  }

  @Authorized(Role.DEVELOPER)
  @Mutation(() => SetPaymentModeResult, { description: 'PREPAID, or ALIPAY_AUTO_DEBIT with the signed agreement number' })
  async setPaymentMode(@Arg('mode', () => PaymentMode, { description: 'PREPAID (the balance pays) or ALIPAY_AUTO_DEBIT (the agreement collects what the balance cannot)' }) mode: PaymentMode, @Arg('agreementNo', () => String, { nullable: true, description: 'The signed Alipay agreement; required with ALIPAY_AUTO_DEBIT' }) agreementNo: string | null, @Ctx() { viewer, services }: Context) {
    return toPayload(await services.accounts.setPaymentMode(viewer, mode, agreementNo), BillingAccountType.from);
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => AdjustBalanceResult, { description: 'ADJUSTMENT ledger entry, either sign; never below a zero balance' })
  async adjustBalance(
    @Arg('developerId', () => ID, { description: 'The developer whose account is corrected' }) developerId: string,
    @Arg('amount', () => Money, { description: 'Yuan, either sign, a decimal with at most two places (e.g. "-12.50")' }) amount: string,
    @Arg('reason', () => String, { description: 'Why, kept on the ledger entry and in the audit log' }) reason: string,
    @Arg('idempotencyKey', () => String, { description: 'Caller-chosen key: the same key adjusts once however often it is sent' }) idempotencyKey: string,
    @Ctx() { viewer, services }: Context,
  ) {
    return toPayload(await services.accounts.adjust(viewer, developerId, amount, reason, idempotencyKey), BillingAccountType.from);
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => SetBillingTermsResult, { description: "A developer's deposit and new-ISV status" })
  async setBillingTerms(
    @Arg('developerId', () => ID, { description: 'Id of the developer whose terms change' }) developerId: string,
    @Arg('deposit', () => Money, { nullable: true, description: 'The Douyin deposit in yuan; omit to keep it' }) deposit: string | null,
    @Arg('newIsv', () => Boolean, { nullable: true, description: 'Qualifies for the new-ISV coupon; omit to keep it' }) newIsv: boolean | null,
    @Ctx() { viewer, services }: Context,
  ) {
    return toPayload(await services.accounts.setTerms(viewer, developerId, { deposit, newIsv }), BillingAccountType.from);
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => RunBillingResult, { description: 'Bills a Taobao day (YYYY-MM-DD) or a Douyin month (YYYY-MM); idempotent' })
  async runBilling(@Arg('platform', () => BillingPlatform, { description: 'The platform to bill' }) platform: BillingPlatform, @Arg('period', () => String, { description: 'A Beijing date YYYY-MM-DD (Taobao) or month YYYY-MM (Douyin)' }) period: string, @Ctx() { viewer, services }: Context) {
    const result = await services.billingRuns.run(platform, period);
    // NOTE: a run commits chunk by chunk, so its audit entry is one summary written after it.
    if (result.ok) await services.audit.recordBillingRun(viewer, platform, period, result.value);
    return toPayload(result, BillingRunReportType.from);
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => CollectArrearsResult, { description: 'Settles every developer in arrears: balance, auto-debit retry, Douyin deposit deduction' })
  async collectArrears(@Ctx() { viewer, services }: Context): Promise<typeof CollectArrearsResult> {
    const summary = await services.accounts.collectArrears();
    // NOTE: collection commits developer chunk by chunk; its audit entry is one summary written after it.
    await services.audit.recordArrearsCollection(viewer, summary);
    return Object.assign(new ArrearsCollectionType(), summary);
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => UpsertPriceListResult, {
    description: 'Creates or replaces the platform’s price list starting on effectiveFrom. Refused (AlreadyBilled) when it would re-price a day already billed, unless rerate is true',
  })
  async upsertPriceList(
    @Arg('input', () => PriceListInput, { description: 'The effective-dated list; days from effectiveFrom on are billed with it' }) input: PriceListInput,
    @Ctx() { viewer, services }: Context,
    @Arg('rerate', () => Boolean, { nullable: true, description: 'Re-rate the billed days the list reaches: adjustment bills for each app-period that changes (audited)' }) rerate?: boolean | null,
  ) {
    const charges = parseCharges(input.charges, 'charges');
    if (!Array.isArray(charges)) return toPayload(charges, PriceListType.from);
    return toPayload(await services.priceLists.upsert(viewer, input.platform, input.effectiveFrom, input.isExample ?? false, charges, rerate ?? false), (c) =>
      Object.assign(PriceListType.from(c.value), { version: c.version, rerate: c.rerate ? RerateReportType.from(c.rerate, c.rerate.fromDay) : null }),
    );
  }

  @Authorized(Role.OPERATOR)
  @Query(() => BillPreviewType, {
    description: 'Rates the real usage of an app’s period (a Taobao day YYYY-MM-DD or a Douyin month YYYY-MM) under a draft price list, beside the bill as issued; writes nothing',
  })
  async previewBill(
    @Arg('appId', () => ID, { description: 'The app whose usage is rated' }) appId: string,
    @Arg('period', () => String, { description: 'The period, in the shape of the app’s platform profile' }) period: string,
    @Arg('priceList', () => DraftPriceListInput, { description: 'The draft list: its charges replace the list in force; coupon and discount stay the period’s own' }) priceList: DraftPriceListInput,
    @Ctx() { services }: Context,
  ): Promise<BillPreviewType> {
    // A query has no result union: a refused draft or period is BAD_USER_INPUT naming each field.
    const charges = parseCharges(priceList.charges, 'priceList.charges');
    if (!Array.isArray(charges)) throw badUserInput(charges.ok ? [] : violationsOf(charges));
    const preview = await services.billPreviews.preview(appId, period, charges);
    if (!preview.ok) throw badUserInput(violationsOf(preview));
    return BillPreviewType.from(preview.value);
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => UpsertCouponPolicyResult, { description: 'Creates or replaces a coupon policy. Refused (AlreadyBilled) when it would change a day already billed, unless rerate is true' })
  async upsertCouponPolicy(
    @Arg('input', () => CouponPolicyInput, { description: 'The policy: an existing code replaces it' }) input: CouponPolicyInput,
    @Ctx() { viewer, services }: Context,
    @Arg('rerate', () => Boolean, { nullable: true, description: 'Re-rate the billed days the change reaches: adjustment bills for each app-day that changes (audited)' }) rerate?: boolean | null,
  ) {
    return toPayload(await services.priceLists.upsertCoupon(viewer, { ...input, validTo: input.validTo ?? null, newIsvOnly: input.newIsvOnly ?? false }, rerate ?? false), (c) =>
      Object.assign(CouponPolicyType.from(c.value), { version: c.version, rerate: c.rerate ? RerateReportType.from(c.rerate, c.rerate.fromDay) : null }),
    );
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => SetQualityDiscountResult, { description: 'Douyin quality-app discount percentage from a date (0 ends it)' })
  async setQualityDiscount(
    @Arg('appId', () => ID, { description: 'Id of a Douyin-billed app' }) appId: string,
    @Arg('percent', () => String, { description: 'Percentage off, 0 to 100, e.g. "10"' }) percent: string,
    @Arg('effectiveFrom', () => LocalDate, { description: 'First Beijing date in force, YYYY-MM-DD' }) effectiveFrom: string,
    @Ctx() { viewer, services }: Context,
  ) {
    return toPayload(await services.priceLists.setQualityDiscount(viewer, appId, percent, effectiveFrom), QualityDiscountType.from);
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => SetAppBillingPlatformResult, { description: 'Which platform profile bills the app' })
  async setAppBillingPlatform(@Arg('appId', () => ID, { description: 'Id of the app whose platform profile is set' }) appId: string, @Arg('platform', () => BillingPlatform, { description: 'TAOBAO (daily bills) or DOUYIN (monthly, settled on the 5th)' }) platform: BillingPlatform, @Ctx() { viewer, services }: Context): Promise<typeof SetAppBillingPlatformResult> {
    return AppType.from(await services.priceLists.setAppPlatform(viewer, appId, platform));
  }
}

/** The violations of an INVALID_INPUT refusal (the only refusal a preview gives). */
const violationsOf = (r: Result<unknown>) => (!r.ok && r.refusal.kind === 'INVALID_INPUT' ? r.refusal.violations : []);

/** Charges from their typed input form (exactly one pricing model each), or the refusal naming the first that is not. */
function parseCharges(input: readonly ChargeInput[], field: string): ChargeDef[] | Result<never> {
  const charges: ChargeDef[] = [];
  for (const [i, c] of input.entries()) {
    const pricing = chargePricingOf(c.pricing);
    if (!pricing.ok) return invalidInput([violation(`${field}[${i}].pricing`, pricing.rule, pricing.message)]);
    charges.push({ code: c.code, label: c.label, meter: c.meter, unit: c.unit, model: pricing.model, props: pricing.props, couponScope: c.couponScope });
  }
  return charges;
}

@Resolver(() => BillPreviewType)
export class BillPreviewAdjustmentsResolver {
  @FieldResolver(() => BillConnectionType, { description: 'Adjustment bills of the period (late usage, re-rates), in sequence order: a connection, as every late-usage sweep or re-rate reaching the period adds one (no rule bounds them)' })
  async adjustments(@Root() preview: BillPreviewType, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() { services }: Context): Promise<BillConnectionType> {
    const { limit, after } = keysetArgs(args, ADJUSTMENT_ORDER);
    return keysetConnection(await services.billPreviews.pageAdjustments(preview.appId, preview.platform, preview.period, limit, after), ADJUSTMENT_ORDER, BillType.from);
  }
}

@Resolver(() => AppMonthToDateType)
export class MonthToDateEstimateResolver {
  @FieldResolver(() => CostEstimateType, {
    nullable: true,
    description: 'ESTIMATE of the app’s usage this month that no bill covers yet (today’s included), with its lines; null when every period with usage is billed',
  })
  async estimate(@Root() row: AppMonthToDateType, @Ctx() { loaders }: Context): Promise<CostEstimateType | null> {
    const e = (await loaders.costEstimateByDeveloper.load(row.developerId!)).get(`${row.appId}|${row.platform}`);
    return e ? CostEstimateType.from(e) : null;
  }
}

@Resolver(() => AppType)
export class AppMonthToDateResolver {
  @FieldResolver(() => [AppMonthToDateType], { description: "The app's bills of the current Beijing month so far, one entry per billing platform (a list: at most one per BillingPlatform value, two today; none before its first bill)" })
  async monthToDate(@Root() app: AppType, @Ctx() { loaders }: Context): Promise<AppMonthToDateType[]> {
    return (await loaders.monthToDateByDeveloper.load(app.ownerId)).byApp.get(String(app.id)) ?? [];
  }
}

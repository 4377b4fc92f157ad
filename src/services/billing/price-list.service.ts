import { withRetryableTransaction } from '../common/transaction';
import { isNumericId } from '../../domain/common/ids';
import { DataSource } from 'typeorm';
import { BillingPlatform } from '../../billing/billing.enums';
import { D, isMoneyFormat } from '../../billing/money';
import { ChargeDef, validateCharges } from '../../billing/price-list';
import { isIsoDate } from '../../domain/common/beijing-time';
import { invalidInput, ok, Result } from '../../domain/common/result';
import { violation } from '../../domain/common/violation';
import { AppEntity, CouponPolicyEntity, PriceListEntity, QualityDiscountEntity } from '../../db/entities';
import { notFound } from '../common/errors';
import { AuditService } from '../audit/audit.service';
import { Viewer } from '../../domain/common/role';

/** Operators' billing data: effective-dated price lists, coupon policies, quality discounts, which platform bills an app. */
export class PriceListService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(platform: BillingPlatform | null): Promise<PriceListEntity[]> {
    return this.ds.getRepository(PriceListEntity).find({ where: platform ? { platform } : {}, order: { platform: 'ASC', effectiveFrom: 'ASC' } });
  }

  coupons(): Promise<CouponPolicyEntity[]> {
    return this.ds.getRepository(CouponPolicyEntity).find({ order: { validFrom: 'ASC' } });
  }

  /**
   * Creates or replaces the platform's price list starting on `effectiveFrom`. NOTE: a list that
   * already billed days stays as it was for those bills (bills keep their lines); replacing it
   * changes only periods billed afterwards.
   */
  async upsert(actor: Viewer, platform: BillingPlatform, effectiveFrom: string, isExample: boolean, charges: ChargeDef[]): Promise<Result<PriceListEntity>> {
    const v = validateCharges(charges).map((x) => violation(x.field, x.rule, x.message));
    if (!isIsoDate(effectiveFrom)) v.push(violation('effectiveFrom', 'NOT_A_DATE', 'a Beijing date YYYY-MM-DD'));
    if (v.length > 0) return invalidInput(v);
    // NOTE: a deadlock of concurrent first upserts (both lock the missing row's gap) re-runs the attempt, which then finds the row.
    return withRetryableTransaction(this.ds, async (em) => {
      const existing = await em.findOne(PriceListEntity, { where: { platform, effectiveFrom }, lock: { mode: 'pessimistic_write' } });
      const id = existing?.id ?? `${platform}-${effectiveFrom}`;
      await em.save(PriceListEntity, { id, platform, effectiveFrom, isExample, charges });
      const after = await em.findOneByOrFail(PriceListEntity, { id });
      await this.audit.record(em, { actor, action: 'upsertPriceList', entityType: 'PriceList', entityId: id, before: existing, after });
      return ok(after);
    });
  }

  async upsertCoupon(actor: Viewer, input: { code: string; platform: BillingPlatform; amount: string; validFrom: string; validTo: string | null; newIsvOnly: boolean }): Promise<Result<CouponPolicyEntity>> {
    const v = [];
    if (!/^[A-Z][A-Z0-9_]{1,39}$/.test(input.code)) v.push(violation('code', 'BAD_CODE', 'SCREAMING_SNAKE, 2–40 characters'));
    if (!isMoneyFormat(input.amount, 8) || new D(input.amount).lte(0)) v.push(violation('amount', 'NOT_AN_AMOUNT', 'yuan above zero, at most two decimals'));
    if (!isIsoDate(input.validFrom)) v.push(violation('validFrom', 'NOT_A_DATE', 'YYYY-MM-DD'));
    if (input.validTo !== null && (!isIsoDate(input.validTo) || input.validTo < input.validFrom)) v.push(violation('validTo', 'NOT_A_DATE', 'YYYY-MM-DD, not before validFrom'));
    if (v.length > 0) return invalidInput(v);
    // NOTE: a deadlock of concurrent first upserts (both lock the missing row's gap) re-runs the attempt, which then finds the row.
    return withRetryableTransaction(this.ds, async (em) => {
      const before = await em.findOne(CouponPolicyEntity, { where: { code: input.code }, lock: { mode: 'pessimistic_write' } });
      await em.save(CouponPolicyEntity, { ...input });
      const after = await em.findOneByOrFail(CouponPolicyEntity, { code: input.code });
      await this.audit.record(em, { actor, action: 'upsertCouponPolicy', entityType: 'CouponPolicy', entityId: input.code, before, after });
      return ok(after);
    });
  }

  /** A quality-app discount percentage for a Douyin app from a date (0 ends it). */
  async setQualityDiscount(actor: Viewer, appId: string, percent: string, effectiveFrom: string): Promise<Result<QualityDiscountEntity>> {
    const v = [];
    if (!/^\d{1,3}(\.\d{1,2})?$/.test(percent) || Number(percent) > 100) v.push(violation('percent', 'OUT_OF_RANGE', 'a percentage from 0 to 100, at most two decimals'));
    if (!isIsoDate(effectiveFrom)) v.push(violation('effectiveFrom', 'NOT_A_DATE', 'YYYY-MM-DD'));
    if (v.length > 0) return invalidInput(v);
    const app = isNumericId(appId) ? await this.ds.manager.findOneBy(AppEntity, { id: appId }) : null;
    if (!app) throw notFound('App', appId);
    if (app.billingPlatform !== BillingPlatform.DOUYIN) return invalidInput([violation('appId', 'NOT_DOUYIN', 'quality-app discounts are a Douyin rule (DOMAIN §6)')]);
    // NOTE: a deadlock of concurrent first upserts (both lock the missing row's gap) re-runs the attempt, which then finds the row.
    return withRetryableTransaction(this.ds, async (em) => {
      const before = await em.findOne(QualityDiscountEntity, { where: { appId, effectiveFrom }, lock: { mode: 'pessimistic_write' } });
      await em.save(QualityDiscountEntity, { appId, effectiveFrom, percent });
      const after = await em.findOneByOrFail(QualityDiscountEntity, { appId, effectiveFrom });
      await this.audit.record(em, { actor, action: 'setQualityDiscount', entityType: 'QualityDiscount', entityId: `${appId}@${effectiveFrom}`, before, after });
      return ok(after);
    });
  }

  /** Which platform profile bills the app. */
  async setAppPlatform(actor: Viewer, appId: string, platform: BillingPlatform): Promise<AppEntity> {
    return this.ds.transaction(async (em) => {
      const app = isNumericId(appId) ? await em.findOne(AppEntity, { where: { id: appId }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!app) throw notFound('App', appId);
      await em.update(AppEntity, { id: appId }, { billingPlatform: platform });
      await this.audit.record(em, { actor, action: 'setAppBillingPlatform', entityType: 'App', entityId: appId, before: { billingPlatform: app.billingPlatform }, after: { billingPlatform: platform } });
      return em.findOneByOrFail(AppEntity, { id: appId });
    });
  }
}

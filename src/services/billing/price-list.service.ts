import { change } from '../common/change';
import { isNumericId } from '../../domain/common/ids';
import { DataSource, EntityManager } from 'typeorm';
import { BillingPlatform } from '../../billing/billing.enums';
import { D, isMoneyFormat } from '../../billing/money';
import { ChargeDef, validateCharges } from '../../billing/price-list';
import { isIsoDate } from '../../domain/common/beijing-time';
import { invalidInput, ok, Result } from '../../domain/common/result';
import { checkPriceChange, couponPolicyFirstAffectedDay, lastBilledDay, priceListFirstAffectedDay } from '../../billing/retroactive.rule';
import { Clock } from '../../domain/common/clock';
import { PriceSubject, PriceVersionEntity } from '../../db/entities/price-version.entity';
import { AdjustmentReport, BillAdjustmentService } from './bill-adjustment.service';
import { violation } from '../../domain/common/violation';
import { AppEntity, CouponPolicyEntity, PriceListEntity, QualityDiscountEntity } from '../../db/entities';
import { notFound } from '../common/errors';
import { AuditService } from '../audit/audit.service';
import { Viewer } from '../../domain/common/role';

/** A price list or coupon policy as written: the row, its version in the history, and the re-rate it asked for. */
export interface PriceChange<T> {
  value: T;
  version: number;
  /** The adjustments of an explicit re-rate from `fromDay` (null when none was asked or no billed day was reached). */
  rerate: (AdjustmentReport & { fromDay: string }) | null;
}

/**
 * Operators' billing data: effective-dated price lists, coupon policies, quality discounts, which
 * platform bills an app. No retroactive prices (issue 17): a list or policy change that re-prices a
 * day already billed is refused (ALREADY_BILLED, naming the last billed day) unless the operator
 * asks to re-rate, which writes adjustment bills for the billed days it reaches. Every version is
 * kept in `price_version` (who, when, what, any re-rate).
 */
export class PriceListService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly adjustments: BillAdjustmentService,
  ) {}

  /**
   * The last Beijing day of the platform billed or being billed: the latest period of its bills and
   * of its billing runs (a run records its period before it writes a bill).
   */
  async lastBilledDay(em: EntityManager, platform: BillingPlatform): Promise<string | null> {
    const [r]: { billed: string | null; run: string | null }[] = await em.query(
      `SELECT (SELECT MAX(period) FROM bill WHERE platform = ?) AS billed, (SELECT MAX(period) FROM billing_run WHERE platform = ?) AS run`,
      [platform, platform],
    );
    return lastBilledDay([r.billed, r.run]);
  }

  /** Versions of price lists and coupon policies, newest first (optionally one subject's). */
  async history(filter: { subjectId?: string | null; platform?: BillingPlatform | null }, limit: number, beforeId: string | null): Promise<{ rows: PriceVersionEntity[]; hasNextPage: boolean }> {
    const qb = this.ds.getRepository(PriceVersionEntity).createQueryBuilder('v');
    if (filter.subjectId) qb.andWhere('v.subject_id = :s', { s: filter.subjectId });
    if (filter.platform) qb.andWhere('v.platform = :p', { p: filter.platform });
    if (beforeId) qb.andWhere('v.id < :beforeId', { beforeId });
    const rows = await qb.orderBy('v.id', 'DESC').take(limit + 1).getMany();
    return { rows: rows.slice(0, limit), hasNextPage: rows.length > limit };
  }

  /**
   * Appends the subject's next version. A subject first written here that already exists (seeded)
   * gets its current state as version 1, written by "seed" at its last update, so the history starts
   * from what was in force.
   */
  private async recordVersion(
    em: EntityManager,
    actor: Viewer,
    subject: PriceSubject,
    subjectId: string,
    platform: BillingPlatform,
    before: { body: Record<string, unknown>; updatedAt: Date; platform: BillingPlatform } | null,
    body: Record<string, unknown>,
    firstAffectedDay: string | null,
    rerate: boolean,
  ): Promise<PriceVersionEntity> {
    const [r]: { v: string | number }[] = await em.query(`SELECT COALESCE(MAX(version), 0) AS v FROM price_version WHERE subject = ? AND subject_id = ?`, [subject, subjectId]);
    let version = Number(r.v);
    if (version === 0 && before) {
      await em.insert(PriceVersionEntity, { subject, subjectId, version: 1, platform: before.platform, body: before.body as never, actor: 'seed', changedAt: before.updatedAt, firstAffectedDay: null, rerate: false, rerateSummary: null });
      version = 1;
    }
    const row = em.create(PriceVersionEntity, { subject, subjectId, version: version + 1, platform, body, actor: `${actor.role}:${actor.subjectId ?? 'anonymous'}`, changedAt: this.clock.now(), firstAffectedDay, rerate, rerateSummary: null });
    return em.save(row);
  }

  /** After the change committed: re-rates the billed days it reaches, records what it did on the version, and audits it. */
  private async rerateAfter(actor: Viewer, version: PriceVersionEntity, platforms: readonly BillingPlatform[], fromDay: string, entityType: string): Promise<AdjustmentReport & { fromDay: string }> {
    let report: AdjustmentReport | null = null;
    for (const p of platforms) {
      const r = await this.adjustments.rerate(p, fromDay);
      report = report ? { ...r, considered: report.considered + r.considered, adjusted: report.adjusted + r.adjusted, total: new D(report.total).plus(r.total).toFixed(2) } : r;
    }
    await this.ds.getRepository(PriceVersionEntity).update({ id: version.id }, { rerateSummary: { ...report! } });
    await this.audit.recordSummary({ actor, action: 'reratePrices', entityType, entityId: version.subjectId, before: null, after: { version: version.version, fromDay, ...report! } });
    return { ...report!, fromDay };
  }

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
  async upsert(actor: Viewer, platform: BillingPlatform, effectiveFrom: string, isExample: boolean, charges: ChargeDef[], rerate = false): Promise<Result<PriceChange<PriceListEntity>>> {
    const v = validateCharges(charges).map((x) => violation(x.field, x.rule, x.message));
    if (!isIsoDate(effectiveFrom)) v.push(violation('effectiveFrom', 'NOT_A_DATE', 'a Beijing date YYYY-MM-DD'));
    if (v.length > 0) return invalidInput(v);
    const bodyOf = (l: PriceListEntity) => ({ effectiveFrom: l.effectiveFrom, isExample: l.isExample, charges: l.charges });
    const written = await change(this.ds, this.audit, {
      actor,
      action: 'upsertPriceList',
      // NOTE: a deadlock of concurrent first upserts (both lock the missing row's gap) re-runs the change, which then finds the row.
      retry: {},
      lock: async (em) => {
        const existing = await em.findOne(PriceListEntity, { where: { platform, effectiveFrom }, lock: { mode: 'pessimistic_write' } });
        return { existing, firstAffected: priceListFirstAffectedDay(existing, { effectiveFrom, isExample, charges }), lastBilled: await this.lastBilledDay(em, platform) };
      },
      rule: ({ firstAffected, lastBilled }) => checkPriceChange({ firstAffected, lastBilled: [{ platform, day: lastBilled }], rerate, field: 'effectiveFrom' }),
      before: ({ existing }) => existing,
      save: async (em, { existing, firstAffected }, reach) => {
        const id = existing?.id ?? `${platform}-${effectiveFrom}`;
        await em.save(PriceListEntity, { id, platform, effectiveFrom, isExample, charges });
        const after = await em.findOneByOrFail(PriceListEntity, { id });
        const version = await this.recordVersion(em, actor, PriceSubject.PRICE_LIST, id, platform, existing ? { body: bodyOf(existing), updatedAt: existing.updatedAt, platform } : null, bodyOf(after), firstAffected, reach !== null);
        return ok({ list: after, version, reach: reach?.firstAffectedDay ?? null });
      },
      audit: (_l, { list, version, reach }) => ({ entityType: 'PriceList', entityId: list.id, after: { ...list, version: version.version, rerate: reach !== null } }),
    });
    if (!written.ok) return written;
    const { list, version, reach } = written.value;
    const report = reach ? await this.rerateAfter(actor, version, [platform], reach, 'PriceList') : null;
    return ok({ value: list, version: version.version, rerate: report });
  }

  async upsertCoupon(
    actor: Viewer,
    input: { code: string; platform: BillingPlatform; amount: string; validFrom: string; validTo: string | null; newIsvOnly: boolean },
    rerate = false,
  ): Promise<Result<PriceChange<CouponPolicyEntity>>> {
    const v = [];
    if (!/^[A-Z][A-Z0-9_]{1,39}$/.test(input.code)) v.push(violation('code', 'BAD_CODE', 'SCREAMING_SNAKE, 2–40 characters'));
    if (!isMoneyFormat(input.amount, 8) || new D(input.amount).lte(0)) v.push(violation('amount', 'NOT_AN_AMOUNT', 'yuan above zero, at most two decimals'));
    if (!isIsoDate(input.validFrom)) v.push(violation('validFrom', 'NOT_A_DATE', 'YYYY-MM-DD'));
    if (input.validTo !== null && (!isIsoDate(input.validTo) || input.validTo < input.validFrom)) v.push(violation('validTo', 'NOT_A_DATE', 'YYYY-MM-DD, not before validFrom'));
    if (v.length > 0) return invalidInput(v);
    const bodyOf = (c: CouponPolicyEntity) => ({ platform: c.platform, amount: c.amount, validFrom: c.validFrom, validTo: c.validTo, newIsvOnly: c.newIsvOnly });
    const written = await change(this.ds, this.audit, {
      actor,
      action: 'upsertCouponPolicy',
      // NOTE: a deadlock of concurrent first upserts (both lock the missing row's gap) re-runs the change, which then finds the row.
      retry: {},
      lock: async (em) => {
        const before = await em.findOne(CouponPolicyEntity, { where: { code: input.code }, lock: { mode: 'pessimistic_write' } });
        // A policy moved to another platform re-prices both.
        const platforms = [...new Set([input.platform, ...(before ? [before.platform] : [])])];
        const lastBilled = [];
        for (const p of platforms) lastBilled.push({ platform: p, day: await this.lastBilledDay(em, p) });
        return { before, platforms, lastBilled, firstAffected: couponPolicyFirstAffectedDay(before, input) };
      },
      rule: ({ firstAffected, lastBilled }) => checkPriceChange({ firstAffected, lastBilled, rerate, field: 'validFrom' }),
      before: ({ before }) => before,
      save: async (em, { before, platforms, firstAffected }, reach) => {
        await em.save(CouponPolicyEntity, { ...input });
        const after = await em.findOneByOrFail(CouponPolicyEntity, { code: input.code });
        const version = await this.recordVersion(em, actor, PriceSubject.COUPON_POLICY, input.code, input.platform, before ? { body: bodyOf(before), updatedAt: before.updatedAt, platform: before.platform } : null, bodyOf(after), firstAffected, reach !== null);
        return ok({ policy: after, version, reach: reach?.firstAffectedDay ?? null, platforms });
      },
      audit: (_l, { policy, version, reach }) => ({ entityType: 'CouponPolicy', entityId: input.code, after: { ...policy, version: version.version, rerate: reach !== null } }),
    });
    if (!written.ok) return written;
    const { policy, version, reach, platforms } = written.value;
    const report = reach ? await this.rerateAfter(actor, version, platforms, reach, 'CouponPolicy') : null;
    return ok({ value: policy, version: version.version, rerate: report });
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
    return change(this.ds, this.audit, {
      actor,
      action: 'setQualityDiscount',
      // NOTE: a deadlock of concurrent first upserts (both lock the missing row's gap) re-runs the change, which then finds the row.
      retry: {},
      lock: (em) => em.findOne(QualityDiscountEntity, { where: { appId, effectiveFrom }, lock: { mode: 'pessimistic_write' } }),
      rule: () => ok({ appId, effectiveFrom, percent }),
      before: (existing) => existing,
      save: async (em, _existing, row) => {
        await em.save(QualityDiscountEntity, row);
        return ok(await em.findOneByOrFail(QualityDiscountEntity, { appId, effectiveFrom }));
      },
      audit: (_e, after) => ({ entityType: 'QualityDiscount', entityId: `${appId}@${effectiveFrom}`, after }),
    });
  }

  /** Which platform profile bills the app. */
  async setAppPlatform(actor: Viewer, appId: string, platform: BillingPlatform): Promise<AppEntity> {
    const set = await change(this.ds, this.audit, {
      actor,
      action: 'setAppBillingPlatform',
      lock: async (em) => {
        const app = isNumericId(appId) ? await em.findOne(AppEntity, { where: { id: appId }, lock: { mode: 'pessimistic_write' } }) : null;
        if (!app) throw notFound('App', appId);
        return app;
      },
      rule: () => ok(platform),
      before: (app) => ({ billingPlatform: app.billingPlatform }),
      save: async (em, _app, billingPlatform) => {
        await em.update(AppEntity, { id: appId }, { billingPlatform });
        return ok(await em.findOneByOrFail(AppEntity, { id: appId }));
      },
      audit: (_app, app) => ({ entityType: 'App', entityId: appId, after: { billingPlatform: app.billingPlatform } }),
    });
    // Every platform may bill every app: the rule refuses nothing.
    if (!set.ok) throw new Error(`setAppBillingPlatform refused: ${set.refusal.kind}`);
    return set.value;
  }
}

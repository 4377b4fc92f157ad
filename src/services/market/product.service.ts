import { isNumericId } from '../../domain/common/ids';
import { KeysetPage, KeyValue, pageByKeyset, SortKey } from '../common/pagination';
import { AuditService } from '../audit/audit.service';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../domain/common/clock';
import { invalidInput, invalidState, ok, Result } from '../../domain/common/result';
import { isStaff, Role, Viewer } from '../../domain/common/role';
import { Violation, violation } from '../../domain/common/violation';
import { BillingItem, checkBillingItems, checkFrozenStructure } from '../../domain/market/billing-item.rule';
import { checkEndpointUrl, checkProbe, ENDPOINT_CHECK } from '../../domain/market/endpoint.rule';
import { BillingItemKind, ProductStatus, SaleMode } from '../../domain/market/market.enums';
import { checkPriceSet, PriceSet } from '../../domain/market/price-set.rule';
import { checkProductEditable } from '../../domain/market/product-edit.rule';
import { RefusalReason } from '../../domain/common/refusal-reason';
import { checkDelete, checkHide, checkReorder, checkTrial, checkVersionCount, checkVersionName } from '../../domain/market/version.rule';
import {
  DeveloperEntity,
  MarketBillingItemEntity,
  MarketBillingPriceEntity,
  MarketProductEntity,
  MarketUpgradeRuleEntity,
  MarketVersionEntity,
} from '../../db/entities';
import { notFound } from '../common/errors';
import { OutboundHttpClient } from '../../outbound';
import { probeEndpoint } from './market-http';
import { ReviewRoundEntity } from '../../db/entities';
import { PRODUCT_REVIEW_TRANSITIONS } from '../../domain/market/product-review.rule';
import { transition } from '../../domain/review/review-state.rule';
import { ReviewService } from '../review/review.service';
import { lockedProduct } from './product-review-subject';
import { loadItemsByVersion, priceColumns, priceSetOf } from './market-load';

export interface ProductInput {
  name?: string | null;
  saleMode?: SaleMode | null;
  visible?: boolean | null;
  needsBuyerPhone?: boolean | null;
  needsBuyerEmail?: boolean | null;
}

export interface VersionInput {
  name?: string | null;
  trialDays?: number | null;
  prices?: PriceSet | null;
}

const NAME_MAX = 60;

/** Version codes: `V` and 12 hex digits, unique. */
const newVersionCode = (): string => `V${randomBytes(6).toString('hex').toUpperCase()}`;

/** Products, versions, extra billing items, the endpoint check, listing review and upgrade rules. */
/** A provider's products: newest id first; the market front: oldest id first. */
export const OWN_PRODUCT_ORDER: SortKey<MarketProductEntity>[] = [{ sql: 'p.id', dir: 'DESC', kind: 'number', of: (p) => Number(p.id) }];
export const LISTED_PRODUCT_ORDER: SortKey<MarketProductEntity>[] = [{ sql: 'p.id', dir: 'ASC', kind: 'number', of: (p) => Number(p.id) }];

export class MarketProductService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly http: OutboundHttpClient,
    private readonly reviews: ReviewService,
    private readonly audit: AuditService,
  ) {}

  /**
   * A product the viewer may read: its provider and staff always; anyone else only once it is
   * LISTED and visible. Otherwise NOT_FOUND, exactly as for a missing id.
   */
  async getVisible(viewer: Viewer, id: string, em: EntityManager = this.ds.manager): Promise<MarketProductEntity> {
    const p = isNumericId(id) ? await em.findOneBy(MarketProductEntity, { id }) : null;
    if (!p || !(isStaff(viewer) || p.providerId === viewer.subjectId || (p.status === ProductStatus.LISTED && p.visible))) throw notFound('MarketProduct', id);
    return p;
  }

  /** One page of the provider's products, newest first (keyset in SQL). */
  pageOwn(providerId: string, limit: number, after: KeyValue[] | null): Promise<KeysetPage<MarketProductEntity>> {
    return pageByKeyset(this.ds.getRepository(MarketProductEntity).createQueryBuilder('p').where('p.provider_id = :providerId', { providerId }), OWN_PRODUCT_ORDER, limit, after);
  }

  /** One page of the market front: listed, visible products, oldest first (keyset in SQL). */
  pageListed(limit: number, after: KeyValue[] | null): Promise<KeysetPage<MarketProductEntity>> {
    const qb = this.ds.getRepository(MarketProductEntity).createQueryBuilder('p').where('p.status = :status AND p.visible = 1', { status: ProductStatus.LISTED });
    return pageByKeyset(qb, LISTED_PRODUCT_ORDER, limit, after);
  }

  async create(providerId: string, input: ProductInput): Promise<Result<MarketProductEntity>> {
    const violations = checkProductFields(input, false);
    return this.ds.transaction(async (em) => {
      if (!(await em.existsBy(DeveloperEntity, { id: providerId }))) violations.push(violation('developer', 'NOT_REGISTERED', 'register your developer account (registerDeveloper) first'));
      if (violations.length > 0) return invalidInput<MarketProductEntity>(violations);
      const p = em.create(MarketProductEntity, {
        providerId,
        name: input.name!.trim(),
        saleMode: input.saleMode!,
        visible: input.visible ?? true,
        needsBuyerPhone: input.needsBuyerPhone ?? false,
        needsBuyerEmail: input.needsBuyerEmail ?? false,
        status: ProductStatus.DRAFT,
        endpointUrl: null,
        submittedAt: null,
        listedAt: null,
      });
      await em.save(p);
      return ok(await em.findOneByOrFail(MarketProductEntity, { id: p.id }));
    });
  }

  async update(viewer: Viewer, id: string, input: ProductInput): Promise<Result<MarketProductEntity>> {
    const violations = checkProductFields(input, true);
    return this.ds.transaction(async (em) => {
      const p = await this.lockOwn(em, viewer, id);
      const editable = checkProductEditable(p.status, 'updateMarketProduct');
      if (!editable.ok) return editable;
      if (input.saleMode != null && input.saleMode !== p.saleMode) violations.push(violation('saleMode', 'SALE_MODE_FIXED', 'the sale mode is chosen when the product is created and never changes'));
      if (violations.length > 0) return invalidInput<MarketProductEntity>(violations);
      if (input.name != null) p.name = input.name.trim();
      if (input.visible != null) p.visible = input.visible;
      if (input.needsBuyerPhone != null) p.needsBuyerPhone = input.needsBuyerPhone;
      if (input.needsBuyerEmail != null) p.needsBuyerEmail = input.needsBuyerEmail;
      await em.save(p);
      return ok(await em.findOneByOrFail(MarketProductEntity, { id }));
    });
  }

  /**
   * Saves the production endpoint after checking it: http(s), a domain not an IP, and a live HEAD
   * request answering 200–500 within 2 s, sent only if the name resolves to public addresses only
   * (src/outbound). The request runs before the transaction (no row is
   * locked while the network is awaited).
   */
  async setEndpoint(viewer: Viewer, id: string, url: string): Promise<Result<MarketProductEntity>> {
    const current = await this.getOwn(viewer, id);
    const editable = checkProductEditable(current.status, 'setProductionEndpoint');
      if (!editable.ok) return editable;
    const staticViolations = checkEndpointUrl(url.trim());
    if (staticViolations.length > 0) return invalidInput(staticViolations);
    const probeViolations = checkProbe(await probeEndpoint(this.http, url.trim(), ENDPOINT_CHECK.timeoutMs));
    if (probeViolations.length > 0) return invalidInput(probeViolations);
    return this.ds.transaction(async (em) => {
      const p = await this.lockOwn(em, viewer, id);
      const editable = checkProductEditable(p.status, 'setProductionEndpoint');
      if (!editable.ok) return editable;
      p.endpointUrl = url.trim();
      await em.save(p);
      return ok(await em.findOneByOrFail(MarketProductEntity, { id }));
    });
  }

  async addVersion(viewer: Viewer, productId: string, input: VersionInput): Promise<Result<MarketVersionEntity>> {
    return this.ds.transaction(async (em) => {
      const p = await this.lockOwn(em, viewer, productId);
      const editable = checkProductEditable(p.status, 'addMarketVersion');
      if (!editable.ok) return editable;
      const count = await em.countBy(MarketVersionEntity, { productId });
      const violations = [...checkVersionCount(count), ...checkVersionName((input.name ?? '').trim()), ...checkTrial(p.saleMode, input.trialDays), ...checkPriceSet('prices', input.prices ?? {}, p.saleMode)];
      if (violations.length > 0) return invalidInput<MarketVersionEntity>(violations);
      const maxOrder = await em.createQueryBuilder(MarketVersionEntity, 'v').select('MAX(v.displayOrder)', 'm').where('v.productId = :productId', { productId }).getRawOne<{ m: number | null }>();
      for (let attempt = 1; ; attempt++) {
        const v = em.create(MarketVersionEntity, {
          productId,
          code: newVersionCode(),
          name: input.name!.trim(),
          displayOrder: Number(maxOrder?.m ?? 0) + 1,
          hidden: false,
          trialDays: input.trialDays ?? null,
          ...priceColumns(input.prices ?? {}),
        });
        try {
          await em.save(v);
          return ok(await em.findOneByOrFail(MarketVersionEntity, { id: v.id }));
        } catch (err) {
          if ((err as { code?: string }).code !== 'ER_DUP_ENTRY' || attempt >= 5) throw err;
        }
      }
    });
  }

  async updateVersion(viewer: Viewer, versionId: string, input: VersionInput): Promise<Result<MarketVersionEntity>> {
    return this.ds.transaction(async (em) => {
      const { product, version } = await this.lockOwnVersion(em, viewer, versionId);
      const editable = checkProductEditable(product.status, 'updateMarketVersion');
      if (!editable.ok) return editable;
      const violations: Violation[] = [];
      if (input.name != null) violations.push(...checkVersionName(input.name.trim()));
      if (input.trialDays !== undefined) violations.push(...checkTrial(product.saleMode, input.trialDays));
      if (input.prices != null) violations.push(...checkPriceSet('prices', input.prices, product.saleMode));
      if (violations.length > 0) return invalidInput<MarketVersionEntity>(violations);
      if (input.name != null) version.name = input.name.trim();
      if (input.trialDays !== undefined) version.trialDays = input.trialDays;
      if (input.prices != null) Object.assign(version, priceColumns(input.prices));
      await em.save(version);
      return ok(await em.findOneByOrFail(MarketVersionEntity, { id: versionId }));
    });
  }

  /**
   * Replaces a version's extra billing items. After the product's first submission the structure
   * (items, kinds, minimums, tier starts, enum values) is frozen; prices may still change.
   */
  async setBillingItems(viewer: Viewer, versionId: string, items: BillingItem[]): Promise<Result<MarketVersionEntity>> {
    return this.ds.transaction(async (em) => {
      const { product, version } = await this.lockOwnVersion(em, viewer, versionId);
      const editable = checkProductEditable(product.status, 'setVersionBillingItems');
      if (!editable.ok) return editable;
      const violations = checkBillingItems(items, product.saleMode);
      if (violations.length === 0 && product.submittedAt) {
        const before = (await loadItemsByVersion(em, [versionId])).get(versionId)!;
        violations.push(...checkFrozenStructure(before, items));
      }
      if (violations.length > 0) return invalidInput<MarketVersionEntity>(violations);
      await em.delete(MarketBillingItemEntity, { versionId });
      for (const [i, item] of items.entries()) {
        const row = await em.save(
          em.create(MarketBillingItemEntity, {
            versionId,
            position: i,
            code: item.code,
            name: item.name.trim(),
            kind: item.kind,
            unit: item.kind === BillingItemKind.QUANTITY ? item.unit!.trim() : item.unit?.trim() || null,
            minimum: item.kind === BillingItemKind.QUANTITY ? item.minimum! : null,
          }),
        );
        const priced =
          item.kind === BillingItemKind.QUANTITY
            ? (item.tiers ?? []).map((t, j) => ({ position: j, tierFrom: t.from, enumValue: null, ...priceColumns(t.prices) }))
            : (item.values ?? []).map((v, j) => ({ position: j, tierFrom: null, enumValue: v.value.trim(), ...priceColumns(v.prices) }));
        if (priced.length) await em.insert(MarketBillingPriceEntity, priced.map((p) => ({ ...p, itemId: row.id })));
      }
      return ok(version);
    });
  }

  async setVersionHidden(viewer: Viewer, versionId: string, hidden: boolean): Promise<Result<MarketVersionEntity>> {
    return this.ds.transaction(async (em) => {
      const { product, version } = await this.lockOwnVersion(em, viewer, versionId);
      const editable = checkProductEditable(product.status, hidden ? 'hideMarketVersion' : 'showMarketVersion');
      if (!editable.ok) return editable;
      if (hidden) {
        const versions = await em.find(MarketVersionEntity, { where: { productId: product.id }, select: { id: true, hidden: true } });
        const violations = checkHide(versions, versionId);
        if (violations.length > 0) return invalidInput<MarketVersionEntity>(violations);
      }
      version.hidden = hidden;
      await em.save(version);
      return ok(version);
    });
  }

  /** Deletes a version: only while the product has never been listed (then hide instead). */
  async deleteVersion(viewer: Viewer, versionId: string): Promise<Result<MarketProductEntity>> {
    return this.ds.transaction(async (em) => {
      const { product, version } = await this.lockOwnVersion(em, viewer, versionId);
      const editable = checkProductEditable(product.status, 'deleteMarketVersion');
      if (!editable.ok) return editable;
      const violations = checkDelete(product.listedAt !== null);
      if (violations.length > 0) return invalidInput<MarketProductEntity>(violations);
      await em.delete(MarketVersionEntity, { id: version.id });
      return ok(product);
    });
  }

  async reorderVersions(viewer: Viewer, productId: string, versionIds: string[]): Promise<Result<MarketProductEntity>> {
    return this.ds.transaction(async (em) => {
      const p = await this.lockOwn(em, viewer, productId);
      const editable = checkProductEditable(p.status, 'reorderMarketVersions');
      if (!editable.ok) return editable;
      const versions = await em.findBy(MarketVersionEntity, { productId });
      const violations = checkReorder(
        versions.map((v) => v.id),
        versionIds,
      );
      if (violations.length > 0) return invalidInput<MarketProductEntity>(violations);
      for (const [i, id] of versionIds.entries()) await em.update(MarketVersionEntity, { id }, { displayOrder: i + 1 });
      return ok(p);
    });
  }

  /**
   * Submits the product for review on the shared review rounds (DOMAIN §3 machinery: due in 3
   * working days, reasons, feedback): DRAFT or REJECTED → IN_REVIEW. It needs a checked
   * production endpoint and a visible version; every version's prices must fit the sale mode.
   * The first submission freezes tier starts and enum values.
   */
  async submit(viewer: Viewer, productId: string): Promise<Result<ReviewRoundEntity>> {
    return this.ds.transaction(async (em) => {
      const p = await this.lockOwn(em, viewer, productId);
      const step = transition(PRODUCT_REVIEW_TRANSITIONS, p.status, 'SUBMIT', 'a market product');
      if (!step.ok) return invalidState<ReviewRoundEntity>(step.currentState, 'submitMarketProduct', step.message, RefusalReason.TRANSITION_NOT_ALLOWED, { status: step.currentState });
      const violations: Violation[] = [];
      if (!p.endpointUrl) violations.push(violation('endpointUrl', 'REQUIRED', 'set and check the production endpoint before submitting'));
      const versions = await em.findBy(MarketVersionEntity, { productId });
      if (!versions.some((v) => !v.hidden)) violations.push(violation('versions', 'REQUIRED', 'a product needs at least one visible version'));
      for (const v of versions) violations.push(...checkPriceSet(`versions.${v.code}.prices`, priceSetOf(v), p.saleMode));
      if (violations.length > 0) return invalidInput<ReviewRoundEntity>(violations);
      const from = lockedProduct(p);
      p.status = step.to;
      p.submittedAt ??= this.clock.now();
      await em.save(p);
      return ok(await this.reviews.openRound(em, from, step.to, viewer));
    });
  }

  /**
   * Upgrade paths between two versions of one product (004 §4.2.8): the product's provider sets and
   * removes them once the product is LISTED (not on a draft, in review or rejected); operators set
   * and remove any, at any time, and a rule an operator set overrides the provider's say: the
   * provider cannot remove it (issue 18). Another developer's versions answer NOT_FOUND.
   */
  async setUpgradeRule(actor: Viewer, fromVersionId: string, toVersionId: string, enabled: boolean): Promise<Result<MarketProductEntity>> {
    const action = enabled ? 'setUpgradeRule' : 'removeUpgradeRule';
    const asProvider = actor.role === Role.DEVELOPER;
    return this.ds.transaction(async (em) => {
      const from = isNumericId(fromVersionId) ? await em.findOneBy(MarketVersionEntity, { id: fromVersionId }) : null;
      const to = isNumericId(toVersionId) ? await em.findOneBy(MarketVersionEntity, { id: toVersionId }) : null;
      const product = from ? await em.findOne(MarketProductEntity, { where: { id: from.productId }, lock: { mode: 'pessimistic_write' } }) : null;
      const owns = (p: MarketProductEntity | null) => p !== null && (!asProvider || p.providerId === actor.subjectId);
      if (!from || !owns(product)) throw notFound('MarketVersion', fromVersionId);
      if (!to || (asProvider && to.productId !== from.productId && !owns(await em.findOneBy(MarketProductEntity, { id: to.productId })))) throw notFound('MarketVersion', toVersionId);
      const violations: Violation[] = [];
      if (from.productId !== to.productId) violations.push(violation('toVersionId', 'OTHER_PRODUCT', 'an upgrade rule links two versions of the same product'));
      if (from.id === to.id) violations.push(violation('toVersionId', 'SAME_VERSION', 'a version scales itself up without a rule'));
      if (violations.length > 0) return invalidInput<MarketProductEntity>(violations);
      if (asProvider && product!.status !== ProductStatus.LISTED) return invalidState<MarketProductEntity>(product!.status, action, 'a provider configures upgrade rules once the product is listed', RefusalReason.PRODUCT_NOT_LISTED, { status: product!.status });
      const existing = await em.findOneBy(MarketUpgradeRuleEntity, { fromVersionId, toVersionId });
      if (asProvider && !enabled && existing?.setByRole === 'OPERATOR') return invalidState<MarketProductEntity>('OPERATOR_RULE', action, 'an operator set this rule: only an operator removes it', RefusalReason.SET_BY_OPERATOR);
      const setByRole = asProvider ? 'PROVIDER' : 'OPERATOR';
      if (enabled && !existing) await em.insert(MarketUpgradeRuleEntity, { productId: from.productId, fromVersionId, toVersionId, setByRole });
      // An operator setting a provider's rule takes it over; a provider setting an operator's rule changes nothing.
      if (enabled && existing && !asProvider && existing.setByRole !== 'OPERATOR') await em.update(MarketUpgradeRuleEntity, { id: existing.id }, { setByRole });
      if (!enabled) await em.delete(MarketUpgradeRuleEntity, { fromVersionId, toVersionId });
      const rule = { productId: from.productId, fromVersionId, toVersionId };
      await this.audit.record(em, { actor, action, entityType: 'MarketUpgradeRule', entityId: `${fromVersionId}->${toVersionId}`, before: existing ? rule : null, after: enabled ? rule : null });
      return ok(product!);
    });
  }

  private async getOwn(viewer: Viewer, id: string): Promise<MarketProductEntity> {
    const p = isNumericId(id) ? await this.ds.manager.findOneBy(MarketProductEntity, { id }) : null;
    if (!p || p.providerId !== viewer.subjectId) throw notFound('MarketProduct', id);
    return p;
  }

  /** Only the provider edits; anyone else is answered as if the product did not exist. */
  private async lockOwn(em: EntityManager, viewer: Viewer, id: string): Promise<MarketProductEntity> {
    const p = isNumericId(id) ? await em.findOne(MarketProductEntity, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
    if (!p || p.providerId !== viewer.subjectId) throw notFound('MarketProduct', id);
    return p;
  }

  /** Locks the version's product (versions change under the product's lock), then the version. */
  private async lockOwnVersion(em: EntityManager, viewer: Viewer, versionId: string): Promise<{ product: MarketProductEntity; version: MarketVersionEntity }> {
    const v = isNumericId(versionId) ? await em.findOneBy(MarketVersionEntity, { id: versionId }) : null;
    if (!v) throw notFound('MarketVersion', versionId);
    const product = await em.findOne(MarketProductEntity, { where: { id: v.productId }, lock: { mode: 'pessimistic_write' } });
    if (!product || product.providerId !== viewer.subjectId) throw notFound('MarketVersion', versionId);
    const version = await em.findOneByOrFail(MarketVersionEntity, { id: versionId });
    return { product, version };
  }
}

function checkProductFields(input: ProductInput, partial: boolean): Violation[] {
  const out: Violation[] = [];
  if (input.name !== undefined || !partial) {
    const name = (input.name ?? '').trim();
    if (name.length === 0) out.push(violation('name', 'REQUIRED', 'a product needs a name'));
    else if (name.length > NAME_MAX) out.push(violation('name', 'TOO_LONG', `a product name is at most ${NAME_MAX} characters`));
  }
  if (!partial && !input.saleMode) out.push(violation('saleMode', 'REQUIRED', 'choose BY_CYCLE or ONE_TIME'));
  return out;
}

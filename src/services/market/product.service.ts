import { isNumericId } from '../../domain/common/ids';
import { AuditService } from '../audit/audit.service';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../domain/common/clock';
import { invalidInput, ok, Result } from '../../domain/common/result';
import { isStaff, Role, Viewer } from '../../domain/common/role';
import { BillingItem } from '../../domain/market/billing-item.rule';
import { checkEndpointUrl, checkProbe, ENDPOINT_CHECK } from '../../domain/market/endpoint.rule';
import { BillingItemKind, ProductStatus } from '../../domain/market/market.enums';
import {
  checkProductEditable,
  planBillingItems,
  planProductCreate,
  planProductUpdate,
  planSubmission,
  planUpgradeRule,
  planVersionAdd,
  planVersionDelete,
  planVersionOrder,
  planVersionUpdate,
  planVersionVisibility,
  ProductFields,
  UpgradeRuleSetter,
  VersionFields,
} from '../../domain/market/product-edit.rule';
import {
  DeveloperEntity,
  MarketBillingItemEntity,
  MarketBillingPriceEntity,
  MarketProductEntity,
  MarketUpgradeRuleEntity,
  MarketVersionEntity,
} from '../../db/entities';
import { change } from '../common/change';
import { notFound } from '../common/errors';
import { OutboundHttpClient } from '../../outbound';
import { probeEndpoint } from './market-http';
import { ReviewRoundEntity } from '../../db/entities';
import { ReviewService } from '../review/review.service';
import { lockedProduct } from './product-review-subject';
import { loadItemsByVersion, priceColumns, priceSetOf } from './market-load';

export type ProductInput = ProductFields;
export type VersionInput = VersionFields;

/** Version codes: `V` and 12 hex digits, unique. */
const newVersionCode = (): string => `V${randomBytes(6).toString('hex').toUpperCase()}`;

/** Products, versions, extra billing items, the endpoint check, listing review and upgrade rules. */
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

  listOwn(providerId: string): Promise<MarketProductEntity[]> {
    return this.ds.getRepository(MarketProductEntity).find({ where: { providerId }, order: { id: 'DESC' } });
  }

  /** The market front: listed, visible products. */
  listListed(): Promise<MarketProductEntity[]> {
    return this.ds.getRepository(MarketProductEntity).find({ where: { status: ProductStatus.LISTED, visible: true }, order: { id: 'ASC' } });
  }

  async create(viewer: Viewer, input: ProductInput): Promise<Result<MarketProductEntity>> {
    const providerId = viewer.subjectId!;
    return change(this.ds, this.audit, {
      actor: viewer,
      action: 'createMarketProduct',
      lock: async (em) => ({ registered: await em.existsBy(DeveloperEntity, { id: providerId }) }),
      rule: ({ registered }) => planProductCreate(input, registered),
      before: () => null,
      save: async (em, _l, fields) => {
        const p = em.create(MarketProductEntity, { providerId, ...fields, status: ProductStatus.DRAFT, endpointUrl: null, submittedAt: null, listedAt: null });
        await em.save(p);
        return ok(await em.findOneByOrFail(MarketProductEntity, { id: p.id }));
      },
      audit: (_l, p) => ({ entityType: 'MarketProduct', entityId: p.id, after: p }),
    });
  }

  async update(viewer: Viewer, id: string, input: ProductInput): Promise<Result<MarketProductEntity>> {
    return change(this.ds, this.audit, {
      actor: viewer,
      action: 'updateMarketProduct',
      lock: (em) => this.lockOwn(em, viewer, id),
      rule: (p) => planProductUpdate(p, input),
      save: async (em, p, patch) => {
        await em.save(Object.assign(p, patch));
        return ok(await em.findOneByOrFail(MarketProductEntity, { id }));
      },
      audit: (_p, saved) => ({ entityType: 'MarketProduct', entityId: id, after: saved }),
    });
  }

  /**
   * Saves the production endpoint after checking it: http(s), a domain not an IP, and a live HEAD
   * request answering 200–500 within 2 s, sent only if the name resolves to public addresses only
   * (src/outbound). The request runs before the transaction (no row is
   * locked while the network is awaited); the editable check runs again under the lock.
   */
  async setEndpoint(viewer: Viewer, id: string, url: string): Promise<Result<MarketProductEntity>> {
    const current = await this.getOwn(viewer, id);
    const editable = checkProductEditable(current.status, 'setProductionEndpoint');
    if (!editable.ok) return editable;
    const staticViolations = checkEndpointUrl(url.trim());
    if (staticViolations.length > 0) return invalidInput(staticViolations);
    const probeViolations = checkProbe(await probeEndpoint(this.http, url.trim(), ENDPOINT_CHECK.timeoutMs));
    if (probeViolations.length > 0) return invalidInput(probeViolations);
    return change(this.ds, this.audit, {
      actor: viewer,
      action: 'setProductionEndpoint',
      lock: (em) => this.lockOwn(em, viewer, id),
      rule: (p) => checkProductEditable(p.status, 'setProductionEndpoint'),
      before: (p) => ({ endpointUrl: p.endpointUrl }),
      save: async (em, p) => {
        p.endpointUrl = url.trim();
        await em.save(p);
        return ok(await em.findOneByOrFail(MarketProductEntity, { id }));
      },
      audit: (_p, saved) => ({ entityType: 'MarketProduct', entityId: id, after: { endpointUrl: saved.endpointUrl } }),
    });
  }

  async addVersion(viewer: Viewer, productId: string, input: VersionInput): Promise<Result<MarketVersionEntity>> {
    return change(this.ds, this.audit, {
      actor: viewer,
      action: 'addMarketVersion',
      lock: async (em) => {
        const product = await this.lockOwn(em, viewer, productId);
        return { product, count: await em.countBy(MarketVersionEntity, { productId }) };
      },
      rule: ({ product, count }) => planVersionAdd(product, count, input),
      before: () => null,
      save: async (em, _l, fields) => {
        const maxOrder = await em.createQueryBuilder(MarketVersionEntity, 'v').select('MAX(v.displayOrder)', 'm').where('v.productId = :productId', { productId }).getRawOne<{ m: number | null }>();
        for (let attempt = 1; ; attempt++) {
          const v = em.create(MarketVersionEntity, {
            productId,
            code: newVersionCode(),
            name: fields.name,
            displayOrder: Number(maxOrder?.m ?? 0) + 1,
            hidden: false,
            trialDays: fields.trialDays,
            ...priceColumns(fields.prices),
          });
          try {
            await em.save(v);
            return ok(await em.findOneByOrFail(MarketVersionEntity, { id: v.id }));
          } catch (err) {
            // NOTE: 16^12 codes; a collision is rare, so retry a few times, then fail loudly.
            if ((err as { code?: string }).code !== 'ER_DUP_ENTRY' || attempt >= 5) throw err;
          }
        }
      },
      audit: (_l, v) => ({ entityType: 'MarketVersion', entityId: v.id, after: v }),
    });
  }

  async updateVersion(viewer: Viewer, versionId: string, input: VersionInput): Promise<Result<MarketVersionEntity>> {
    return change(this.ds, this.audit, {
      actor: viewer,
      action: 'updateMarketVersion',
      lock: (em) => this.lockOwnVersion(em, viewer, versionId),
      rule: ({ product }) => planVersionUpdate(product, input),
      before: ({ version }) => ({ ...version }),
      save: async (em, { version }, patch) => {
        if (patch.name !== undefined) version.name = patch.name;
        if (patch.trialDays !== undefined) version.trialDays = patch.trialDays;
        if (patch.prices !== undefined) Object.assign(version, priceColumns(patch.prices));
        await em.save(version);
        return ok(await em.findOneByOrFail(MarketVersionEntity, { id: versionId }));
      },
      audit: (_l, v) => ({ entityType: 'MarketVersion', entityId: versionId, after: v }),
    });
  }

  /**
   * Replaces a version's extra billing items. After the product's first submission the structure
   * (items, kinds, minimums, tier starts, enum values) is frozen; prices may still change.
   */
  async setBillingItems(viewer: Viewer, versionId: string, items: BillingItem[]): Promise<Result<MarketVersionEntity>> {
    return change(this.ds, this.audit, {
      actor: viewer,
      action: 'setVersionBillingItems',
      lock: async (em) => {
        const { product, version } = await this.lockOwnVersion(em, viewer, versionId);
        return { product, version, current: (await loadItemsByVersion(em, [versionId])).get(versionId)! };
      },
      rule: ({ product, current }) => planBillingItems(product, items, product.submittedAt ? current : null),
      before: ({ current }) => ({ items: current }),
      save: async (em, { version }, planned) => {
        await em.delete(MarketBillingItemEntity, { versionId });
        for (const [i, item] of planned.entries()) {
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
      },
      audit: async (_l, _v, _before, em) => ({ entityType: 'MarketVersion', entityId: versionId, after: { items: (await loadItemsByVersion(em, [versionId])).get(versionId)! } }),
    });
  }

  async setVersionHidden(viewer: Viewer, versionId: string, hidden: boolean): Promise<Result<MarketVersionEntity>> {
    return change(this.ds, this.audit, {
      actor: viewer,
      action: hidden ? 'hideMarketVersion' : 'showMarketVersion',
      lock: async (em) => {
        const { product, version } = await this.lockOwnVersion(em, viewer, versionId);
        return { product, version, versions: await em.find(MarketVersionEntity, { where: { productId: product.id }, select: { id: true, hidden: true } }) };
      },
      rule: ({ product, versions }) => planVersionVisibility(product, versions, versionId, hidden),
      before: ({ version }) => ({ hidden: version.hidden }),
      save: async (em, { version }, to) => {
        version.hidden = to;
        await em.save(version);
        return ok(version);
      },
      audit: (_l, v) => ({ entityType: 'MarketVersion', entityId: versionId, after: { hidden: v.hidden } }),
    });
  }

  /** Deletes a version: only while the product has never been listed (then hide instead). */
  async deleteVersion(viewer: Viewer, versionId: string): Promise<Result<MarketProductEntity>> {
    return change(this.ds, this.audit, {
      actor: viewer,
      action: 'deleteMarketVersion',
      lock: (em) => this.lockOwnVersion(em, viewer, versionId),
      rule: ({ product }) => planVersionDelete({ status: product.status, saleMode: product.saleMode, everListed: product.listedAt !== null }),
      before: ({ version }) => ({ ...version }),
      save: async (em, { product, version }) => {
        await em.delete(MarketVersionEntity, { id: version.id });
        return ok(product);
      },
      audit: () => ({ entityType: 'MarketVersion', entityId: versionId, after: null }),
    });
  }

  async reorderVersions(viewer: Viewer, productId: string, versionIds: string[]): Promise<Result<MarketProductEntity>> {
    return change(this.ds, this.audit, {
      actor: viewer,
      action: 'reorderMarketVersions',
      lock: async (em) => {
        const product = await this.lockOwn(em, viewer, productId);
        return { product, versions: await em.find(MarketVersionEntity, { where: { productId }, order: { displayOrder: 'ASC', id: 'ASC' } }) };
      },
      rule: ({ product, versions }) =>
        planVersionOrder(
          product,
          versions.map((v) => v.id),
          versionIds,
        ),
      before: ({ versions }) => ({ versionIds: versions.map((v) => v.id) }),
      save: async (em, { product }, order) => {
        for (const [i, id] of order.entries()) await em.update(MarketVersionEntity, { id }, { displayOrder: i + 1 });
        return ok(product);
      },
      audit: () => ({ entityType: 'MarketProduct', entityId: productId, after: { versionIds } }),
    });
  }

  /**
   * Submits the product for review on the shared review rounds (DOMAIN §3 machinery: due in 3
   * working days, reasons, feedback): DRAFT or REJECTED → IN_REVIEW. It needs a checked
   * production endpoint and a visible version; every version's prices must fit the sale mode.
   * The first submission freezes tier starts and enum values.
   */
  async submit(viewer: Viewer, productId: string): Promise<Result<ReviewRoundEntity>> {
    return change(this.ds, this.audit, {
      actor: viewer,
      action: 'submitMarketProduct',
      lock: async (em) => {
        const product = await this.lockOwn(em, viewer, productId);
        return { product, versions: await em.findBy(MarketVersionEntity, { productId }) };
      },
      rule: ({ product, versions }) => planSubmission(product, versions.map((v) => ({ code: v.code, hidden: v.hidden, prices: priceSetOf(v) }))),
      before: ({ product }) => ({ status: product.status }),
      save: async (em, { product }, to) => {
        const from = lockedProduct(product);
        product.status = to;
        product.submittedAt ??= this.clock.now();
        await em.save(product);
        return ok(await this.reviews.openRound(em, from, to, viewer));
      },
      audit: ({ product }, round) => ({ entityType: 'MarketProduct', entityId: productId, after: { status: product.status, roundId: round.id } }),
    });
  }

  /**
   * Upgrade paths between two versions of one product (004 §4.2.8): the product's provider sets and
   * removes them once the product is LISTED (not on a draft, in review or rejected); operators set
   * and remove any, at any time, and a rule an operator set overrides the provider's say: the
   * provider cannot remove it (issue 18). Another developer's versions answer NOT_FOUND.
   */
  async setUpgradeRule(actor: Viewer, fromVersionId: string, toVersionId: string, enabled: boolean): Promise<Result<MarketProductEntity>> {
    const asProvider = actor.role === Role.DEVELOPER;
    return change(this.ds, this.audit, {
      actor,
      action: enabled ? 'setUpgradeRule' : 'removeUpgradeRule',
      lock: async (em) => {
        const from = isNumericId(fromVersionId) ? await em.findOneBy(MarketVersionEntity, { id: fromVersionId }) : null;
        const to = isNumericId(toVersionId) ? await em.findOneBy(MarketVersionEntity, { id: toVersionId }) : null;
        const product = from ? await em.findOne(MarketProductEntity, { where: { id: from.productId }, lock: { mode: 'pessimistic_write' } }) : null;
        const owns = (p: MarketProductEntity | null) => p !== null && (!asProvider || p.providerId === actor.subjectId);
        if (!from || !owns(product)) throw notFound('MarketVersion', fromVersionId);
        if (!to || (asProvider && to.productId !== from.productId && !owns(await em.findOneBy(MarketProductEntity, { id: to.productId })))) throw notFound('MarketVersion', toVersionId);
        return { from, to, product: product!, existing: await em.findOneBy(MarketUpgradeRuleEntity, { fromVersionId, toVersionId }) };
      },
      rule: ({ from, to, product, existing }) =>
        planUpgradeRule({
          asProvider,
          enabled,
          sameProduct: from.productId === to.productId,
          sameVersion: from.id === to.id,
          productStatus: product.status,
          existing: existing ? (existing.setByRole as UpgradeRuleSetter) : null,
        }),
      before: ({ from, existing }) => (existing ? { productId: from.productId, fromVersionId, toVersionId } : null),
      save: async (em, { from, product, existing }, write) => {
        const setByRole: UpgradeRuleSetter = asProvider ? 'PROVIDER' : 'OPERATOR';
        if (write === 'INSERT') await em.insert(MarketUpgradeRuleEntity, { productId: from.productId, fromVersionId, toVersionId, setByRole });
        if (write === 'TAKE_OVER') await em.update(MarketUpgradeRuleEntity, { id: existing!.id }, { setByRole });
        if (write === 'DELETE') await em.delete(MarketUpgradeRuleEntity, { fromVersionId, toVersionId });
        return ok(product);
      },
      audit: ({ from }) => ({ entityType: 'MarketUpgradeRule', entityId: `${fromVersionId}->${toVersionId}`, after: enabled ? { productId: from.productId, fromVersionId, toVersionId } : null }),
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

import { isNumericId } from '../../domain/common/ids';
import { EntityManager, In } from 'typeorm';
import { BillingItem } from '../../domain/market/billing-item.rule';
import { BillingItemKind } from '../../domain/market/market.enums';
import { PriceSet } from '../../domain/market/price-set.rule';
import { PricedVersion } from '../../domain/market/quote.rule';
import { MarketBillingItemEntity, MarketBillingPriceEntity, MarketProductEntity, MarketVersionEntity } from '../../db/entities';
import { notFound } from '../common/errors';

/** A price set read from a row (DECIMAL strings or null). */
export const priceSetOf = (row: { monthNew: string | null; monthRenew: string | null; yearNew: string | null; yearRenew: string | null; oneTime: string | null }): PriceSet => ({
  monthNew: row.monthNew,
  monthRenew: row.monthRenew,
  yearNew: row.yearNew,
  yearRenew: row.yearRenew,
  oneTime: row.oneTime,
});

/** Empty strings become NULL; amounts are kept as the decimal strings given. */
export const priceColumns = (p: PriceSet) => ({
  monthNew: p.monthNew || null,
  monthRenew: p.monthRenew || null,
  yearNew: p.yearNew || null,
  yearRenew: p.yearRenew || null,
  oneTime: p.oneTime || null,
});

/** Rows of items and their prices as domain billing items, in position order. */
export function toBillingItems(items: MarketBillingItemEntity[], prices: MarketBillingPriceEntity[]): BillingItem[] {
  return [...items]
    .sort((a, b) => a.position - b.position)
    .map((item) => {
      const mine = prices.filter((p) => p.itemId === item.id).sort((a, b) => a.position - b.position);
      return {
        code: item.code,
        name: item.name,
        kind: item.kind,
        unit: item.unit,
        minimum: item.minimum,
        tiers: item.kind === BillingItemKind.QUANTITY ? mine.map((p) => ({ from: p.tierFrom!, prices: priceSetOf(p) })) : [],
        values: item.kind === BillingItemKind.ENUM ? mine.map((p) => ({ value: p.enumValue!, prices: priceSetOf(p) })) : [],
      };
    });
}

/** The billing items of several versions, one query per table. */
export async function loadItemsByVersion(em: EntityManager, versionIds: readonly string[]): Promise<Map<string, BillingItem[]>> {
  const out = new Map<string, BillingItem[]>(versionIds.map((id) => [id, []]));
  if (versionIds.length === 0) return out;
  const items = await em.findBy(MarketBillingItemEntity, { versionId: In([...versionIds]) });
  const prices = items.length ? await em.findBy(MarketBillingPriceEntity, { itemId: In(items.map((i) => i.id)) }) : [];
  for (const id of versionIds) {
    out.set(
      id,
      toBillingItems(
        items.filter((i) => i.versionId === id),
        prices,
      ),
    );
  }
  return out;
}

export interface LoadedVersion {
  product: MarketProductEntity;
  version: MarketVersionEntity;
  items: BillingItem[];
  priced: PricedVersion;
}

/** A version with its product and items; NOT_FOUND when absent. */
export async function loadVersion(em: EntityManager, versionId: string): Promise<LoadedVersion> {
  const version = isNumericId(versionId) ? await em.findOneBy(MarketVersionEntity, { id: versionId }) : null;
  if (!version) throw notFound('MarketVersion', versionId);
  const product = await em.findOneByOrFail(MarketProductEntity, { id: version.productId });
  const items = (await loadItemsByVersion(em, [version.id])).get(version.id)!;
  return { product, version, items, priced: { name: version.name, prices: priceSetOf(version), items } };
}

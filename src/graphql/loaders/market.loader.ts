import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { MarketProductEntity, MarketUpgradeRuleEntity, MarketVersionEntity, ReviewRoundEntity } from '../../db/entities';
import { ReviewSubjectType } from '../../domain/review/review.enums';
import { BillingItem } from '../../domain/market/billing-item.rule';
import { loadItemsByVersion } from '../../services/market/market-load';

/** A product's versions in display order: prevents one SELECT per product in a product list. */
export const versionsByProductLoader = (ds: DataSource) =>
  new DataLoader<string, MarketVersionEntity[]>(
    async (ids) => {
      const rows = await ds.getRepository(MarketVersionEntity).find({ where: { productId: In([...ids]) }, order: { displayOrder: 'ASC', id: 'ASC' } });
      const by = new Map<string, MarketVersionEntity[]>(ids.map((id) => [id, []]));
      for (const r of rows) by.get(String(r.productId))?.push(r);
      return ids.map((id) => by.get(id) ?? []);
    },
    { maxBatchSize: 500 },
  );

/** A version's extra billing items with their prices: prevents two SELECTs per version. */
export const billingItemsByVersionLoader = (ds: DataSource) =>
  new DataLoader<string, BillingItem[]>(
    async (ids) => {
      const by = await loadItemsByVersion(ds.manager, ids);
      return ids.map((id) => by.get(id) ?? []);
    },
    { maxBatchSize: 500 },
  );

/** A product's upgrade rules: prevents one SELECT per product. */
export const upgradeRulesByProductLoader = (ds: DataSource) =>
  new DataLoader<string, MarketUpgradeRuleEntity[]>(
    async (ids) => {
      const rows = await ds.getRepository(MarketUpgradeRuleEntity).find({ where: { productId: In([...ids]) }, order: { id: 'ASC' } });
      const by = new Map<string, MarketUpgradeRuleEntity[]>(ids.map((id) => [id, []]));
      for (const r of rows) by.get(String(r.productId))?.push(r);
      return ids.map((id) => by.get(id) ?? []);
    },
    { maxBatchSize: 500 },
  );

/** A product by id: prevents one SELECT per round for `ReviewRound.marketProduct` in a review queue page. */
export const marketProductByIdLoader = (ds: DataSource) =>
  new DataLoader<string, MarketProductEntity | null>(
    async (ids) => {
      const rows = await ds.getRepository(MarketProductEntity).findBy({ id: In([...ids]) });
      const by = new Map(rows.map((p) => [String(p.id), p]));
      return ids.map((id) => by.get(id) ?? null);
    },
    { maxBatchSize: 500 },
  );


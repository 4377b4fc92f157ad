import { DataSource } from 'typeorm';
import Decimal from 'decimal.js';
import { keysetCondition, keysetOrderBy, KeysetPage, KeyValue, SortKey } from '../common/pagination';

/** The order of the sales rows: newest Beijing month first, then product id (the group key, unique). */
export const SALES_ORDER: SortKey<SalesRow>[] = [
  { sql: 'month', dir: 'DESC', kind: 'string', of: (r) => r.month },
  { sql: 'product_id', dir: 'ASC', kind: 'number', of: (r) => Number(r.productId) },
];

/** One product's sales in one Beijing month. */
export interface SalesRow {
  readonly productId: string;
  readonly productName: string;
  /** YYYY-MM, Beijing. */
  readonly month: string;
  readonly orders: number;
  /** Orders charged more than 0 (trials and free upgrades are not). */
  readonly paidOrders: number;
  /** Sum charged, yuan, 2 decimals. */
  readonly amount: string;
}

/** The provider's sales view (issue 18): its orders and amounts per product and Beijing month. */
export class MarketSalesService {
  constructor(private readonly ds: DataSource) {}

  /**
   * One page of the provider's sales rows, newest month first then product id, paged in SQL on the
   * group key: one aggregate statement (no per-product reads), the whole list's count a window over
   * the grouped rows.
   */
  async pageSales(providerId: string, month: string | null, limit: number, after: KeyValue[] | null): Promise<KeysetPage<SalesRow>> {
    const grouped = `SELECT o.product_id, p.name, DATE_FORMAT(o.created_at + INTERVAL 8 HOUR, '%Y-%m') AS month,
              COUNT(*) AS orders, SUM(o.amount > 0) AS paid, COALESCE(SUM(o.amount), 0) AS amount
         FROM market_order o JOIN market_product p ON p.id = o.product_id
        WHERE p.provider_id = ? ${month ? "AND DATE_FORMAT(o.created_at + INTERVAL 8 HOUR, '%Y-%m') = ?" : ''}
        GROUP BY o.product_id, p.name, month`;
    const params = month ? [providerId, month] : [providerId];
    const cond = after ? keysetCondition(SALES_ORDER, after) : null;
    const rows: { product_id: string; name: string; month: string; orders: string; paid: string; amount: string; keyset_total: string }[] = await this.ds.query(
      `SELECT * FROM (SELECT g.*, COUNT(*) OVER () AS keyset_total FROM (${grouped}) g) sales_rows
        ${cond ? `WHERE ${cond.sql}` : ''} ORDER BY ${keysetOrderBy(SALES_ORDER)} LIMIT ?`,
      [...params, ...(cond?.params ?? []), limit + 1],
    );
    // Past the last row the page is empty and holds no count: only then is it counted on its own.
    const n = rows[0]?.keyset_total ?? (after ? (await this.ds.query(`SELECT COUNT(*) AS n FROM (${grouped}) g`, params))[0].n : 0);
    const page = rows.slice(0, limit).map((r) => ({ productId: String(r.product_id), productName: r.name, month: r.month, orders: Number(r.orders), paidOrders: Number(r.paid), amount: new Decimal(r.amount).toFixed(2) }));
    return { rows: page, hasNextPage: rows.length > limit, totalCount: Number(n) };
  }
}

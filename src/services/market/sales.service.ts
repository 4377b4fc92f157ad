import { DataSource } from 'typeorm';
import Decimal from 'decimal.js';

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

  /** Newest month first; one aggregate query (no per-product reads). */
  async salesOf(providerId: string, month: string | null): Promise<SalesRow[]> {
    const rows: { product_id: string; name: string; month: string; orders: string; paid: string; amount: string }[] = await this.ds.query(
      `SELECT o.product_id, p.name, DATE_FORMAT(o.created_at + INTERVAL 8 HOUR, '%Y-%m') AS month,
              COUNT(*) AS orders, SUM(o.amount > 0) AS paid, COALESCE(SUM(o.amount), 0) AS amount
         FROM market_order o JOIN market_product p ON p.id = o.product_id
        WHERE p.provider_id = ? ${month ? "AND DATE_FORMAT(o.created_at + INTERVAL 8 HOUR, '%Y-%m') = ?" : ''}
        GROUP BY o.product_id, p.name, month
        ORDER BY month DESC, o.product_id ASC`,
      month ? [providerId, month] : [providerId],
    );
    return rows.map((r) => ({ productId: String(r.product_id), productName: r.name, month: r.month, orders: Number(r.orders), paidOrders: Number(r.paid), amount: new Decimal(r.amount).toFixed(2) }));
  }
}

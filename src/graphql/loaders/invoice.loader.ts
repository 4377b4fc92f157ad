import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { INVOICEABLE } from '../../billing/invoice.rule';
import { D } from '../../billing/money';
import { BillEntity, InvoiceBillEntity } from '../../db/entities';
import { SortKey } from '../../services/common/pagination';
import { childPagesLoader } from './keyset.loader';

const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(',');

/** The bills of an invoice, oldest id first (bill id, unique within the invoice). */
export const INVOICE_BILL_ORDER: SortKey<{ billId: string }>[] = [{ sql: 'bill_id', dir: 'ASC', kind: 'number', of: (b) => Number(b.billId) }];

/**
 * Pages of an invoice's bill ids (a rejected invoice keeps its list), paged in SQL: one SELECT for
 * a page of invoices; the bills themselves come from `billById` (one batch).
 */
export const billIdPagesByInvoiceLoader = (ds: DataSource) =>
  childPagesLoader<{ billId: string }>(ds, { table: 'invoice_bill', parent: 'invoice_id', select: 'bill_id', keys: INVOICE_BILL_ORDER, map: (r) => ({ billId: String(r.bill_id) }) });

/** A bill by id: one SELECT for the bills of a page of invoices. */
export const billByIdLoader = (ds: DataSource) =>
  new DataLoader<string, BillEntity | null>(
    async (ids) => {
      const bills = await ds.getRepository(BillEntity).findBy({ id: In([...ids]) });
      const by = new Map(bills.map((b) => [String(b.id), b]));
      return ids.map((id) => by.get(String(id)) ?? null);
    },
    { maxBatchSize: 500 },
  );

/** The live (REQUESTED or ISSUED) invoice holding a bill: prevents one SELECT per bill on a page of bills. */
export const liveInvoiceIdByBillLoader = (ds: DataSource) =>
  new DataLoader<string, string | null>(
    async (billIds) => {
      const rows: { bill_id: string; invoice_id: string }[] = await ds.query(`SELECT bill_id, invoice_id FROM invoice_bill WHERE live = 1 AND bill_id IN (${placeholders(billIds.length)})`, [...billIds]);
      const byBill = new Map(rows.map((r) => [String(r.bill_id), String(r.invoice_id)]));
      return billIds.map((id) => byBill.get(String(id)) ?? null);
    },
    { maxBatchSize: 500 },
  );

/**
 * Per developer, the sum of the bills `requestInvoice` would accept (the rule `INVOICEABLE` of
 * src/billing/invoice.rule.ts, its values passed as parameters, and on no live invoice). One query
 * for all accounts asked.
 */
export const invoiceableAmountLoader = (ds: DataSource) =>
  new DataLoader<string, string>(
    async (developerIds) => {
      const rows: { developer_id: string; s: string }[] = await ds.query(
        `SELECT b.developer_id, SUM(b.total) AS s FROM bill b
          WHERE b.developer_id IN (${placeholders(developerIds.length)}) AND b.status = ? AND b.platform = ? AND b.total > ?
            AND NOT EXISTS (SELECT 1 FROM invoice_bill ib WHERE ib.bill_id = b.id AND ib.live = 1)
          GROUP BY b.developer_id`,
        [...developerIds, INVOICEABLE.status, INVOICEABLE.platform, INVOICEABLE.totalAbove],
      );
      const byDev = new Map(rows.map((r) => [r.developer_id, new D(r.s).toFixed(2)]));
      return developerIds.map((id) => byDev.get(id) ?? '0.00');
    },
    { maxBatchSize: 500 },
  );

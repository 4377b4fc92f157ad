import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { BillLineEntity } from '../../db/entities';

/** A bill's lines: prevents one SELECT per bill when a page of bills asks for `lines`. */
export const billLinesLoader = (ds: DataSource) =>
  new DataLoader<string, BillLineEntity[]>(
    async (ids) => {
      const rows = await ds.getRepository(BillLineEntity).createQueryBuilder('l').where('l.bill_id IN (:...ids)', { ids: [...ids] }).orderBy('l.bill_id').addOrderBy('l.position').getMany();
      const byBill = new Map<string, BillLineEntity[]>();
      for (const r of rows) (byBill.get(String(r.billId)) ?? byBill.set(String(r.billId), []).get(String(r.billId))!).push(r);
      return ids.map((id) => byBill.get(String(id)) ?? []);
    },
    { maxBatchSize: 500 },
  );

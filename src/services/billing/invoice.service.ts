import { DataSource, EntityManager } from 'typeorm';
import { BillingPlatform, BillStatus } from '../../billing/billing.enums';
import { BillForInvoice, checkDecision, checkInvoiceNo, checkInvoiceRequest, checkRejectReason, invoiceAmount, InvoiceRequestInput, InvoiceStatus } from '../../billing/invoice.rule';
import { Clock } from '../../domain/common/clock';
import { isNumericId } from '../../domain/common/ids';
import { invalidInput, invalidState, ok, Result } from '../../domain/common/result';
import { RefusalReason } from '../../domain/common/refusal-reason';
import { isStaff, Viewer } from '../../domain/common/role';
import { violation } from '../../domain/common/violation';
import { InvoiceBillEntity, InvoiceEntity } from '../../db/entities';
import { change } from '../common/change';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../common/errors';
import { pageDescById } from '../common/pagination';
import { NotificationService } from '../notification/notification.service';

export interface InvoiceFilter {
  status?: InvoiceStatus | null;
  /** Staff only; a developer always reads their own. */
  developerId?: string | null;
}

const isDuplicateKey = (err: unknown): boolean => (err as { code?: string }).code === 'ER_DUP_ENTRY';
/** "007" and "7" name one bill: compare ids as the database writes them. */
const canonicalId = (id: string): string => (isNumericId(id) ? id.replace(/^0+(?=\d)/, '') : id);
const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(',');

/** What an audit entry keeps of an invoice. */
const auditView = (i: InvoiceEntity) => ({ status: i.status, amount: i.amount, developerId: i.developerId, invoiceNo: i.invoiceNo, rejectReason: i.rejectReason });

/**
 * Invoices for paid Douyin fees (DOMAIN §6): a developer requests one for some of their paid bills;
 * an operator issues it (with the invoice number) or rejects it (releasing its bills). Each mutation
 * is one transaction; UNIQUE (bill_id, live) on `invoice_bill` keeps a bill on one live invoice.
 */
export class InvoiceService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly notifications: NotificationService,
  ) {}

  /**
   * Requests an invoice for the caller's bills. A bill that is not theirs answers NOT_FOUND like
   * one that does not exist. Two requests for one bill: the bill rows are locked (id order), so
   * the second waits, then finds the first's invoice and is refused ALREADY_INVOICED; the unique
   * index answers the same should anything slip past the lock.
   */
  async request(actor: Viewer, input: InvoiceRequestInput): Promise<Result<InvoiceEntity>> {
    const developerId = actor.subjectId!;
    const billIds = input.billIds.map(canonicalId);
    const v = checkInvoiceRequest({ ...input, billIds });
    if (v.length > 0) return invalidInput(v);
    const bad = billIds.find((id) => !isNumericId(id));
    if (bad !== undefined) throw notFound('Bill', bad);
    try {
      // NOTE: READ COMMITTED, so the read of invoice_bill after the lock wait sees what the
      // request that held the lock committed (REPEATABLE READ could read an older snapshot).
      return await change(this.ds, this.audit, {
        actor,
        action: 'requestInvoice',
        // NOTE: READ COMMITTED, so the read of invoice_bill after the lock wait sees what the
        // request that held the lock committed (REPEATABLE READ could read an older snapshot).
        isolation: 'READ COMMITTED',
        lock: async (em) => {
          const rows: { id: string; platform: BillingPlatform; status: BillStatus; total: string }[] = await em.query(
            `SELECT id, platform, status, total FROM bill WHERE developer_id = ? AND id IN (${placeholders(billIds.length)}) ORDER BY id FOR UPDATE`,
            [developerId, ...billIds],
          );
          const byId = new Map(rows.map((r) => [String(r.id), r]));
          const missing = billIds.find((id) => !byId.has(id));
          if (missing !== undefined) throw notFound('Bill', missing);
          const held = await this.liveInvoices(em, billIds);
          return billIds.map((id): BillForInvoice => ({ ...byId.get(id)!, id, invoiceId: held.get(id) ?? null }));
        },
        rule: (bills) => invoiceAmount(bills),
        before: () => null,
        save: async (em, _bills, amount) => {
          const { identifiers } = await em.insert(InvoiceEntity, {
            developerId,
            platform: BillingPlatform.DOUYIN,
            title: input.title.trim(),
            taxNo: input.taxNo,
            amount,
            status: InvoiceStatus.REQUESTED,
            invoiceNo: null,
            rejectReason: null,
            requestedAt: this.clock.now(),
            decidedAt: null,
          });
          const id = String(identifiers[0].id);
          await em.insert(
            InvoiceBillEntity,
            billIds.map((billId) => ({ invoiceId: id, billId, live: 1 as const })),
          );
          return ok(await em.findOneByOrFail(InvoiceEntity, { id }));
        },
        audit: (_bills, invoice) => ({ entityType: 'Invoice', entityId: String(invoice.id), after: { ...auditView(invoice), billIds } }),
      });
    } catch (err) {
      if (isDuplicateKey(err)) return invalidState('ALREADY_INVOICED', 'requestInvoice', 'another request put one of these bills on an invoice at the same moment', RefusalReason.ALREADY_INVOICED);
      throw err;
    }
  }

  /** Operator: REQUESTED → ISSUED with the invoice number (unique); audited; the developer is notified. */
  async issue(actor: Viewer, id: string, invoiceNo: string): Promise<Result<InvoiceEntity>> {
    const v = checkInvoiceNo(invoiceNo);
    if (v.length > 0) return invalidInput(v);
    const taken = invalidInput<InvoiceEntity>([violation('invoiceNo', 'ALREADY_USED', `invoice number ${invoiceNo} is on another invoice`)]);
    try {
      return await this.decide(actor, id, InvoiceStatus.ISSUED, 'issueInvoice', async (em, invoice) => {
        if (await em.existsBy(InvoiceEntity, { invoiceNo })) return taken;
        invoice.invoiceNo = invoiceNo;
        await em.update(InvoiceEntity, { id: invoice.id }, { status: InvoiceStatus.ISSUED, invoiceNo, decidedAt: invoice.decidedAt });
        await this.notifications.notify(em, invoice.developerId, 'INVOICE_ISSUED', null, `Your invoice ${invoice.id} of ${invoice.amount} yuan is issued: invoice number ${invoiceNo}.`);
        return null;
      });
    } catch (err) {
      if (isDuplicateKey(err)) return taken;
      throw err;
    }
  }

  /** Operator: REQUESTED → REJECTED with a reason; its bills are released (live → NULL) in the same transaction; audited; the developer is notified. */
  async reject(actor: Viewer, id: string, reason: string): Promise<Result<InvoiceEntity>> {
    const v = checkRejectReason(reason);
    if (v.length > 0) return invalidInput(v);
    const trimmed = reason.trim();
    return this.decide(actor, id, InvoiceStatus.REJECTED, 'rejectInvoice', async (em, invoice) => {
      invoice.rejectReason = trimmed;
      await em.update(InvoiceEntity, { id: invoice.id }, { status: InvoiceStatus.REJECTED, rejectReason: trimmed, decidedAt: invoice.decidedAt });
      await em.update(InvoiceBillEntity, { invoiceId: invoice.id }, { live: null });
      const message = `Your invoice ${invoice.id} of ${invoice.amount} yuan is rejected: ${trimmed}. Its bills may be requested again.`;
      await this.notifications.notify(em, invoice.developerId, 'INVOICE_REJECTED', null, [...message].length > 500 ? `${[...message].slice(0, 499).join('')}…` : message);
      return null;
    });
  }

  /**
   * An operator's decision through `change()`: locks the invoice, checks the decision is allowed
   * from its status (`checkDecision`), lets `write` apply it (or refuse, rolled back), and records
   * the audit entry, all in one transaction.
   */
  private async decide(
    actor: Viewer,
    id: string,
    to: InvoiceStatus,
    action: 'issueInvoice' | 'rejectInvoice',
    write: (em: EntityManager, invoice: InvoiceEntity) => Promise<Result<InvoiceEntity> | null>,
  ): Promise<Result<InvoiceEntity>> {
    if (!isNumericId(id)) throw notFound('Invoice', id);
    return change(this.ds, this.audit, {
      actor,
      action,
      lock: async (em) => {
        const invoice = await em.findOne(InvoiceEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
        if (!invoice) throw notFound('Invoice', id);
        return invoice;
      },
      rule: (invoice) => checkDecision(invoice.status, to, action),
      before: (invoice) => auditView(invoice),
      save: async (em, invoice) => {
        invoice.status = to;
        invoice.decidedAt = this.clock.now();
        // A refusal of `write` (an invoice number taken) rolls the decision back.
        return (await write(em, invoice)) ?? ok(invoice);
      },
      audit: async (invoice, _saved, _before, em) => {
        const billIds = (await em.findBy(InvoiceBillEntity, { invoiceId: invoice.id })).map((r) => String(r.billId)).sort((a, b) => Number(a) - Number(b));
        return { entityType: 'Invoice', entityId: String(invoice.id), after: { ...auditView(invoice), billIds } };
      },
    });
  }

  /** Bill id → the live (REQUESTED or ISSUED) invoice holding it. */
  private async liveInvoices(em: EntityManager, billIds: readonly string[]): Promise<Map<string, string>> {
    const rows: { bill_id: string; invoice_id: string }[] = await em.query(`SELECT bill_id, invoice_id FROM invoice_bill WHERE live = 1 AND bill_id IN (${placeholders(billIds.length)})`, [...billIds]);
    return new Map(rows.map((r) => [String(r.bill_id), String(r.invoice_id)]));
  }

  /** Invoices, newest first: a developer's own; operators all, or one developer's. */
  async list(viewer: Viewer, filter: InvoiceFilter, limit: number, beforeId: string | null): Promise<{ rows: InvoiceEntity[]; hasNextPage: boolean; totalCount: number }> {
    const qb = this.ds.getRepository(InvoiceEntity).createQueryBuilder('i');
    if (!isStaff(viewer)) qb.andWhere('i.developer_id = :me', { me: viewer.subjectId });
    else if (filter.developerId) qb.andWhere('i.developer_id = :dev', { dev: filter.developerId });
    if (filter.status) qb.andWhere('i.status = :status', { status: filter.status });
    return pageDescById(qb, 'i', limit, beforeId);
  }

  /** One invoice; another developer's answers NOT_FOUND. */
  async get(viewer: Viewer, id: string): Promise<InvoiceEntity> {
    const invoice = isNumericId(id) ? await this.ds.manager.findOneBy(InvoiceEntity, { id }) : null;
    if (!invoice || !(isStaff(viewer) || invoice.developerId === viewer.subjectId)) throw notFound('Invoice', id);
    return invoice;
  }
}

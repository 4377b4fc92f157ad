import { Money } from '../types/money.scalar';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { InvoiceStatus } from '../../billing/invoice.rule';
import { Role } from '../../domain/common/role';
import { readPageArgs } from '../../services/common/pagination';
import { Context } from '../context';
import { BillingAccountType, BillType } from '../types/billing.type';
import { InvoiceConnectionType, InvoiceType, RequestInvoiceInput } from '../types/invoice.type';
import { IssueInvoiceResult, RejectInvoiceResult, RequestInvoiceResult } from '../types/results.type';
import { keysetArgs, keysetConnection, toConnection } from './connection';
import { ConnectionArgs } from '../types/connection.type';
import { INVOICE_BILL_ORDER } from '../loaders/invoice.loader';
import { BillEntity } from '../../db/entities';
import { BillConnectionType } from '../types/billing.type';
import { badUserInput, toPayload } from './result';

@Resolver(() => InvoiceType)
export class InvoiceResolver {
  @Authorized(Role.DEVELOPER, Role.OPERATOR)
  @Query(() => InvoiceConnectionType, { description: "Invoices, newest first: a developer's own; operators see all (filter developerId)" })
  async invoices(
    @Arg('first', () => Int, { nullable: true, description: 'How many invoices to return: 1 to 100 (default 20)' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after: the endCursor of the page read before; omit for the first page' }) after: string | null,
    @Arg('status', () => InvoiceStatus, { nullable: true, description: 'Only invoices in this status' }) status: InvoiceStatus | null,
    @Arg('developerId', () => ID, { nullable: true, description: 'Operators only; ignored for developers' }) developerId: string | null,
    @Ctx() { viewer, services }: Context,
  ): Promise<InvoiceConnectionType> {
    const page = readPageArgs({ first, after });
    if (Array.isArray(page)) throw badUserInput(page);
    const { rows, hasNextPage, totalCount } = await services.invoices.list(viewer, { status, developerId }, page.limit, page.beforeId);
    return { ...toConnection(rows, hasNextPage, InvoiceType.from), totalCount };
  }

  @Authorized(Role.DEVELOPER, Role.OPERATOR)
  @Query(() => InvoiceType, { description: 'An invoice with its bills; another developer’s invoice answers NOT_FOUND' })
  async invoice(@Arg('id', () => ID, { description: 'Id of the invoice to read' }) id: string, @Ctx() { viewer, services }: Context): Promise<InvoiceType> {
    return InvoiceType.from(await services.invoices.get(viewer, id));
  }

  @FieldResolver(() => BillConnectionType, { description: 'The bills it covers, oldest id first (a REJECTED invoice keeps its list; the bills are free again): a connection, as one invoice may cover any number of paid bills' })
  async bills(@Root() invoice: InvoiceType, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() { loaders }: Context): Promise<BillConnectionType> {
    const { limit, after } = keysetArgs(args, INVOICE_BILL_ORDER);
    const page = await loaders.billIdPagesByInvoice.load({ parentId: invoice.id, limit, after });
    const bills = await loaders.billById.loadMany(page.rows.map((r) => r.billId));
    const rows = page.rows.flatMap((r, i) => (bills[i] instanceof Error || !bills[i] ? [] : [{ billId: r.billId, bill: bills[i] as BillEntity }]));
    return keysetConnection({ ...page, rows }, INVOICE_BILL_ORDER, (r) => BillType.from(r.bill));
  }

  @Authorized(Role.DEVELOPER)
  @Mutation(() => RequestInvoiceResult, { description: 'Requests an invoice for paid Douyin bills of the caller; amount = the exact sum of their totals' })
  async requestInvoice(@Arg('input', () => RequestInvoiceInput, { description: 'The paid bills to invoice' }) input: RequestInvoiceInput, @Ctx() { viewer, services }: Context) {
    return toPayload(await services.invoices.request(viewer, input), InvoiceType.from);
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => IssueInvoiceResult, { description: 'REQUESTED → ISSUED with the invoice number (8 to 20 digits, unique)' })
  async issueInvoice(@Arg('id', () => ID, { description: 'Id of the REQUESTED invoice to issue' }) id: string, @Arg('invoiceNo', () => String, { description: 'The invoice number printed on it' }) invoiceNo: string, @Ctx() { viewer, services }: Context) {
    return toPayload(await services.invoices.issue(viewer, id, invoiceNo), InvoiceType.from);
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => RejectInvoiceResult, { description: 'REQUESTED → REJECTED with a reason; its bills may be requested again' })
  async rejectInvoice(@Arg('id', () => ID, { description: 'Id of the REQUESTED invoice to refuse' }) id: string, @Arg('reason', () => String, { description: 'Why, told to the developer' }) reason: string, @Ctx() { viewer, services }: Context) {
    return toPayload(await services.invoices.reject(viewer, id, reason), InvoiceType.from);
  }
}

@Resolver(() => BillType)
export class BillInvoiceResolver {
  @FieldResolver(() => ID, { nullable: true, description: 'The REQUESTED or ISSUED invoice this bill is on; null when it is not invoiced' })
  async invoiceId(@Root() bill: BillType, @Ctx() { loaders }: Context): Promise<string | null> {
    return loaders.liveInvoiceIdByBill.load(bill.id);
  }
}

@Resolver(() => BillingAccountType)
export class BillingAccountInvoiceResolver {
  @FieldResolver(() => Money, { description: 'Paid Douyin fees not yet on a REQUESTED or ISSUED invoice (what requestInvoice would accept)' })
  async invoiceableAmount(@Root() account: BillingAccountType, @Ctx() { loaders }: Context): Promise<string> {
    return loaders.invoiceableAmount.load(account.developerId);
  }
}

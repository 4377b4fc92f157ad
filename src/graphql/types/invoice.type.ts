import { Money } from './money.scalar';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { BillingPlatform } from '../../billing/billing.enums';
import { InvoiceStatus } from '../../billing/invoice.rule';
import { D } from '../../billing/money';
import { InvoiceEntity } from '../../db/entities';
import { PageInfoType } from './connection.type';

@ObjectType('Invoice', { description: 'An invoice for paid Douyin technical service fees (DOMAIN §6): REQUESTED, then ISSUED or REJECTED by an operator' })
export class InvoiceType {
  @Field(() => ID, { description: 'Stable, opaque identifier of the invoice; the same in every answer that holds it' })
  id: string;

  @Field(() => ID, { description: 'The developer who asked for the invoice' })
  developerId: string;

  @Field(() => BillingPlatform, { description: 'The platform of the invoiced bills' })
  platform: BillingPlatform;

  @Field(() => String, { description: 'The invoice title (发票抬头)' })
  title: string;

  @Field(() => String, { description: 'Taxpayer identification number (纳税人识别号)' })
  taxNo: string;

  @Field(() => Money, { description: 'The exact sum of its bills’ totals, yuan' })
  amount: string;

  @Field(() => InvoiceStatus, { description: 'REQUESTED, ISSUED or REJECTED' })
  status: InvoiceStatus;

  @Field(() => String, { nullable: true, description: 'The invoice number (发票号码), once ISSUED' })
  invoiceNo: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was REJECTED' })
  rejectReason: string | null;

  @Field(() => Date, { description: 'When the developer asked for it' })
  requestedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When an operator issued or rejected it' })
  decidedAt: Date | null;

  static from(e: InvoiceEntity): InvoiceType {
    return Object.assign(new InvoiceType(), {
      id: String(e.id),
      developerId: e.developerId,
      platform: e.platform,
      title: e.title,
      taxNo: e.taxNo,
      amount: new D(e.amount).toFixed(2),
      status: e.status,
      invoiceNo: e.invoiceNo,
      rejectReason: e.rejectReason,
      requestedAt: e.requestedAt,
      decidedAt: e.decidedAt,
    });
  }
}

@ObjectType('InvoiceEdge', { simpleResolvers: true, description: 'One invoice of a connection, with its cursor' })
export class InvoiceEdgeType {
  @Field(() => String, { description: 'Opaque position of this invoice: pass it as `after` to read the invoices that follow' })
  cursor: string;

  @Field(() => InvoiceType, { description: 'The invoice itself' })
  node: InvoiceType;
}

@ObjectType('InvoiceConnection', { simpleResolvers: true, description: "A page of invoices (Relay cursor connection): the edges in the list's order, where the page sits, and the whole list's count" })
export class InvoiceConnectionType {
  @Field(() => [InvoiceEdgeType], { description: 'The invoices of this page, each with its cursor' })
  edges: InvoiceEdgeType[];

  @Field(() => PageInfoType, { description: 'Where this page sits: pass endCursor as `after` while hasNextPage is true' })
  pageInfo: PageInfoType;

  @Field(() => Int, { description: 'How many invoices the whole list holds (all pages), not only this page' })
  totalCount: number;
}

@InputType('RequestInvoiceInput', { description: 'An invoice request over paid bills' })
export class RequestInvoiceInput {
  @Field(() => [ID], { description: 'The caller’s paid Douyin bills, 1 to 100, each at most once' })
  billIds: string[];

  @Field(() => String, { description: 'The invoice title (发票抬头), 1 to 100 characters' })
  title: string;

  @Field(() => String, { description: 'Taxpayer identification number: 15 to 20 uppercase letters or digits' })
  taxNo: string;
}

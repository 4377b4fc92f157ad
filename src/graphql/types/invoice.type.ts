import { Money } from './money.scalar';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { BillingPlatform } from '../../billing/billing.enums';
import { InvoiceStatus } from '../../billing/invoice.rule';
import { D } from '../../billing/money';
import { InvoiceEntity } from '../../db/entities';
import { PageInfoType } from './connection.type';

@ObjectType('Invoice', { description: 'An invoice for paid Douyin technical service fees (DOMAIN §6): REQUESTED, then ISSUED or REJECTED by an operator' })
export class InvoiceType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  developerId: string;

  @Field(() => BillingPlatform)
  platform: BillingPlatform;

  @Field(() => String, { description: 'The invoice title (发票抬头)' })
  title: string;

  @Field(() => String, { description: 'Taxpayer identification number (纳税人识别号)' })
  taxNo: string;

  @Field(() => Money, { description: 'The exact sum of its bills’ totals, yuan' })
  amount: string;

  @Field(() => InvoiceStatus)
  status: InvoiceStatus;

  @Field(() => String, { nullable: true, description: 'The invoice number (发票号码), once ISSUED' })
  invoiceNo: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was REJECTED' })
  rejectReason: string | null;

  @Field(() => Date)
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

@ObjectType('InvoiceEdge', { simpleResolvers: true })
export class InvoiceEdgeType {
  @Field(() => String)
  cursor: string;

  @Field(() => InvoiceType)
  node: InvoiceType;
}

@ObjectType('InvoiceConnection', { simpleResolvers: true })
export class InvoiceConnectionType {
  @Field(() => [InvoiceEdgeType])
  edges: InvoiceEdgeType[];

  @Field(() => PageInfoType)
  pageInfo: PageInfoType;

  @Field(() => Int)
  totalCount: number;
}

@InputType('RequestInvoiceInput')
export class RequestInvoiceInput {
  @Field(() => [ID], { description: 'The caller’s paid Douyin bills, 1 to 100, each at most once' })
  billIds: string[];

  @Field(() => String, { description: 'The invoice title (发票抬头), 1 to 100 characters' })
  title: string;

  @Field(() => String, { description: 'Taxpayer identification number: 15 to 20 uppercase letters or digits' })
  taxNo: string;
}

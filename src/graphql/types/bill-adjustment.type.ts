import { LocalDate } from './local-date.scalar';
import { Money } from './money.scalar';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BillingPlatform } from '../../billing/billing.enums';
import { BillKind } from '../../db/entities/bill.entity';
import { PriceSubject, PriceVersionEntity } from '../../db/entities/price-version.entity';
import type { AdjustmentReport } from '../../services/billing/bill-adjustment.service';
import { PageInfoType } from './connection.type';

registerEnumType(BillKind, {
  name: 'BillKind',
  description: 'A period’s first bill, or an adjustment of it (issue 17)',
  valuesConfig: {
    REGULAR: { description: 'The period’s first bill, written by the billing run (sequence 0)' },
    ADJUSTMENT: { description: 'The difference of the period re-rated whole minus what its bills charged (late usage or an operator’s re-rate); paid bills never change' },
  },
});

registerEnumType(PriceSubject, {
  name: 'PriceSubject',
  description: 'What a pricing version is of',
  valuesConfig: { PRICE_LIST: { description: 'A price list (id <PLATFORM>-<effectiveFrom>)' }, COUPON_POLICY: { description: 'A coupon policy (its code)' } },
});

@ObjectType('RerateReport', { simpleResolvers: true, description: 'What an explicit re-rate did: the billed app-periods re-rated and the adjustment bills written' })
export class RerateReportType {
  @Field(() => ID, { description: 'The batch id the adjustment bills carry' })
  batchId: string;

  @Field(() => LocalDate, { description: 'The first Beijing day re-rated' })
  fromDay: string;

  @Field(() => Int, { description: 'Billed app-periods re-rated' })
  considered: number;

  @Field(() => Int, { description: 'Adjustment bills written (a difference of 0.00 writes none)' })
  adjusted: number;

  @Field(() => Money, { description: 'Sum of the adjustments written, yuan (negative: a credit)' })
  total: string;

  static from(r: AdjustmentReport, fromDay: string): RerateReportType {
    return Object.assign(new RerateReportType(), { batchId: r.batchId, fromDay, considered: r.considered, adjusted: r.adjusted, total: r.total });
  }
}

@ObjectType('PriceVersion', { simpleResolvers: true, description: 'One version of a price list or coupon policy: what it said, who wrote it and when, and any re-rate' })
export class PriceVersionType {
  @Field(() => ID, { description: 'Stable, opaque identifier of the price version; the same in every answer that holds it' })
  id: string;

  @Field(() => PriceSubject, { description: 'Whether a price list or a coupon policy changed' })
  subject: PriceSubject;

  @Field(() => String, { description: 'The price list id or the coupon policy code' })
  subjectId: string;

  @Field(() => Int, { description: '1, 2, 3 … per subject (1: the state before the first change through the API, written by "seed", for seeded lists)' })
  version: number;

  @Field(() => BillingPlatform, { description: 'The platform whose list or coupon policy changed' })
  platform: BillingPlatform;

  @Field(() => String, { description: 'The version as written, JSON (a price list: effectiveFrom, isExample, charges; a coupon policy: its fields)' })
  bodyJson: string;

  @Field(() => String, { description: 'Who wrote it: ROLE:subject, or "seed"' })
  actor: string;

  @Field(() => Date, { description: 'When the version was written' })
  changedAt: Date;

  @Field(() => LocalDate, { nullable: true, description: 'The first Beijing day this version re-prices; null when it changed nothing in force' })
  firstAffectedDay: string | null;

  @Field(() => Boolean, { description: 'The operator asked to re-rate billed days' })
  rerate: boolean;

  @Field(() => String, { nullable: true, description: 'What the re-rate did, JSON (considered, adjusted, total, batchId); null without one' })
  rerateSummaryJson: string | null;

  static from(e: PriceVersionEntity): PriceVersionType {
    return Object.assign(new PriceVersionType(), {
      id: String(e.id),
      subject: e.subject,
      subjectId: e.subjectId,
      version: e.version,
      platform: e.platform,
      bodyJson: JSON.stringify(e.body),
      actor: e.actor,
      changedAt: e.changedAt,
      firstAffectedDay: e.firstAffectedDay,
      rerate: Boolean(e.rerate),
      rerateSummaryJson: e.rerateSummary ? JSON.stringify(e.rerateSummary) : null,
    });
  }
}

@ObjectType('PriceVersionEdge', { simpleResolvers: true, description: 'One price version of a connection, with its cursor' })
export class PriceVersionEdgeType {
  @Field(() => String, { description: 'Opaque position of this version: pass it as `after` to read the older versions that follow' })
  cursor: string;

  @Field(() => PriceVersionType, { description: 'The price version itself' })
  node: PriceVersionType;
}

@ObjectType('PriceVersionConnection', { simpleResolvers: true, description: 'Versions of price lists and coupon policies, newest first' })
export class PriceVersionConnectionType {
  @Field(() => [PriceVersionEdgeType], { description: 'The price versions of this page, newest first, each with its cursor' })
  edges: PriceVersionEdgeType[];

  @Field(() => PageInfoType, { description: 'Where this page sits: pass endCursor as `after` while hasNextPage is true' })
  pageInfo: PageInfoType;
}

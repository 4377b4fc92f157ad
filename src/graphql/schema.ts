import { GraphQLSchema } from 'graphql';
import { buildSchema, NonEmptyArray } from 'type-graphql';
import { authChecker } from './auth/auth-checker';
import { AppResolver } from './resolvers/app.resolver';
import { AppSecretResolver } from './resolvers/app-secret.resolver';
import { CalendarYearResolver } from './resolvers/calendar-year.resolver';
import { MarketSalesResolver } from './resolvers/market-sales.resolver';
import {
  ApplicationQueueAssignmentResolver,
  MemberCapabilityAssignmentResolver,
  PackageApplicationAssignmentResolver,
  ReviewAssignmentResolver,
  ReviewRoundAssignmentResolver,
} from './resolvers/review-assignment.resolver';
import { DeveloperOnboardingResolver, OperatorAppControlsResolver } from './resolvers/operator-controls.resolver';
import { AuditResolver } from './resolvers/audit.resolver';
import { CalendarResolver } from './resolvers/calendar.resolver';
import { AppMonthToDateResolver, BillingResolver, BillPreviewAdjustmentsResolver, MonthToDateEstimateResolver } from './resolvers/billing.resolver';
import { BillingAccountInvoiceResolver, BillInvoiceResolver, InvoiceResolver } from './resolvers/invoice.resolver';
import { CatalogResolver } from './resolvers/catalog.resolver';
import { DeveloperResolver } from './resolvers/developer.resolver';
import { DeveloperPendingApplicationResolver, MemberCapabilityResolver } from './resolvers/member-capability.resolver';
import { AppPendingApplicationResolver, PackageApplicationResolver } from './resolvers/package-application.resolver';
import { PartnerAccessResolver } from './resolvers/partner-access.resolver';
import { PartnerResolver } from './resolvers/partner.resolver';
import { MarketOrderResolver } from './resolvers/market-order.resolver';
import { MarketProductResolver, MarketProductReviewRoundResolver, MarketVersionResolver } from './resolvers/market-product.resolver';
import { AppReviewResolver, ReviewResolver } from './resolvers/review.resolver';
import { ReviewerQueueResolver } from './resolvers/reviewer-queue.resolver';
import { UsageResolver } from './resolvers/usage.resolver';
import { NotificationResolver } from './resolvers/notification.resolver';
import { AppUsageResolver } from './resolvers/app-usage.resolver';
import { guardTextInputs } from './input-guard';
import { BillingScheduleResolver } from './resolvers/billing-schedule.resolver';
import { PriceHistoryResolver } from './resolvers/price-history.resolver';
import './types/enums';
import { DateTimeISO } from './types/date-time.scalar';

/** Every resolver of the schema. Add new ones here. */
export const RESOLVERS: NonEmptyArray<Function> = [
  DeveloperResolver,
  AppResolver,
  AppSecretResolver,
  OperatorAppControlsResolver,
  DeveloperOnboardingResolver,
  CalendarYearResolver,
  MarketSalesResolver,
  ReviewAssignmentResolver,
  ReviewRoundAssignmentResolver,
  PackageApplicationAssignmentResolver,
  MemberCapabilityAssignmentResolver,
  ApplicationQueueAssignmentResolver,
  CatalogResolver,
  CalendarResolver,
  ReviewResolver,
  ReviewerQueueResolver,
  AppReviewResolver,
  UsageResolver,
  NotificationResolver,
  AppUsageResolver,
  BillingScheduleResolver,
  PriceHistoryResolver,
  PackageApplicationResolver,
  AppPendingApplicationResolver,
  MemberCapabilityResolver,
  DeveloperPendingApplicationResolver,
  PartnerAccessResolver,
  PartnerResolver,
  AuditResolver,
  MarketProductResolver,
  MarketVersionResolver,
  MarketProductReviewRoundResolver,
  MarketOrderResolver,
  BillingResolver,
  AppMonthToDateResolver,
  MonthToDateEstimateResolver,
  BillPreviewAdjustmentsResolver,
  InvoiceResolver,
  BillInvoiceResolver,
  BillingAccountInvoiceResolver,
];

let built: Promise<GraphQLSchema> | undefined;

/** The executable schema, built once per process. */
export function buildAppSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: RESOLVERS,
    authChecker,
    // NOTE: class-validator is off; inputs are checked by the pure rules so refusals are data.
    validate: false,
    scalarsMap: [{ type: Date, scalar: DateTimeISO }],
  }).then(guardTextInputs).then(describeRootTypes);
  return built;
}

/** type-graphql names the root types but takes no description for them: they get theirs here. */
function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  schema.getQueryType()!.description = 'Reads. Each field says who may call it; anyone else gets FORBIDDEN, or NOT_FOUND for an object they may not see';
  schema.getMutationType()!.description = 'Writes. Each answers a result union: the object on success, or a refusal type (Refusal) naming the field and rule; nothing is written on a refusal';
  return schema;
}

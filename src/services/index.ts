import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '../domain/common/clock';
import { AppService } from './app/app.service';
import { AppSecretService } from './app/app-secret.service';
import { SecretCipher } from './app/secret-cipher';
import { OperatorControlsService } from './app/operator-controls.service';
import { ReviewAssignmentService } from './review/review-assignment.service';
import { CalendarYearService } from './calendar/calendar-year.service';
import { MarketSalesService } from './market/sales.service';
import { AuditService } from './audit/audit.service';
import { CalendarService } from './calendar/calendar.service';
import { AccountService } from './billing/account.service';
import { BillQueryService } from './billing/bill-query.service';
import { BillingRunService } from './billing/billing-run.service';
import { InvoiceService } from './billing/invoice.service';
import { PaymentProvider, SandboxPaymentProvider } from './billing/payment-provider';
import { PriceListService } from './billing/price-list.service';
import { CatalogService } from './catalog/catalog.service';
import { AccountClosureService } from './developer/account-closure.service';
import { DeveloperService } from './developer/developer.service';
import { PartnerAccessService } from './partner/partner-access.service';
import { MarketHttpClient } from './market/market-http';
import { MarketNotificationService } from './market/notification.service';
import { MarketOrderService } from './market/order.service';
import { MarketProductService } from './market/product.service';
import { ReviewService } from './review/review.service';
import { PackageApplicationService } from './application/package-application.service';
import { MemberCapabilityService } from './member-capability/member-capability.service';
import { NotificationService } from './notification/notification.service';
import { QuotaService } from './quota/quota.service';
import { UsageService } from './usage/usage.service';

/** The application services, built once per process around the DataSource and the clock. */
export interface Services {
  readonly ds: DataSource;
  readonly clock: Clock;
  readonly apps: AppService;
  /** App secrets: issued with the app, rotated by the owner, read back only by the gateway (issue 18). */
  readonly appSecrets: AppSecretService;
  /** Operator controls (issue 18): suspension, operator-set quotas, the ISV-onboarded standing. */
  readonly operatorControls: OperatorControlsService;
  /** Reviewer assignment (issue 18): claim, release, assign; at-risk threshold. */
  readonly reviewAssignments: ReviewAssignmentService;
  /** Calendar years (issue 18): a year's notice imported at once; coverage ahead. */
  readonly calendarYears: CalendarYearService;
  /** The provider's sales view (issue 18). */
  readonly marketSales: MarketSalesService;
  readonly calendar: CalendarService;
  readonly catalog: CatalogService;
  readonly developers: DeveloperService;
  /** Closing a developer account (DOMAIN §6: refused while in arrears). */
  readonly closures: AccountClosureService;
  /** The HTTP client towards providers' production endpoints (its host resolver is injectable). */
  readonly marketHttp: MarketHttpClient;
  readonly marketProducts: MarketProductService;
  readonly marketOrders: MarketOrderService;
  readonly marketNotifications: MarketNotificationService;
  readonly reviews: ReviewService;
  readonly usage: UsageService;
  readonly quota: QuotaService;
  readonly notifications: NotificationService;
  readonly packageApplications: PackageApplicationService;
  readonly memberCapabilities: MemberCapabilityService;
  /** The audit log: `audit.record(em, {...})` inside a reviewer/operator mutation's transaction. */
  readonly audit: AuditService;
  readonly partners: PartnerAccessService;
  readonly accounts: AccountService;
  readonly bills: BillQueryService;
  readonly billingRuns: BillingRunService;
  readonly priceLists: PriceListService;
  readonly invoices: InvoiceService;
}

/** Outside collaborators; the defaults are for development and tests. */
export interface ServiceOptions {
  /** The HTTP client towards providers' production endpoints. */
  marketHttp?: MarketHttpClient;
  /** NOTE: defaults to the SANDBOX payment provider (no real money); production must pass a real one. */
  paymentProvider?: PaymentProvider;
  /** The AES-256-GCM cipher app secrets are sealed with; defaults to a random development key (tests and tools). */
  secretCipher?: SecretCipher;
  /** Review items due within this many working hours are flagged at risk (default 24). */
  reviewAtRiskWorkingHours?: number;
}

export function createServices(ds: DataSource, clock: Clock, options: ServiceOptions = {}): Services {
  const marketHttp = options.marketHttp ?? new MarketHttpClient();
  const provider = options.paymentProvider ?? new SandboxPaymentProvider();
  const audit = new AuditService(ds, clock);
  const notifications = new NotificationService(ds, clock);
  const quota = new QuotaService(ds, clock, notifications);
  const calendar = new CalendarService(ds, audit);
  const reviews = new ReviewService(ds, clock, calendar, audit);
  const operatorControls = new OperatorControlsService(ds, clock, audit, notifications);
  const appSecrets = new AppSecretService(ds, clock, options.secretCipher ?? new SecretCipher(randomBytes(32), 'dev-unconfigured'), audit, notifications);
  return {
    ds,
    clock,
    apps: new AppService(ds, appSecrets),
    appSecrets,
    operatorControls,
    calendarYears: new CalendarYearService(ds, clock, calendar, audit),
    marketSales: new MarketSalesService(ds),
    reviewAssignments: new ReviewAssignmentService(ds, clock, audit, options.reviewAtRiskWorkingHours ?? 24),
    calendar,
    reviews,
    catalog: new CatalogService(ds, audit),
    developers: new DeveloperService(ds),
    closures: new AccountClosureService(ds, clock, provider, audit),
    usage: new UsageService(ds, clock, quota, audit),
    quota,
    notifications,
    packageApplications: new PackageApplicationService(ds, clock, calendar, notifications, audit),
    memberCapabilities: new MemberCapabilityService(ds, clock, calendar, notifications, audit, operatorControls),
    audit,
    partners: new PartnerAccessService(ds, clock, audit),
    marketHttp,
    marketProducts: new MarketProductService(ds, clock, marketHttp, reviews, audit),
    marketOrders: new MarketOrderService(ds, clock),
    marketNotifications: new MarketNotificationService(ds, clock, marketHttp),
    accounts: new AccountService(ds, clock, provider, audit),
    bills: new BillQueryService(ds, clock),
    billingRuns: new BillingRunService(ds, clock, provider),
    priceLists: new PriceListService(ds, audit),
    invoices: new InvoiceService(ds, clock, audit, notifications),
  };
}

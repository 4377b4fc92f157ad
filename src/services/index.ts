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
import { BillPreviewService } from './billing/bill-preview.service';
import { CostEstimateService } from './billing/cost-estimate.service';
import { BillingRunOptions, BillingRunService } from './billing/billing-run.service';
import { BillingScheduleOptions, BillingScheduleService } from './billing/billing-schedule.service';
import { BillAdjustmentService } from './billing/bill-adjustment.service';
import { InvoiceService } from './billing/invoice.service';
import { PaymentProvider, SandboxPaymentProvider } from './billing/payment-provider';
import { PriceListService } from './billing/price-list.service';
import { CatalogService } from './catalog/catalog.service';
import { AccountClosureService } from './developer/account-closure.service';
import { DeveloperService } from './developer/developer.service';
import { PartnerAccessService } from './partner/partner-access.service';
import { OutboundHttpClient } from '../outbound';
import { MarketNotificationService } from './market/notification.service';
import { MarketOrderService } from './market/order.service';
import { MarketProductService } from './market/product.service';
import { ReviewerQueueService } from './review/reviewer-queue';
import { ReviewService } from './review/review.service';
import { PackageApplicationService } from './application/package-application.service';
import { MemberCapabilityService } from './member-capability/member-capability.service';
import { NotificationService } from './notification/notification.service';
import { NotificationSweepService } from './notification/notification-sweep.service';
import { OutboundService } from './notification/outbound.service';
import { WebhookService } from './notification/webhook.service';
import { HttpPoster } from './notification/http-poster';
import { LoggingMessageSender, MessageSender } from './notification/message-sender';
import { SecretBox } from './common/secret-box';
import { SecretResealService } from './common/secret-reseal.service';
import { derivedKeyId, derivePurposeKey } from '../config/secret-keys';
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
  /** The one guarded HTTP client for every outbound request (providers' production endpoints today). */
  readonly outbound: OutboundHttpClient;
  readonly marketProducts: MarketProductService;
  readonly marketOrders: MarketOrderService;
  readonly marketNotifications: MarketNotificationService;
  readonly reviews: ReviewService;
  /** The reviewer queue over every workflow (rounds, package and member-capability applications). */
  readonly reviewerQueue: ReviewerQueueService;
  readonly usage: UsageService;
  readonly quota: QuotaService;
  readonly notifications: NotificationService;
  /** Events that are states (quota 80 %, bills issued, arrears, expiring subscriptions…), found by a sweep. */
  readonly notificationSweep: NotificationSweepService;
  /** Delivers webhooks, email and SMS at least once, with retries (webhooks through `outbound`). */
  readonly outboundDeliveries: OutboundService;
  readonly webhooks: WebhookService;
  /** Email and SMS provider (the logging sender in development and tests). */
  readonly messageSender: MessageSender;
  readonly packageApplications: PackageApplicationService;
  readonly memberCapabilities: MemberCapabilityService;
  /** The audit log: `audit.record(em, {...})` inside a reviewer/operator mutation's transaction. */
  readonly audit: AuditService;
  readonly partners: PartnerAccessService;
  readonly accounts: AccountService;
  readonly bills: BillQueryService;
  /** Month-to-date ESTIMATE of the usage not billed yet (issue 19), rated as the run rates it. */
  readonly estimates: CostEstimateService;
  /** A draft price list's rating of an app-period beside its bill (issue 17 §5); writes nothing. */
  readonly billPreviews: BillPreviewService;
  readonly billingRuns: BillingRunService;
  /** Scheduled billing: each Taobao day, Douyin month and day's arrears collection once, caught up after downtime. */
  readonly billingSchedule: BillingScheduleService;
  /** Adjustment bills: the late-usage sweep and operators' re-rates (issue 17). */
  readonly billAdjustments: BillAdjustmentService;
  readonly priceLists: PriceListService;
  readonly invoices: InvoiceService;
  /** Moves secrets at rest onto the keys derived from SECRETS_KEY (`npm run secrets:reseal`). */
  readonly secretReseal: SecretResealService;
}

/** Outside collaborators; the defaults are for development and tests. */
export interface ServiceOptions {
  /** The guarded outbound HTTP client (src/outbound); the default resolves through DNS and allowlists nothing. */
  outbound?: OutboundHttpClient;
  /** NOTE: defaults to the SANDBOX payment provider (no real money); production must pass a real one. */
  paymentProvider?: PaymentProvider;
  /** Seals secrets at rest; defaults to a fixed development key. */
  secretBox?: SecretBox;
  /** Email and SMS provider; defaults to the logging sender (development only: nothing is sent). */
  messageSender?: MessageSender;
  /** How long a gateway quota snapshot stays valid, in seconds (default 60). */
  quotaSnapshotTtlSeconds?: number;
  /** Late usage (issue 17): refuse records older than this many days or dated before their app's creation day; null: accept any past day (the default). */
  usageLateWindowDays?: number | null;
  /** How long ingestion decides emergency traffic from a quota state an earlier batch read, in seconds (default 5; 0: always read). */
  usageQuotaStateMaxAgeSeconds?: number;
  /** Shards, chunks and leases of billing runs (the configuration's `billing`); defaults otherwise. */
  billing?: Partial<BillingRunOptions>;
  /** The billing schedule's grace, lease and start (the configuration's `schedule`); defaults otherwise. */
  schedule?: Partial<BillingScheduleOptions>;
  /** The AES-256-GCM cipher app secrets are sealed with; defaults to a random development key (tests and tools). */
  secretCipher?: SecretCipher;
  /** Review items due within this many working hours are flagged at risk (default 24). */
  reviewAtRiskWorkingHours?: number;
}

export function createServices(ds: DataSource, clock: Clock, options: ServiceOptions = {}): Services {
  const outbound = options.outbound ?? new OutboundHttpClient();
  const provider = options.paymentProvider ?? new SandboxPaymentProvider();
  const audit = new AuditService(ds, clock);
  const notifications = new NotificationService(ds, clock, audit);
  const secretBox = options.secretBox ?? developmentSecretBox();
  const messageSender = options.messageSender ?? new LoggingMessageSender();
  const poster = new HttpPoster(outbound);
  const outboundDeliveries = new OutboundService(ds, clock, poster, messageSender, secretBox);
  const quota = new QuotaService(ds, clock, notifications);
  const calendar = new CalendarService(ds, audit);
  const reviews = new ReviewService(ds, clock, calendar, audit, notifications);
  const accounts = new AccountService(ds, clock, provider, audit);
  const billingRuns = new BillingRunService(ds, clock, provider, undefined, options.billing);
  const billAdjustments = new BillAdjustmentService(ds, clock, provider);
  const operatorControls = new OperatorControlsService(ds, clock, audit, notifications);
  const secretCipher = options.secretCipher ?? new SecretCipher(randomBytes(32), 'dev-unconfigured');
  const appSecrets = new AppSecretService(ds, clock, secretCipher, audit, notifications);
  return {
    ds,
    clock,
    apps: new AppService(ds, appSecrets, audit, clock),
    appSecrets,
    operatorControls,
    calendarYears: new CalendarYearService(ds, clock, calendar, audit),
    marketSales: new MarketSalesService(ds),
    reviewAssignments: new ReviewAssignmentService(ds, clock, audit, options.reviewAtRiskWorkingHours ?? 24),
    calendar,
    reviews,
    reviewerQueue: new ReviewerQueueService(ds),
    catalog: new CatalogService(ds, audit),
    developers: new DeveloperService(ds, audit),
    closures: new AccountClosureService(ds, clock, provider, audit),
    usage: new UsageService(ds, clock, quota, audit, options.quotaSnapshotTtlSeconds, options.usageLateWindowDays ?? null, options.usageQuotaStateMaxAgeSeconds),
    quota,
    notifications,
    notificationSweep: new NotificationSweepService(ds, clock, notifications),
    outboundDeliveries,
    webhooks: new WebhookService(ds, clock, secretBox, poster, outboundDeliveries, audit),
    messageSender,
    packageApplications: new PackageApplicationService(ds, clock, notifications, audit, reviews),
    memberCapabilities: new MemberCapabilityService(ds, clock, notifications, audit, operatorControls, reviews),
    audit,
    partners: new PartnerAccessService(ds, clock, audit),
    outbound,
    marketProducts: new MarketProductService(ds, clock, outbound, reviews, audit),
    marketOrders: new MarketOrderService(ds, clock, audit),
    marketNotifications: new MarketNotificationService(ds, clock, outboundDeliveries, audit),
    accounts,
    bills: new BillQueryService(ds, clock),
    estimates: new CostEstimateService(ds, clock),
    billPreviews: new BillPreviewService(ds),
    billingRuns,
    billAdjustments,
    billingSchedule: new BillingScheduleService(ds, clock, billingRuns, accounts, billAdjustments, options.schedule),
    priceLists: new PriceListService(ds, clock, audit, billAdjustments),
    invoices: new InvoiceService(ds, clock, audit, notifications),
    secretReseal: new SecretResealService(ds, secretCipher, secretBox),
  };
}

/** The webhook box of the fixed development key (tests and tools that pass none), as the configuration derives it. */
function developmentSecretBox(): SecretBox {
  const master = Buffer.from('portal-development-secrets-key!!');
  const key = derivePurposeKey(master, 'webhook-secrets');
  return new SecretBox(key, derivedKeyId(key, true), { v1Key: master });
}

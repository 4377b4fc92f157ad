import { DECISION_POLICIES } from '../domain/review/decision.rule';
import { getMetadataArgsStorage } from 'typeorm';
import {
  AppEntity,
  AuditEntryEntity,
  BillingAccountEntity,
  BillLineEntity,
  CalendarDayEntity,
  CapabilityCategoryEntity,
  CouponPolicyEntity,
  DeveloperEntity,
  InvoiceEntity,
  LedgerEntryEntity,
  MarketBillingItemEntity,
  MarketBillingPriceEntity,
  MarketOrderEntity,
  MarketProductEntity,
  MarketVersionEntity,
  MemberCapabilityApplicationEntity,
  PackageApplicationEntity,
  PackageEntity,
  TagEntity,
  NotificationSettingsEntity,
  UsageRecordEntity,
  AppOperatorQuotaEntity,
  AppSuspensionEntity,
  WebhookEndpointEntity,
  PriceVersionEntity,
} from '../db/entities';

/** Where a text input's limit comes from: the column it is written to, or a stated bound. */
export interface TextLimit {
  /** Longest accepted value, in characters (Unicode code points, as MySQL counts a VARCHAR). */
  readonly max: number;
  /** `Entity.property` when the limit is that column's length (read from the entity's metadata). */
  readonly column?: string;
}

/** The length of a VARCHAR/CHAR column, read from the entity's TypeORM metadata (so the two cannot drift). */
export function columnLength(entity: Function, property: string): TextLimit {
  const col = getMetadataArgsStorage().columns.find((c) => c.target === entity && c.propertyName === property);
  const length = Number(col?.options.length);
  if (!col || !Number.isInteger(length) || length <= 0) throw new Error(`input-limits: ${entity.name}.${property} is not a column with a length`);
  return { max: length, column: `${entity.name}.${property}` };
}

const col = columnLength;
/** A bound stated here, for text stored in a JSON or TEXT column, or parsed and never stored as given. */
const bound = (max: number): TextLimit => ({ max });

// NOTE: stated bounds (not columns), by kind.
/** Cursors are opaque base64 strings the server hands out; far shorter than this. */
const CURSOR = bound(200);
/** Dates (YYYY-MM-DD) and periods (YYYY-MM or YYYY-MM-DD): parsed by the rules, refused beyond this. */
const DATE = bound(32);
/** Decimal amounts as strings ("12.34"): parsed by decimal.js; 40 characters is far beyond DECIMAL(18,4). */
const AMOUNT = bound(40);
/** SCREAMING_SNAKE codes compared with stored codes. */
const CODE = bound(64);
/** Every `ID` argument or input field: database ids (20 digits), subjects (64), codes (≤ 48). */
export const ID_LIMIT: TextLimit = bound(64);

/**
 * The longest text accepted for every `String` argument and input field of the schema, keyed
 * `InputType.field` or `ObjectType.field(argument)`. Checked once at the edge (input-guard.ts)
 * before any resolver runs; a test fails when the schema has a String input without an entry,
 * and entries naming a column take its length from the entity metadata.
 */
export const TEXT_LIMITS: Readonly<Record<string, TextLimit>> = {
  'BillFilter.period': DATE,
  'BillingItemInput.code': col(MarketBillingItemEntity, 'code'),
  'BillingItemInput.name': col(MarketBillingItemEntity, 'name'),
  'BillingItemInput.unit': col(MarketBillingItemEntity, 'unit'),
  'ChargeInput.code': col(BillLineEntity, 'code'),
  'ChargeInput.label': col(BillLineEntity, 'label'),
  'ChargeInput.meter': col(BillLineEntity, 'code'),
  // Unit rates of the pricing models, stored inside price_list.charges (JSON): at most 8 + 1 + 6 characters by the model rule.
  'PriceInput.price': AMOUNT,
  'GraduatedTierInput.price': AMOUNT,
  'PackagePriceInput.price': AMOUNT,
  'ChargeInput.unit': bound(40),
  'ChoiceInput.code': col(MarketBillingItemEntity, 'code'),
  'ChoiceInput.value': col(MarketBillingPriceEntity, 'enumValue'),
  'CloseDeveloperAccountInput.confirmName': col(DeveloperEntity, 'name'),
  'CouponPolicyInput.code': col(CouponPolicyEntity, 'code'),
  'CreateAppInput.callbackUrl': col(AppEntity, 'callbackUrl'),
  'CreateAppInput.declaredFunctions': CODE,
  'CreateAppInput.description': col(AppEntity, 'description'),
  'CreateAppInput.logoUrl': col(AppEntity, 'logoUrl'),
  'CreateAppInput.name': col(AppEntity, 'name'),
  'CreateMarketProductInput.name': col(MarketProductEntity, 'name'),
  // Stored in review_round.explanation (TEXT); the review rule allows 2,000.
  'DecideReviewInput.explanation': bound(2000),
  'DecideReviewInput.reasons': CODE,
  // Stored in review_round.explanation (TEXT); the decision rule allows at most 2,000 (rounds).
  'DecideReviewItemInput.explanation': bound(2000),
  'DecideReviewItemInput.reasons': CODE,
  'EnumValueInput.value': col(MarketBillingPriceEntity, 'enumValue'),
  'MarketVersionInput.name': col(MarketVersionEntity, 'name'),
  // Member-capability material is stored in one JSON column; the bounds are the rule's (member-capability.rule.ts).
  'MemberCapabilityApplicationInput.companyIntroduction': bound(4000),
  'MemberCapabilityApplicationInput.demoDocumentUrl': bound(500),
  'MemberCapabilityApplicationInput.dingTalkContact': bound(100),
  'MemberCapabilityApplicationInput.isvName': bound(100),
  'MemberCapabilityApplicationInput.merchantId': bound(64),
  'MemberCapabilityApplicationInput.merchantName': bound(100),
  'MemberCapabilityApplicationInput.merchantSegment': bound(500),
  'MemberCapabilityApplicationInput.permissionsRequested': bound(200),
  'MemberCapabilityApplicationInput.successCases': bound(4000),
  'MemberCapabilityApplicationInput.usageScenario': bound(2000),
  'Mutation.adjustBalance(idempotencyKey)': bound(100),
  'Mutation.adjustBalance(reason)': col(LedgerEntryEntity, 'note'),
  // Stored in review_round.explanation (TEXT); the decision rule allows 1,000 for applications (DECISION_POLICIES).
  'Mutation.decideApplication(reason)': bound(DECISION_POLICIES.PACKAGE_APPLICATION.explanationMax),
  'Mutation.decideMemberCapabilityApplication(note)': bound(DECISION_POLICIES.MEMBER_CAPABILITY_APPLICATION.explanationMax),
  'Mutation.issueInvoice(invoiceNo)': col(InvoiceEntity, 'invoiceNo'),
  // Stored in review_message.body (TEXT); the review rule allows 2,000.
  'Mutation.postReviewFeedback(message)': bound(2000),
  'Mutation.recharge(idempotencyKey)': bound(100),
  'Mutation.rejectInvoice(reason)': col(InvoiceEntity, 'rejectReason'),
  'Mutation.reportQuotaExhausted(appkey)': col(AppEntity, 'appkey'),
  'Mutation.runBilling(period)': DATE,
  'Mutation.setCalendarDay(note)': col(CalendarDayEntity, 'note'),
  'Mutation.setPaymentMode(agreementNo)': col(BillingAccountEntity, 'alipayAgreementNo'),
  'Mutation.setProductionEndpoint(url)': col(MarketProductEntity, 'endpointUrl'),
  'Mutation.setQualityDiscount(percent)': AMOUNT,
  'App.operatorQuotas(after)': CURSOR,
  'App.secrets(after)': CURSOR,
  'PartnerDeveloper.apps(after)': CURSOR,
  'PartnerDeveloper.bills(after)': CURSOR,
  'PartnerDeveloper.bills(period)': DATE,
  'PlaceOrderInput.buyerEmail': col(MarketOrderEntity, 'buyerEmail'),
  'PlaceOrderInput.buyerPhone': col(MarketOrderEntity, 'buyerPhone'),
  'QuantityInput.code': col(MarketBillingItemEntity, 'code'),
  'Query.auditLog(action)': col(AuditEntryEntity, 'action'),
  'Query.auditLog(after)': CURSOR,
  'Query.billingRuns(after)': CURSOR,
  'Query.capabilityCategories(after)': CURSOR,
  'Query.couponPolicies(after)': CURSOR,
  'Query.monthToDate(after)': CURSOR,
  'Query.packages(after)': CURSOR,
  'Query.priceLists(after)': CURSOR,
  'Query.tags(after)': CURSOR,
  'Query.auditLog(entityType)': col(AuditEntryEntity, 'entityType'),
  'Query.bills(after)': CURSOR,
  'Query.billsCsv(period)': DATE,
  'Query.callPermission(appkey)': col(AppEntity, 'appkey'),
  'Query.quotaSnapshot(appkeys)': col(AppEntity, 'appkey'),
  'Query.appSecrets(appkey)': col(AppEntity, 'appkey'),
  'Query.mySales(month)': DATE,
  // An official notice as an ICS file: a year of events is a few KB; 256 KB is far beyond any notice.
  'ImportCalendarYearInput.ics': bound(262_144),
  'ImportCalendarYearInput.note': col(CalendarDayEntity, 'note'),
  'Mutation.suspendApp(reason)': col(AppSuspensionEntity, 'reason'),
  'PlaceOrderInput.idempotencyKey': col(MarketOrderEntity, 'idempotencyKey'),
  'SetAppQuotaInput.basis': col(AppOperatorQuotaEntity, 'basis'),
  'SetAppQuotaInput.contractReference': col(AppOperatorQuotaEntity, 'contractReference'),
  'Query.notifications(after)': CURSOR,
  'Query.webhookDeliveries(after)': CURSOR,
  'App.reviewRounds(after)': CURSOR,
  'ReviewRound.thread(after)': CURSOR,
  'MarketProduct.reviewRounds(after)': CURSOR,
  'PartnerDeveloper.packageApplications(after)': CURSOR,
  'Invoice.bills(after)': CURSOR,
  'BillPreview.adjustments(after)': CURSOR,
  'Developer.pendingMemberCapabilityApplications(after)': CURSOR,
  'Mutation.registerWebhookEndpoint(url)': col(WebhookEndpointEntity, 'url'),
  'NotificationContactsInput.email': col(NotificationSettingsEntity, 'email'),
  'NotificationContactsInput.phone': col(NotificationSettingsEntity, 'phone'),
  'Query.invoices(after)': CURSOR,
  'Query.ledger(after)': CURSOR,
  'Query.priceHistory(after)': CURSOR,
  'Query.priceHistory(subjectId)': col(PriceVersionEntity, 'subjectId'),
  'Query.previewBill(period)': DATE,
  'Query.myApps(after)': CURSOR,
  'Query.appPackageApplications(after)': CURSOR,
  'Query.marketProducts(after)': CURSOR,
  'Query.myMarketOrders(after)': CURSOR,
  'Query.myMarketProducts(after)': CURSOR,
  'Query.myMemberCapabilityApplications(after)': CURSOR,
  'Query.myPartnerGrants(after)': CURSOR,
  'Query.myProductionFailures(after)': CURSOR,
  'Query.mySales(after)': CURSOR,
  'Query.mySubscriptions(after)': CURSOR,
  'Query.partnerDevelopers(after)': CURSOR,
  'Query.webhookEndpoints(after)': CURSOR,
  'Query.reviewQueue(after)': CURSOR,
  'Query.reviewerQueue(after)': CURSOR,
  'RegisterDeveloperInput.name': col(DeveloperEntity, 'name'),
  'RequestInvoiceInput.taxNo': col(InvoiceEntity, 'taxNo'),
  'RequestInvoiceInput.title': col(InvoiceEntity, 'title'),
  'UpdateAppInput.callbackUrl': col(AppEntity, 'callbackUrl'),
  'UpdateAppInput.declaredFunctions': CODE,
  'UpdateAppInput.description': col(AppEntity, 'description'),
  'UpdateAppInput.logoUrl': col(AppEntity, 'logoUrl'),
  'UpdateAppInput.name': col(AppEntity, 'name'),
  'UpdateMarketProductInput.name': col(MarketProductEntity, 'name'),
  'UpsertCapabilityCategoryInput.code': col(CapabilityCategoryEntity, 'code'),
  'UpsertCapabilityCategoryInput.name': col(CapabilityCategoryEntity, 'name'),
  'UpsertPackageInput.code': col(PackageEntity, 'code'),
  'UpsertPackageInput.contactEmail': col(PackageEntity, 'contactEmail'),
  'UpsertPackageInput.name': col(PackageEntity, 'name'),
  'UpsertPackageInput.requiredFunction': col(PackageEntity, 'requiredFunction'),
  // Stored in package.required_materials (JSON); the catalog rule allows 200 a material.
  'UpsertPackageInput.requiredMaterials': bound(200),
  'UpsertTagInput.code': col(TagEntity, 'code'),
  'UpsertTagInput.name': col(TagEntity, 'name'),
  'UpsertTagInput.trafficNote': col(TagEntity, 'trafficNote'),
  'UsageRecordInput.appkey': col(AppEntity, 'appkey'),
  'UsageRecordInput.idempotencyKey': col(UsageRecordEntity, 'idempotencyKey'),
};

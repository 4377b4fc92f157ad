/**
 * The authorization matrix (issue 6): every Query and Mutation field of the schema against every
 * role, over HTTP. A field without a row fails the suite, so a new operation cannot ship unlisted.
 *
 * Adding an operation = one line in ROWS: field, the six outcomes, a document, and (if it takes
 * arguments) its variables from the fixture. Outcome columns, in order:
 *   ANONYMOUS DEVELOPER REVIEWER OPERATOR PARTNER GATEWAY
 * A = allowed (answers without error), U = UNAUTHENTICATED, F = FORBIDDEN, N = NOT_FOUND,
 * P = PERSISTED_DOCUMENT_REQUIRED (a PARTNER credential sent a document that is not a manifest
 * operation: refused before field authorization). Rows whose document is a generated partner
 * operation (src/partner-operations) are sent by hash for PARTNER and as text for everyone else.
 */
import { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { execute, extendSchema, GraphQLSchema, parse, print } from 'graphql';
import { Role } from '../../src/domain/common/role';
import { beijingDate } from '../../src/domain/common/beijing-time';
import { createLoaders } from '../../src/graphql/loaders';
import { buildAppSchema } from '../../src/graphql/schema';
import { PartnerDeveloperAppsDocument, PartnerDevelopersDocument } from '../../src/partner-operations/generated/graphql';
import { errorCode, GqlResponse, TestApp } from '../support/test-app';

type Outcome = 'A' | 'U' | 'F' | 'N' | 'P';
interface Fixture {
  appId: string;
  roundId: string;
  developerId: string;
  partnerId: string;
  grantedPartnerToRevoke: string;
  appkey: string;
  /** The owner's Taobao bill of 2026-11-19. */
  billId: string;
  /** The owner's draft cloud-market product. */
  marketProductId: string;
}
type Doc = string | TypedDocumentNode<unknown, unknown>;
type Row = readonly [field: string, outcomes: string, doc: Doc, variables?: (f: Fixture) => Record<string, unknown>];

const APP_INPUT = { name: 'Matrix App', description: 'd', logoUrl: 'https://cdn.example.com/l.png', callbackUrl: 'https://example.com/cb', tagCode: 'MERCHANT_BACKEND', inCloud: true, declaredFunctions: [] };
const PKG_INPUT = { code: 'MATRIX_PKG', name: 'Matrix package', kind: 'VALUE_ADDED', applicationChannel: 'NONE' };
const TAG_INPUT = { code: 'MATRIX_TAG', name: 'Matrix tag', devTestQuota: 5000, defaultOnlineQuota: 100000, trafficMode: 'CONTRACT', defaultPackageCodes: [], applicablePackageCodes: [] };

// prettier-ignore
export const ROWS: readonly Row[] = [
  //  field                           ANON DEV REV OPS PARTNER GATEWAY
  ['Query.app',                       'U A A A P F', 'query($id: ID!) { app(id: $id) { id } }', (f) => ({ id: f.appId })],
  ['Query.auditLog',                  'U F F A P F', '{ auditLog(first: 1) { totalCount } }'],
  ['Query.me',                        'U A F F P F', '{ me { id } }'],
  ['Query.myApps',                    'U A F F P F', '{ myApps { totalCount } }'],
  ['Query.myPartnerGrants',           'U A F F P F', '{ myPartnerGrants { edges { node { partnerId } } } }'],
  ['Query.packages',                  'A A A A P A', '{ packages { totalCount } }'],
  ['Query.partnerDeveloper',          'U F F F A F', PartnerDeveloperAppsDocument as Doc, (f) => ({ developerId: f.developerId })],
  ['Query.partnerDevelopers',         'U F F F A F', PartnerDevelopersDocument as Doc],
  ['Query.reviewQueue',               'U F A A P F', '{ reviewQueue { totalCount } }'],
  ['Query.reviewRound',               'U A A A P F', 'query($id: ID!) { reviewRound(id: $id) { id } }', (f) => ({ id: f.roundId })],
  ['Query.tag',                       'A A A A P A', '{ tag(code: "TAOBAOKE") { code } }'],
  ['Query.tags',                      'A A A A P A', '{ tags { totalCount } }'],
  ['Query.workingDays',               'A A A A P A', '{ workingDays(from: "2026-11-20", to: "2026-11-30") { __typename } }'],
  ['Mutation.decideReview',           'U F A F P F', 'mutation($i: DecideReviewInput!) { decideReview(input: $i) { __typename } }', (f) => ({ i: { roundId: f.roundId, decision: 'APPROVE' } })],
  ['Mutation.createApp',              'U A F F P F', 'mutation($i: CreateAppInput!) { createApp(input: $i) { __typename } }', () => ({ i: APP_INPUT })],
  ['Mutation.grantPartnerAccess',     'U A F F P F', 'mutation { grantPartnerAccess(partnerId: "matrix-partner-new") { __typename } }'],
  ['Mutation.postReviewFeedback',     'U A A F P F', 'mutation($r: ID!) { postReviewFeedback(roundId: $r, message: "why?") { __typename } }', (f) => ({ r: f.roundId })],
  ['Mutation.registerDeveloper',      'U A F F P F', 'mutation { registerDeveloper(input: { name: "x", kind: ISV }) { __typename } }'],
  // The matrix's developer is shared: the wrong confirmation name admits the call without closing the account.
  ['Mutation.closeDeveloperAccount',  'U A F F P F', 'mutation { closeDeveloperAccount(input: { confirmName: "matrix: not the name" }) { __typename } }'],
  ['Mutation.revokePartnerAccess',    'U A F F P F', 'mutation($p: ID!) { revokePartnerAccess(partnerId: $p) { __typename } }', (f) => ({ p: f.grantedPartnerToRevoke })],
  ['Mutation.setCalendarDay',         'U F F A P F', 'mutation { setCalendarDay(date: "2026-12-31", kind: OFF, note: "matrix") { __typename } }'],
  ['Mutation.submitAppForReview',     'U A F F P F', 'mutation($id: ID!) { submitAppForReview(appId: $id) { __typename } }', (f) => ({ id: f.appId })],
  ['Mutation.updateApp',              'U A F F P F', 'mutation($id: ID!) { updateApp(id: $id, input: { name: "Renamed" }) { __typename } }', (f) => ({ id: f.appId })],
  ['Mutation.upsertPackage',          'U F F A P F', 'mutation($i: UpsertPackageInput!) { upsertPackage(input: $i) { __typename } }', () => ({ i: PKG_INPUT })],
  ['Mutation.upsertTag',              'U F F A P F', 'mutation($i: UpsertTagInput!) { upsertTag(input: $i) { __typename } }', () => ({ i: TAG_INPUT })],
  // usage, applications, member capabilities, cloud market, billing
  ['Query.bills',                     'U A A A P F', '{ bills(first: 1) { totalCount } }'],
  ['Query.bill',                      'U N N N P F', 'query($id: ID!) { bill(id: $id) { id } }', () => ({ id: '999999999' })],
  ['Query.balance',                   'U A F F P F', '{ balance { __typename } }'],
  ['Query.billingAccount',            'U F A A P F', 'query($d: ID!) { billingAccount(developerId: $d) { __typename } }', (f) => ({ d: f.developerId })],
  ['Query.ledger',                    'U A F A P F', 'query($d: ID) { ledger(developerId: $d, first: 1) { __typename } }', (f) => ({ d: f.developerId })],
  ['Query.previewBill',               'U F F A P F', 'query($a: ID!, $p: DraftPriceListInput!) { previewBill(appId: $a, period: "2026-11-19", priceList: $p) { total } }', (f) => ({ a: f.appId, p: { charges: [{ code: 'DATA_SYNC_ORDERS', label: 'Data sync', meter: 'DATA_SYNC_ORDERS', unit: 'orders', pricing: { perHundred: { price: '0.05' } }, couponScope: false }] } })],
  ['Query.monthToDate',               'U A F A P F', 'query($d: ID) { monthToDate(developerId: $d) { __typename } }', (f) => ({ d: f.developerId })],
  ['Query.billsCsv',                  'U A F A P F', '{ billsCsv(platform: TAOBAO, period: "2026-11-19") }'],
  ['Query.priceLists',                'U A A A P F', '{ priceLists { totalCount } }'],
  ['Query.couponPolicies',            'U A A A P F', '{ couponPolicies { totalCount } }'],
  ['Query.invoices',                  'U A F A P F', '{ invoices(first: 1) { totalCount } }'],
  ['Query.invoice',                   'U N F N P F', 'query($id: ID!) { invoice(id: $id) { id } }', () => ({ id: '999999999' })],
  ['Query.capabilityCategories',      'U A A A P F', '{ capabilityCategories { totalCount } }'],
  ['Query.myMemberCapabilityStanding', 'U A F F P F', '{ myMemberCapabilityStanding { __typename } }'],
  ['Query.memberCapabilityStanding',  'U F A A P F', 'query($d: ID!) { memberCapabilityStanding(developerId: $d) { __typename } }', (f) => ({ d: f.developerId })],
  ['Query.myMemberCapabilityApplications', 'U A F F P F', '{ myMemberCapabilityApplications(first: 1) { __typename } }'],
  ['Query.memberCapabilityApplication', 'U N N N P F', 'query($id: ID!) { memberCapabilityApplication(id: $id) { __typename } }', () => ({ id: '999999999' })],
  ['Query.trafficPackageEligibility', 'U A A A P F', 'query($id: ID!) { trafficPackageEligibility(appId: $id) { __typename } }', (f) => ({ id: f.appId })],
  ['Query.packageApplication',        'U N N N P F', 'query($id: ID!) { packageApplication(id: $id) { __typename } }', () => ({ id: '999999999' })],
  ['Query.appPackageApplications',    'U A A A P F', 'query($id: ID!) { appPackageApplications(appId: $id) { __typename } }', (f) => ({ id: f.appId })],
  ['Query.applicationReviewQueue',    'U F A A P F', '{ applicationReviewQueue(first: 1) { __typename } }'],
  ['Query.reviewerQueue',             'U F A A P F', '{ reviewerQueue(first: 1) { totalCount } }'],
  ['Query.quoteOrder',                'N N N N P N', 'query($id: ID!) { quoteOrder(input: { versionId: $id, cycle: YEAR, length: 1 }) { __typename } }', () => ({ id: '999999999' })],
  ['Query.quoteUpgrade',              'U N F F P F', 'query($id: ID!) { quoteUpgrade(input: { subscriptionId: $id }) { __typename } }', () => ({ id: '999999999' })],
  ['Query.mySubscriptions',           'U A F F P F', '{ mySubscriptions { __typename } }'],
  ['Query.myMarketOrders',            'U A F F P F', '{ myMarketOrders { __typename } }'],
  ['Query.myProductionFailures',      'U A F F P F', '{ myProductionFailures { __typename } }'],
  ['Query.marketProducts',            'A A A A P A', '{ marketProducts { __typename } }'],
  ['Query.marketProduct',             'N N N N P N', 'query($id: ID!) { marketProduct(id: $id) { __typename } }', () => ({ id: '999999999' })],
  ['Query.myMarketProducts',          'U A F F P F', '{ myMarketProducts { __typename } }'],
  ['Query.callPermission',            'U F F F P A', 'query($k: String!) { callPermission(appkey: $k, category: BASIC, source: IN_CLOUD) { __typename } }', (f) => ({ k: f.appkey })],
  ['Query.quotaSnapshot',             'U F F F P A', 'query($k: String!) { quotaSnapshot(appkeys: [$k]) { __typename } }', (f) => ({ k: f.appkey })],
  ['Query.notifications',             'U A F F P F', '{ notifications(first: 1) { totalCount } }'],
  ['Query.unreadNotificationCount',   'U A F F P F', '{ unreadNotificationCount }'],
  ['Query.notificationPreferences',   'U A F F P F', '{ notificationPreferences { kind } }'],
  ['Query.notificationSettings',      'U A F F P F', '{ notificationSettings { email } }'],
  ['Query.webhookEndpoints',          'U A F F P F', '{ webhookEndpoints { edges { node { id } } } }'],
  ['Query.webhookDeliveries',         'U N F F P F', '{ webhookDeliveries(endpointId: "999999999") { totalCount } }'],
  ['Mutation.markNotificationsRead',  'U A F F P F', 'mutation { markNotificationsRead(all: true) { __typename } }'],
  ['Mutation.setNotificationPreference', 'U A F F P F', 'mutation { setNotificationPreference(kind: BILL_ISSUED, channel: EMAIL, enabled: true) { __typename } }'],
  ['Mutation.setNotificationContacts', 'U A F F P F', 'mutation { setNotificationContacts(input: { lowBalanceThreshold: "10.00" }) { __typename } }'],
  ['Mutation.registerWebhookEndpoint', 'U A F F P F', 'mutation { registerWebhookEndpoint(url: "http://not-https.example") { __typename } }'],
  ['Mutation.rotateWebhookSecret',    'U N F F P F', 'mutation { rotateWebhookSecret(endpointId: "999999999") { ... on WebhookEndpointSecret { secret } } }'],
  ['Mutation.removeWebhookEndpoint',  'U N F F P F', 'mutation { removeWebhookEndpoint(endpointId: "999999999") { ... on WebhookEndpoint { id } } }'],
  ['Mutation.pingWebhookEndpoint',    'U N F F P F', 'mutation { pingWebhookEndpoint(endpointId: "999999999") { ... on WebhookDelivery { id } } }'],
  ['Mutation.replayWebhookDelivery',  'U N F F P F', 'mutation { replayWebhookDelivery(deliveryId: "999999999") { ... on WebhookDelivery { id } } }'],
  ['Mutation.recharge',               'U A F F P F', 'mutation { recharge(amount: "10.00", idempotencyKey: "matrix-recharge") { __typename } }'],
  ['Mutation.setPaymentMode',         'U A F F P F', 'mutation { setPaymentMode(mode: PREPAID) { __typename } }'],
  ['Mutation.adjustBalance',          'U F F A P F', 'mutation($d: ID!) { adjustBalance(developerId: $d, amount: "1.00", reason: "matrix", idempotencyKey: "matrix-adjust") { __typename } }', (f) => ({ d: f.developerId })],
  ['Mutation.setBillingTerms',        'U F F A P F', 'mutation($d: ID!) { setBillingTerms(developerId: $d, newIsv: false) { __typename } }', (f) => ({ d: f.developerId })],
  ['Query.billingRuns',               'U F F A P F', '{ billingRuns(first: 5) { edges { node { period state } } } }'],
  ['Query.priceHistory',              'U F F A P F', '{ priceHistory(first: 5) { pageInfo { hasNextPage } } }'],
  ['Mutation.runBilling',             'U F F A P F', 'mutation { runBilling(platform: TAOBAO, period: "2026-11-19") { __typename } }'],
  ['Mutation.collectArrears',         'U F F A P F', 'mutation { collectArrears { __typename } }'],
  ['Mutation.upsertPriceList',        'U F F A P F', 'mutation { upsertPriceList(input: { platform: DOUYIN, effectiveFrom: "2030-01-01", charges: [] }) { __typename } }'],
  ['Mutation.upsertCouponPolicy',     'U F F A P F', 'mutation { upsertCouponPolicy(input: { platform: TAOBAO, code: "MATRIX", amount: "-1", validFrom: "2030-01-01" }) { __typename } }'],
  ['Mutation.setQualityDiscount',     'U F F A P F', 'mutation($id: ID!) { setQualityDiscount(appId: $id, percent: "0", effectiveFrom: "2030-01-01") { __typename } }', (f) => ({ id: f.appId })],
  ['Mutation.setAppBillingPlatform',  'U F F A P F', 'mutation($id: ID!) { setAppBillingPlatform(appId: $id, platform: TAOBAO) { __typename } }', (f) => ({ id: f.appId })],
  ['Mutation.requestInvoice',          'U A F F P F', 'mutation { requestInvoice(input: { billIds: [], title: "Matrix", taxNo: "91330106MA2XXXXX1X" }) { __typename } }'],
  ['Mutation.issueInvoice',            'U F F N P F', 'mutation($id: ID!) { issueInvoice(id: $id, invoiceNo: "12345678") { __typename } }', () => ({ id: '999999999' })],
  ['Mutation.rejectInvoice',           'U F F N P F', 'mutation($id: ID!) { rejectInvoice(id: $id, reason: "matrix") { __typename } }', () => ({ id: '999999999' })],
  ['Mutation.upsertCapabilityCategory', 'U F F A P F', 'mutation { upsertCapabilityCategory(input: { code: "", name: "", customOnly: false }) { __typename } }'],
  ['Mutation.applyForMemberCapability', 'U A F F P F', 'mutation { applyForMemberCapability(input: { build: TEMPLATE, categoryCode: "NO_SUCH", demoDocumentUrl: "", dingTalkContact: "", isvName: "", merchantTier: POTENTIAL, permissionsRequested: [], productKind: MINI_PROGRAM, usageScenario: "" }) { __typename } }'],
  ['Mutation.decideMemberCapabilityApplication', 'U F N F P F', 'mutation($id: ID!) { decideMemberCapabilityApplication(id: $id, decision: APPROVE) { __typename } }', () => ({ id: '999999999' })],
  ['Mutation.liftMemberCapabilityBar', 'U F F A P F', 'mutation($d: ID!) { liftMemberCapabilityBar(developerId: $d) { __typename } }', (f) => ({ d: f.developerId })],
  ['Mutation.applyForTrafficPackage', 'U A F F P F', 'mutation($id: ID!) { applyForTrafficPackage(appId: $id, packageCode: "TRAFFIC_500K") { __typename } }', (f) => ({ id: f.appId })],
  ['Mutation.applyForValueAddedPackage', 'U A F F P F', 'mutation($id: ID!) { applyForValueAddedPackage(appId: $id, packageCode: "JUHUASUAN") { __typename } }', (f) => ({ id: f.appId })],
  ['Mutation.decideApplication',      'U F N F P F', 'mutation($id: ID!) { decideApplication(id: $id, decision: APPROVE) { __typename } }', () => ({ id: '999999999' })],
  ['Mutation.decideReviewItem',       'U F N F P F', 'mutation { decideReviewItem(input: { kind: PACKAGE_APPLICATION, itemId: "999999999", decision: APPROVE }) { __typename } }'],
  ['Mutation.placeOrder',             'U A F F P F', 'mutation { placeOrder(input: { type: NEW }) { __typename } }'],
  ['Mutation.resetNotificationErrors', 'U N F F P F', 'mutation($id: ID!) { resetNotificationErrors(id: $id) { __typename } }', () => ({ id: '999999999' })],
  ['Mutation.createMarketProduct',    'U A F F P F', 'mutation { createMarketProduct(input: { name: "", saleMode: BY_CYCLE }) { __typename } }'],
  ['Mutation.updateMarketProduct',    'U N F F P F', 'mutation($id: ID!) { updateMarketProduct(id: $id, input: {}) { __typename } }', () => ({ id: '999999999' })],
  ['Mutation.setProductionEndpoint',  'U N F F P F', 'mutation($id: ID!) { setProductionEndpoint(productId: $id, url: "ftp://x") { __typename } }', () => ({ id: '999999999' })],
  ['Mutation.addMarketVersion',       'U N F F P F', 'mutation($id: ID!) { addMarketVersion(productId: $id, input: {}) { __typename } }', () => ({ id: '999999999' })],
  ['Mutation.updateMarketVersion',    'U N F F P F', 'mutation($id: ID!) { updateMarketVersion(versionId: $id, input: {}) { __typename } }', () => ({ id: '999999999' })],
  ['Mutation.setVersionBillingItems', 'U N F F P F', 'mutation($id: ID!) { setVersionBillingItems(versionId: $id, items: []) { __typename } }', () => ({ id: '999999999' })],
  ['Mutation.hideMarketVersion',      'U N F F P F', 'mutation($id: ID!) { hideMarketVersion(versionId: $id) { __typename } }', () => ({ id: '999999999' })],
  ['Mutation.showMarketVersion',      'U N F F P F', 'mutation($id: ID!) { showMarketVersion(versionId: $id) { __typename } }', () => ({ id: '999999999' })],
  ['Mutation.deleteMarketVersion',    'U N F F P F', 'mutation($id: ID!) { deleteMarketVersion(versionId: $id) { __typename } }', () => ({ id: '999999999' })],
  ['Mutation.reorderMarketVersions',  'U N F F P F', 'mutation($id: ID!) { reorderMarketVersions(productId: $id, versionIds: []) { __typename } }', () => ({ id: '999999999' })],
  ['Mutation.submitMarketProduct',    'U N F F P F', 'mutation($id: ID!) { submitMarketProduct(productId: $id) { __typename } }', () => ({ id: '999999999' })],
  ['Mutation.setUpgradeRule',         'U N F N P F', 'mutation { setUpgradeRule(fromVersionId: "999999998", toVersionId: "999999999") { __typename } }'],
  ['Mutation.removeUpgradeRule',      'U N F N P F', 'mutation { removeUpgradeRule(fromVersionId: "999999998", toVersionId: "999999999") { __typename } }'],
  ['Mutation.recordUsage',            'U F F F P A', 'mutation($k: String!) { recordUsage(records: [{ idempotencyKey: "matrix-usage-1", appkey: $k, date: "2026-11-19", apiCalls: [{ category: BASIC, source: IN_CLOUD, total: 1, successful: 1 }] }]) { __typename } }', (f) => ({ k: f.appkey })],
  ['Mutation.setValueAddedOutOfCloudPermitted', 'U F F A P F', 'mutation($id: ID!) { setValueAddedOutOfCloudPermitted(appId: $id, permitted: false) { __typename } }', (f) => ({ id: f.appId })],
  ['Mutation.reportQuotaExhausted',   'U F F F P A', 'mutation($k: String!) { reportQuotaExhausted(appkey: $k) { __typename } }', (f) => ({ k: f.appkey })],
  // platform controls (issue 18)
  ['Query.appSecrets',                'U F F F P A', 'query($k: String!) { appSecrets(appkey: $k) { __typename } }', (f) => ({ k: f.appkey })],
  ['Mutation.rotateAppSecret',        'U A F F P F', 'mutation($id: ID!) { rotateAppSecret(appId: $id, graceHours: 24) { __typename } }', (f) => ({ id: f.appId })],
  // The fixture app is DEVELOPING: suspend/restore answer InvalidState, a quota on its LADDER tag InvalidInput (allowed, nothing changes).
  ['Mutation.suspendApp',             'U F F A P F', 'mutation($id: ID!) { suspendApp(appId: $id, reason: "matrix") { __typename } }', (f) => ({ id: f.appId })],
  ['Mutation.restoreApp',             'U F F A P F', 'mutation($id: ID!) { restoreApp(appId: $id) { __typename } }', (f) => ({ id: f.appId })],
  ['Mutation.setAppQuota',            'U F F A P F', 'mutation($id: ID!) { setAppQuota(input: { appId: $id, dailyQuota: 1, effectiveFrom: "2030-01-01" }) { __typename } }', (f) => ({ id: f.appId })],
  ['Mutation.setIsvOnboarded',        'U F F A P F', 'mutation($d: ID!) { setIsvOnboarded(developerId: $d, onboarded: null) { __typename } }', (f) => ({ d: f.developerId })],
  // The matrix's reviewer is no lead: assigning is FORBIDDEN to it; the operator is a lead by rule.
  ['Mutation.claimReviewItem',        'U F A F P F', 'mutation($id: ID!) { claimReviewItem(kind: REVIEW_ROUND, id: $id) { __typename } }', (f) => ({ id: f.roundId })],
  ['Mutation.releaseReviewItem',      'U F A A P F', 'mutation($id: ID!) { releaseReviewItem(kind: REVIEW_ROUND, id: $id) { __typename } }', (f) => ({ id: f.roundId })],
  ['Mutation.assignReviewItem',       'U F F A P F', 'mutation($id: ID!) { assignReviewItem(kind: REVIEW_ROUND, id: $id, reviewerId: "matrix-reviewer") { __typename } }', (f) => ({ id: f.roundId })],
  ['Mutation.setReviewLead',          'U F F A P F', 'mutation { setReviewLead(reviewerId: "matrix-lead", lead: true) { __typename } }'],
  // An import with neither a list nor an ICS file is refused as data: the matrix leaves the calendar alone.
  ['Mutation.importCalendarYear',     'U F F A P F', 'mutation { importCalendarYear(input: { year: 2030 }) { __typename } }'],
  ['Query.calendarCoverage',          'U F F A P F', '{ calendarCoverage { warning } }'],
  ['Query.mySales',                   'U A F F P F', '{ mySales { edges { node { amount } } } }'],
];

const ROLES = [Role.ANONYMOUS, Role.DEVELOPER, Role.REVIEWER, Role.OPERATOR, Role.PARTNER, Role.GATEWAY] as const;
const CODES: Record<Exclude<Outcome, 'A'>, string> = { U: 'UNAUTHENTICATED', F: 'FORBIDDEN', N: 'NOT_FOUND', P: 'PERSISTED_DOCUMENT_REQUIRED' };

/** `Query.x` / `Mutation.y` for every operation field of the schema. */
export function operationsOf(schema: GraphQLSchema): string[] {
  const out: string[] = [];
  for (const type of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    if (type) out.push(...Object.keys(type.getFields()).map((f) => `${type.name}.${f}`));
  }
  return out.sort();
}

/** Operations of the schema that have no row. */
export const missingRows = (schema: GraphQLSchema, rows: readonly Row[]): string[] => {
  const listed = new Set(rows.map((r) => r[0]));
  return operationsOf(schema).filter((op) => !listed.has(op));
};

const hashOf = (doc: Doc): string | null => (typeof doc === 'string' ? null : ((doc as { __meta__?: { hash?: string } }).__meta__?.hash ?? null));

/** The outcome a response shows: A when it answers without error, else the letter of the first error's code. */
function outcomeOf(res: GqlResponse<unknown>): string {
  if (!res.errors?.length) return 'A';
  const code = errorCode(res);
  const letter = Object.entries(CODES).find(([, c]) => c === code)?.[0];
  return letter ?? `unexpected ${code}: ${res.errors[0].message}`;
}

let t: TestApp;
let fixture: Fixture;

/** A bill of the app for a Taobao day: usage reported by the gateway, billed by an operator's run. */
async function billOf(appkey: string, day: string): Promise<string> {
  const usage = await t.post(
    { query: 'mutation($r: [UsageRecordInput!]!) { recordUsage(records: $r) { __typename } }', variables: { r: [{ idempotencyKey: 'matrix-usage', appkey, date: day, dataSyncNewOrders: 12_000 }] } },
    await t.token(Role.GATEWAY, 'matrix-gateway'),
  );
  expect(usage.data).toEqual({ recordUsage: { __typename: 'UsageBatchReceipt' } });
  const operator = await t.token(Role.OPERATOR, 'matrix-operator');
  await t.post({ query: 'mutation($d: String!) { runBilling(platform: TAOBAO, period: $d) { __typename } }', variables: { d: day } }, operator);
  const bills = await t.post({ query: 'query($d: String!) { bills(filter: { period: $d }) { edges { node { id } } } }', variables: { d: day } }, operator);
  return (bills.data as { bills: { edges: { node: { id: string } }[] } }).bills.edges[0].node.id;
}
const tokens = new Map<Role, string | undefined>();

beforeAll(async () => {
  t = await TestApp.start();
  const dev = await t.developer('Matrix Owner');
  const partnerId = 'matrix-partner';
  const created = await t.post({ query: 'mutation($i: CreateAppInput!) { createApp(input: $i) { ... on App { id appkey } } }', variables: { i: APP_INPUT } }, dev.token);
  for (const p of [partnerId, 'matrix-partner-revoke']) {
    const granted = await t.post({ query: 'mutation($p: ID!) { grantPartnerAccess(partnerId: $p) { __typename } }', variables: { p } }, dev.token);
    expect(granted.data).toEqual({ grantPartnerAccess: { __typename: 'PartnerGrant' } });
  }
  const reviewed = await t.post({ query: 'mutation($i: CreateAppInput!) { createApp(input: $i) { ... on App { id } } }', variables: { i: { ...APP_INPUT, name: 'Matrix Reviewed' } } }, dev.token);
  const submitted = await t.post(
    { query: 'mutation($id: ID!) { submitAppForReview(appId: $id) { ... on ReviewRound { id } } }', variables: { id: (reviewed.data as { createApp: { id: string } }).createApp.id } },
    dev.token,
  );
  const roundId = (submitted.data as { submitAppForReview: { id: string } }).submitAppForReview.id;
  expect(roundId).toEqual(expect.any(String));
  const { id: appId, appkey } = (created.data as { createApp: { id: string; appkey: string } }).createApp;
  const billId = await billOf(appkey, '2026-11-19');
  const product = await t.post({ query: 'mutation { createMarketProduct(input: { name: "Matrix product", saleMode: BY_CYCLE }) { ... on MarketProduct { id } } }' }, dev.token);
  const marketProductId = (product.data as { createMarketProduct: { id: string } }).createMarketProduct.id;
  fixture = { roundId, appId, developerId: dev.id, partnerId, grantedPartnerToRevoke: 'matrix-partner-revoke', appkey, billId, marketProductId };
  tokens.set(Role.ANONYMOUS, undefined);
  tokens.set(Role.DEVELOPER, dev.token);
  tokens.set(Role.REVIEWER, await t.token(Role.REVIEWER, 'matrix-reviewer'));
  tokens.set(Role.OPERATOR, await t.token(Role.OPERATOR, 'matrix-operator'));
  tokens.set(Role.PARTNER, await t.token(Role.PARTNER, partnerId));
  tokens.set(Role.GATEWAY, await t.token(Role.GATEWAY, 'matrix-gateway'));
});
afterAll(() => t?.stop());

describe('the matrix covers the schema', () => {
  it('every Query and Mutation field of the built schema has exactly one row, and every row names a real field', async () => {
    const schema = await buildAppSchema();
    expect(missingRows(schema, ROWS)).toEqual([]);
    const fields = ROWS.map((r) => r[0]);
    expect(fields.filter((f, i) => fields.indexOf(f) !== i)).toEqual([]);
    expect(fields.filter((f) => !operationsOf(schema).includes(f))).toEqual([]);
  });

  it('catches an operation added to the schema without a row', async () => {
    const extended = extendSchema(await buildAppSchema(), parse('extend type Query { unlistedReport: Int } extend type Mutation { unlistedDelete: Boolean }'));
    expect(missingRows(extended, ROWS)).toEqual(['Mutation.unlistedDelete', 'Query.unlistedReport']);
  });

  it('each row states six outcomes from the legend', () => {
    for (const [field, outcomes] of ROWS) expect(`${field}: ${outcomes}`).toMatch(/^\S+: [AUFNP]( [AUFNP]){5}$/);
  });
});

describe.each(ROWS.map((r) => [r[0], r] as const))('%s', (_field, [, outcomes, doc, variables]) => {
  const expected = outcomes.split(' ');
  it.each(ROLES.map((role, i) => [role, expected[i]] as const))('%s → %s', async (role, want) => {
    const vars = variables?.(fixture);
    const hash = hashOf(doc);
    const token = tokens.get(role);
    const res =
      role === Role.PARTNER && hash
        ? await t.post({ variables: vars, extensions: { persistedQuery: { version: 1, sha256Hash: hash.replace(/^sha256:/, '') } } }, token)
        : await t.post({ query: typeof doc === 'string' ? doc : print(doc), variables: vars }, token);
    expect(outcomeOf(res)).toBe(want);
  });
});

/**
 * Fields of the home page (issue 15) hang off App and Developer, not the root: each row reads the
 * field through `app(id)` (or `me`) for every role, and through the partner's manifest document where
 * a partner may read it. Another developer is in the cross-tenant table below (NOT_FOUND).
 */
// prettier-ignore
const FIELD_ROWS: readonly Row[] = [
  //  field                                          ANON DEV REV OPS PARTNER GATEWAY
  ['App.latestReviewRound',                         'U A A A P F', 'query($id: ID!) { app(id: $id) { latestReviewRound { id } } }', (f) => ({ id: f.appId })],
  ['App.reviewRounds',                              'U A A A P F', 'query($id: ID!) { app(id: $id) { reviewRounds(first: 1) { totalCount } } }', (f) => ({ id: f.appId })],
  ['App.reviewRounds (partner manifest)',           'U F F F A F', PartnerDeveloperAppsDocument as Doc, (f) => ({ developerId: f.developerId })],
  ['App.pendingApplications',                       'U A A A P F', 'query($id: ID!) { app(id: $id) { pendingApplications { id } } }', (f) => ({ id: f.appId })],
  ['App.monthToDate',                               'U A A A P F', 'query($id: ID!) { app(id: $id) { monthToDate { total } } }', (f) => ({ id: f.appId })],
  ['AppMonthToDate.estimate',                       'U A A A P F', 'query($id: ID!) { app(id: $id) { monthToDate { estimate { isEstimate total } } } }', (f) => ({ id: f.appId })],
  ['Developer.pendingMemberCapabilityApplications', 'U A F F P F', '{ me { pendingMemberCapabilityApplications { totalCount } } }'],
];

describe.each(FIELD_ROWS.map((r) => [r[0], r] as const))('%s', (_field, [, outcomes, doc, variables]) => {
  const expected = outcomes.split(' ');
  it.each(ROLES.map((role, i) => [role, expected[i]] as const))('%s → %s', async (role, want) => {
    const vars = variables?.(fixture);
    const hash = hashOf(doc);
    const token = tokens.get(role);
    const res =
      role === Role.PARTNER && hash
        ? await t.post({ variables: vars, extensions: { persistedQuery: { version: 1, sha256Hash: hash.replace(/^sha256:/, '') } } }, token)
        : await t.post({ query: typeof doc === 'string' ? doc : print(doc), variables: vars }, token);
    expect(outcomeOf(res)).toBe(want);
  });
});

/**
 * Defence in depth: behind the allowlist, field authorization alone also refuses a PARTNER every
 * operation that is neither public (ANONYMOUS allowed) nor a partner operation. Executed on the
 * schema directly, since over HTTP the allowlist answers first.
 */
describe('field authorization refuses PARTNER even without the allowlist', () => {
  const behindAllowlist = ROWS.filter((r) => r[1].split(' ')[4] === 'P');
  it.each(behindAllowlist.map((r) => [r[0], r] as const))('%s', async (_field, [, outcomes, doc, variables]) => {
    const isPublic = outcomes.split(' ')[0] !== 'U'; // anonymous callers get past authorization (A, or N for a missing id)
    const result = await execute({
      schema: await buildAppSchema(),
      document: parse(typeof doc === 'string' ? doc : print(doc)),
      variableValues: variables?.(fixture),
      contextValue: { viewer: { role: Role.PARTNER, subjectId: fixture.partnerId }, loaders: createLoaders(t.ds, t.server.services), services: t.server.services, now: t.server.services.clock.now(), today: beijingDate(t.server.services.clock.now()) },
    });
    // Public operations may still answer NOT_FOUND for the fixture's missing ids: what counts is FORBIDDEN or not.
    expect(result.errors?.[0]?.extensions?.code === 'FORBIDDEN').toBe(!isPublic);
  });
});

/**
 * Cross-tenant: every developer-owned object, read and written by another developer and by a
 * partner the owner did not grant, answers exactly like an id that does not exist.
 */
describe('cross-tenant reads and writes answer NOT_FOUND', () => {
  // prettier-ignore
  const CROSS: readonly (readonly [what: string, query: string, variables: (f: Fixture) => Record<string, unknown>])[] = [
    ['read an app',             'query($id: ID!) { app(id: $id) { id } }', (f) => ({ id: f.appId })],
    ['update an app',           'mutation($id: ID!) { updateApp(id: $id, input: { name: "Stolen" }) { __typename } }', (f) => ({ id: f.appId })],
    ['read a review round',     'query($id: ID!) { reviewRound(id: $id) { id } }', (f) => ({ id: f.roundId })],
    ['post review feedback',    'mutation($r: ID!) { postReviewFeedback(roundId: $r, message: "x") { __typename } }', (f) => ({ r: f.roundId })],
    ['submit an app for review', 'mutation($id: ID!) { submitAppForReview(appId: $id) { __typename } }', (f) => ({ id: f.appId })],
    ["revoke another's grant",  'mutation($p: ID!) { revokePartnerAccess(partnerId: $p) { __typename } }', (f) => ({ p: f.partnerId })],
    ['read a bill',             'query($id: ID!) { bill(id: $id) { id } }', (f) => ({ id: f.billId })],
    ['put a bill on an invoice', 'mutation($b: ID!) { requestInvoice(input: { billIds: [$b], title: "Stolen", taxNo: "91330106MA2XXXXX1X" }) { __typename } }', (f) => ({ b: f.billId })],
    ['read a draft market product', 'query($id: ID!) { marketProduct(id: $id) { id } }', (f) => ({ id: f.marketProductId })],
    ['rename a market product', 'mutation($id: ID!) { updateMarketProduct(id: $id, input: { name: "Stolen" }) { __typename } }', (f) => ({ id: f.marketProductId })],
    ["rotate another's app secret", 'mutation($id: ID!) { rotateAppSecret(appId: $id, graceHours: 0) { __typename } }', (f) => ({ id: f.appId })],
    ['add a version to a market product', 'mutation($id: ID!) { addMarketVersion(productId: $id, input: { name: "Stolen" }) { __typename } }', (f) => ({ id: f.marketProductId })],
    ["read an app's home-page fields", 'query($id: ID!) { app(id: $id) { latestReviewRound { id } reviewRounds { totalCount } pendingApplications { id } monthToDate { total } } }', (f) => ({ id: f.appId })],
  ];

  it.each(CROSS.map((c) => [c[0], c] as const))('another developer tries to %s', async (_what, [, query, variables]) => {
    const intruder = await t.developer('Intruder');
    const res = await t.post({ query, variables: variables(fixture) }, intruder.token);
    expect(errorCode(res)).toBe('NOT_FOUND');
  });

  it("another developer's lists never contain the owner's objects", async () => {
    const intruder = await t.developer('Intruder');
    const res = await t.post(
      { query: 'query($app: ID!) { myApps { totalCount } myPartnerGrants { edges { node { partnerId } } } bills(filter: { appId: $app }) { totalCount } invoices { totalCount } myMarketProducts { edges { node { id } } } monthToDate { totalCount } me { pendingMemberCapabilityApplications { totalCount } } }', variables: { app: fixture.appId } },
      intruder.token,
    );
    expect(res.data).toEqual({ myApps: { totalCount: 0 }, myPartnerGrants: { edges: [] }, bills: { totalCount: 0 }, invoices: { totalCount: 0 }, myMarketProducts: { edges: [] }, monthToDate: { totalCount: 0 }, me: { pendingMemberCapabilityApplications: { totalCount: 0 } } });
  });

  it('a partner the owner did not grant reads neither the developer nor its apps', async () => {
    const stranger = await t.token(Role.PARTNER, 'stranger-partner');
    expect(errorCode(await t.persisted(PartnerDeveloperAppsDocument, { developerId: fixture.developerId }, stranger))).toBe('NOT_FOUND');
    expect((await t.persisted(PartnerDevelopersDocument, {}, stranger)).data).toEqual({ partnerDevelopers: { edges: [] } });
  });

  it("the owner's app is unchanged by every attempt", async () => {
    const res = await t.post({ query: 'query($id: ID!) { app(id: $id) { name } }', variables: { id: fixture.appId } }, tokens.get(Role.OPERATOR));
    expect(res.data).toEqual({ app: { name: expect.not.stringMatching(/Stolen/) } });
  });
});

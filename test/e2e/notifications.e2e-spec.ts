/**
 * The notification center (docs/notifications.md), over HTTP: events produce inbox notifications
 * with their figures; preferences switch channels off; webhooks are signed, retried, logged and
 * replayed; email and SMS go through the provider interface (the logging sender here).
 */
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { Role } from '../../src/domain/common/role';
import { verifyWebhook } from '../../src/domain/notification/webhook-signature';
import { LoggingMessageSender } from '../../src/services/notification/message-sender';
import { BillingFixture, calls } from '../support/billing-fixture';
import { TestApp } from '../support/test-app';

let t: TestApp;
let f: BillingFixture;
let reviewer: string;

/** A local receiver standing in for a developer's endpoint: a test host mapped by OUTBOUND_HOST_OVERRIDES and allowlisted by OUTBOUND_ALLOW_PRIVATE_HOSTS (as in the market tests), the only kind allowed plain http. */
interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}
let receiver: http.Server;
let received: Received[] = [];
let answerWith = 200;

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(answerWith).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  t = await TestApp.start({ env: { OUTBOUND_HOST_OVERRIDES: 'hooks.dev.test=127.0.0.1,hooks2.dev.test=127.0.0.1', OUTBOUND_ALLOW_PRIVATE_HOSTS: 'hooks.dev.test,hooks2.dev.test' } });
  f = await BillingFixture.of(t);
  reviewer = await t.token(Role.REVIEWER);
});
afterAll(async () => {
  await t.stop();
  await new Promise((r) => receiver.close(r));
});

const port = () => (receiver.address() as AddressInfo).port;

async function q<T = Record<string, any>>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const res = await t.post({ query, variables }, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as T;
}

const INBOX = `query($kind: NotificationKind, $unread: Boolean, $first: Int, $after: String) {
  notifications(kind: $kind, unread: $unread, first: $first, after: $after) {
    totalCount unreadCount pageInfo { hasNextPage endCursor }
    edges { node { id kind title message appId linkType linkId read } }
  }
}`;
type Note = { id: string; kind: string; title: string; message: string; appId: string | null; linkType: string | null; linkId: string | null; read: boolean };
const inbox = async (token: string, kind?: string): Promise<Note[]> => (await q(INBOX, { kind, first: 100 }, token)).notifications.edges.map((e: { node: Note }) => e.node);

describe('events produce notifications with their figures', () => {
  it('an app rejected in review: APP_REVIEW_REJECTED with the reasons, linking the round', async () => {
    const dev = await t.developer('Review Notices');
    const app = await f.newApp(dev);
    await q(
      `mutation($id: ID!, $i: UpdateAppInput!) { updateApp(id: $id, input: $i) { __typename } }`,
      { id: app.id, i: { description: 'Syncs orders', logoUrl: 'https://cdn.example.com/l.png', callbackUrl: 'https://example.com/cb', declaredFunctions: ['ORDER_MANAGEMENT'] } },
      dev.token,
    );
    const submitted = await q(`mutation($a: ID!) { submitAppForReview(appId: $a) { __typename ... on ReviewRound { id } ... on Refusal { message } } }`, { a: app.id }, dev.token);
    expect(submitted.submitAppForReview.__typename).toBe('ReviewRound');
    const roundId = submitted.submitAppForReview.id;
    const decided = await q(
      `mutation($i: DecideReviewInput!) { decideReview(input: $i) { __typename } }`,
      { i: { roundId, decision: 'REJECT', reasons: ['INCOMPLETE_MATERIAL'], explanation: 'The logo is missing.' } },
      reviewer,
    );
    expect(decided.decideReview.__typename).toBe('ReviewRound');
    const [note] = await inbox(dev.token, 'APP_REVIEW_REJECTED');
    expect(note).toMatchObject({ title: 'App rejected', appId: app.id, linkType: 'REVIEW_ROUND', linkId: roundId, read: false });
    expect(note.message).toContain('INCOMPLETE_MATERIAL');
    expect(note.message).toContain('The logo is missing.');
  });

  it("today's quota: 4,000 of a development app's 5,000 calls → QUOTA_80_PERCENT; 5,000 → QUOTA_EXHAUSTED; each once", async () => {
    const dev = await t.developer('Quota Notices');
    const app = await f.newApp(dev); // DEVELOPING: the tag's development-test quota, 5,000 calls a day
    const today = '2026-11-20';
    await f.report(app.appkey, today, { apiCalls: [calls('BASIC', 'IN_CLOUD', 3_999)] });
    await t.server.services.notificationSweep.sweep();
    expect(await inbox(dev.token, 'QUOTA_80_PERCENT')).toHaveLength(0);
    await f.report(app.appkey, today, { apiCalls: [calls('BASIC', 'IN_CLOUD', 1)] });
    await t.server.services.notificationSweep.sweep();
    const [eighty] = await inbox(dev.token, 'QUOTA_80_PERCENT');
    expect(eighty.message).toContain('4,000 of its 5,000 calls');
    await f.report(app.appkey, today, { apiCalls: [calls('FREE', 'IN_CLOUD', 1_000)] });
    await t.server.services.notificationSweep.sweep();
    await t.server.services.notificationSweep.sweep();
    expect(await inbox(dev.token, 'QUOTA_80_PERCENT')).toHaveLength(1);
    const exhausted = await inbox(dev.token, 'QUOTA_EXHAUSTED');
    expect(exhausted).toHaveLength(1);
    expect(exhausted[0]).toMatchObject({ linkType: 'APP', linkId: app.id });
    expect(exhausted[0].message).toContain('5,000 of its 5,000 calls');
  });

  it('a bill the balance cannot pay: BILL_ISSUED (30.00), BILL_UNPAID, ARREARS_ENTERED; a recharge of 30.00 → ARREARS_CLEARED', async () => {
    const dev = await t.developer('Bill Notices');
    const app = await f.newApp(dev);
    await f.report(app.appkey, '2021-08-01', { apiCalls: [calls('BASIC', 'OUT_OF_CLOUD', 15_000)] }); // 30.00 (DOMAIN §5: 0.2 per 100 beyond the free calls)
    await f.run('TAOBAO', '2021-08-01');
    await t.server.services.notificationSweep.sweep();
    const [issued] = await inbox(dev.token, 'BILL_ISSUED');
    expect(issued.message).toBe('1 TAOBAO bill for 2021-08-01: 30.00 yuan in all, 1 not paid yet.');
    const [unpaid] = await inbox(dev.token, 'BILL_UNPAID');
    expect(unpaid).toMatchObject({ linkType: 'BILL', appId: app.id });
    expect(unpaid.message).toContain('30.00 yuan');
    const [arrears] = await inbox(dev.token, 'ARREARS_ENTERED');
    expect(arrears.message).toContain('1 unpaid bill, 30.00 yuan');

    const recharge = await q(`mutation { recharge(amount: "30.00", idempotencyKey: "n-1") { __typename ... on BillingAccount { inArrears } } }`, {}, dev.token);
    expect(recharge.recharge).toMatchObject({ inArrears: false });
    await t.server.services.notificationSweep.sweep();
    await t.server.services.notificationSweep.sweep();
    expect(await inbox(dev.token, 'ARREARS_CLEARED')).toHaveLength(1);
    expect(await inbox(dev.token, 'ARREARS_ENTERED')).toHaveLength(1);
  });

  it('a balance below the threshold the developer set (100.00): BALANCE_LOW once, again only after it was back above', async () => {
    const dev = await t.developer('Balance Notices');
    const set = await q(`mutation($i: NotificationContactsInput!) { setNotificationContacts(input: $i) { __typename ... on NotificationSettings { lowBalanceThreshold } } }`, { i: { lowBalanceThreshold: '100.00' } }, dev.token);
    expect(set.setNotificationContacts).toMatchObject({ lowBalanceThreshold: '100.00' });
    await q(`mutation { recharge(amount: "60.00", idempotencyKey: "b-1") { __typename } }`, {}, dev.token);
    await t.server.services.notificationSweep.sweep();
    await t.server.services.notificationSweep.sweep();
    const low = await inbox(dev.token, 'BALANCE_LOW');
    expect(low).toHaveLength(1);
    expect(low[0].message).toContain('Your balance is 60.00 yuan, below the 100.00 yuan');
    await q(`mutation { recharge(amount: "50.00", idempotencyKey: "b-2") { __typename } }`, {}, dev.token); // 110.00: re-armed
    await t.server.services.notificationSweep.sweep();
    expect(await inbox(dev.token, 'BALANCE_LOW')).toHaveLength(1);
    const operator = await t.token(Role.OPERATOR);
    const adj = await q(`mutation($d: ID!) { adjustBalance(developerId: $d, amount: "-20.00", reason: "test correction", idempotencyKey: "adj-1") { __typename } }`, { d: dev.id }, operator);
    expect(adj.adjustBalance.__typename).toBe('BillingAccount');
    await t.server.services.notificationSweep.sweep();
    expect(await inbox(dev.token, 'BALANCE_LOW')).toHaveLength(2);
  });
});

describe('market events: a subscription expiring, a provider\'s production notifications failing and recovering', () => {
  it('a 7-day trial bought today: SUBSCRIPTION_EXPIRING_7_DAYS to the buyer; a 503 from the endpoint: FAILING to the provider, then RECOVERED', async () => {
    const provider = await t.developer('Market Provider');
    const buyer = await t.developer('Market Buyer', 'SELF_DEVELOPING_MERCHANT');
    const product = await q(`mutation { createMarketProduct(input: { name: "Notice Analytics", saleMode: BY_CYCLE }) { __typename ... on MarketProduct { id } } }`, {}, provider.token);
    const productId = product.createMarketProduct.id;
    const version = await q(
      `mutation($p: ID!) { addMarketVersion(productId: $p, input: { name: "Standard", trialDays: 7, prices: { monthNew: "1", monthRenew: "1", yearNew: "12", yearRenew: "12" } }) { __typename ... on MarketVersion { id } } }`,
      { p: productId },
      provider.token,
    );
    answerWith = 200;
    const endpoint = await q(`mutation($p: ID!, $u: String!) { setProductionEndpoint(productId: $p, url: $u) { __typename } }`, { p: productId, u: `http://hooks.dev.test:${port()}/produce` }, provider.token);
    expect(endpoint.setProductionEndpoint.__typename).toBe('MarketProduct');
    const round = await q(`mutation($p: ID!) { submitMarketProduct(productId: $p) { __typename ... on ReviewRound { id } } }`, { p: productId }, provider.token);
    await q(`mutation($i: DecideReviewInput!) { decideReview(input: $i) { __typename } }`, { i: { roundId: round.submitMarketProduct.id, decision: 'APPROVE' } }, reviewer);
    const placed = await q(
      `mutation($v: ID!) { placeOrder(input: { type: NEW, versionId: $v, trial: true, cycle: MONTH }) { __typename ... on MarketOrder { subscriptionId } ... on Refusal { message } } }`,
      { v: version.addMarketVersion.id },
      buyer.token,
    );
    expect(placed.placeOrder.__typename).toBe('MarketOrder');

    answerWith = 503;
    await t.server.services.marketNotifications.dispatchDue();
    await t.server.services.notificationSweep.sweep();
    const [expiring] = await inbox(buyer.token, 'SUBSCRIPTION_EXPIRING_7_DAYS');
    expect(expiring).toMatchObject({ linkType: 'MARKET_SUBSCRIPTION', linkId: placed.placeOrder.subscriptionId });
    expect(expiring.message).toContain('Notice Analytics');
    expect(await inbox(buyer.token, 'SUBSCRIPTION_EXPIRING_1_DAY')).toHaveLength(0);
    const [failing] = await inbox(provider.token, 'PRODUCTION_NOTIFICATION_FAILING');
    expect(failing.message).toContain('1 failed attempts so far');

    answerWith = 200;
    t.clock.set(new Date(t.clock.now().getTime() + 3_600_000));
    await t.server.services.marketNotifications.dispatchDue();
    await t.server.services.notificationSweep.sweep();
    const [recovered] = await inbox(provider.token, 'PRODUCTION_NOTIFICATION_RECOVERED');
    expect(recovered.message).toContain('delivered after 2 attempts');

    // Six days and an hour later the trial ends within a day: told again, once.
    t.clock.set(new Date(t.clock.now().getTime() + 6 * 86_400_000));
    await t.server.services.notificationSweep.sweep();
    await t.server.services.notificationSweep.sweep();
    expect(await inbox(buyer.token, 'SUBSCRIPTION_EXPIRING_1_DAY')).toHaveLength(1);
    expect(await inbox(buyer.token, 'SUBSCRIPTION_EXPIRING_7_DAYS')).toHaveLength(1);
    t.clock.set('2026-11-20T04:00:00Z');
  });
});

describe('the inbox: a cursor connection, filters, read state', () => {
  it('pages newest first, filters unread, marks read by id and all; another developer marks nothing of it', async () => {
    const dev = await t.developer('Inbox Owner');
    const app = await f.newApp(dev);
    for (const date of ['2021-09-01', '2021-09-02', '2021-09-03']) {
      await f.report(app.appkey, date, { apiCalls: [calls('BASIC', 'OUT_OF_CLOUD', 15_000)] });
      await f.run('TAOBAO', date);
    }
    await t.server.services.notificationSweep.sweep();
    const first = (await q(INBOX, { first: 2 }, dev.token)).notifications;
    const all = await inbox(dev.token);
    expect(first.edges).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.totalCount).toBe(all.length);
    expect(first.unreadCount).toBe(all.length);
    const second = (await q(INBOX, { first: 100, after: first.pageInfo.endCursor }, dev.token)).notifications;
    expect([...first.edges, ...second.edges].map((e: { node: Note }) => e.node.id)).toEqual(all.map((n) => n.id));
    expect(all.map((n) => Number(n.id))).toEqual([...all.map((n) => Number(n.id))].sort((a, b) => b - a));

    const stranger = await t.developer('Inbox Stranger');
    const foreign = await q(`mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) { __typename ... on NotificationsMarked { marked } } }`, { ids: [all[0].id] }, stranger.token);
    expect(foreign.markNotificationsRead).toMatchObject({ marked: 0 });

    const one = await q(`mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) { __typename ... on NotificationsMarked { marked unreadCount } } }`, { ids: [all[0].id] }, dev.token);
    expect(one.markNotificationsRead).toEqual({ __typename: 'NotificationsMarked', marked: 1, unreadCount: all.length - 1 });
    expect((await q(INBOX, { unread: true, first: 100 }, dev.token)).notifications.totalCount).toBe(all.length - 1);
    expect((await q(INBOX, { unread: false, first: 100 }, dev.token)).notifications.edges.map((e: { node: Note }) => e.node.id)).toEqual([all[0].id]);
    const rest = await q(`mutation { markNotificationsRead(all: true) { __typename ... on NotificationsMarked { marked unreadCount } } }`, {}, dev.token);
    expect(rest.markNotificationsRead).toMatchObject({ marked: all.length - 1, unreadCount: 0 });
    expect((await q(`{ unreadNotificationCount }`, {}, dev.token)).unreadNotificationCount).toBe(0);
    const neither = await q(`mutation { markNotificationsRead { __typename ... on InvalidInput { violations { field rule } } } }`, {}, dev.token);
    expect(neither.markNotificationsRead.violations).toEqual([{ field: 'ids', rule: 'REQUIRED' }]);
  });
});

describe('webhooks: signed, retried, logged, replayed', () => {
  const REGISTER = `mutation($u: String!) { registerWebhookEndpoint(url: $u) { __typename ... on WebhookEndpointSecret { secret endpoint { id url } } ... on InvalidInput { violations { field rule message } } } }`;

  it('refuses an endpoint that is not https, names an IP, or resolves to a private address', async () => {
    const dev = await t.developer('Hook Refusals');
    const refusal = async (url: string) => (await q(REGISTER, { u: url }, dev.token)).registerWebhookEndpoint.violations?.[0];
    expect(await refusal('http://example.com/hook')).toMatchObject({ field: 'url', rule: 'NOT_HTTPS' });
    expect(await refusal('https://127.0.0.1/hook')).toMatchObject({ field: 'url', rule: 'NOT_A_DOMAIN' });
    // A name that resolves to loopback and is not mapped by configuration: refused without saying the address.
    const local = await refusal('https://localhost/hook');
    expect(local).toMatchObject({ field: 'url', rule: 'NOT_DELIVERABLE', message: 'not a public address' });
  });

  it('registering, rotating and removing an endpoint are audited with the developer as actor, never with the secret (issue 13)', async () => {
    const dev = await t.developer('Hook Auditor');
    const reg = await q(REGISTER, { u: `http://hooks.dev.test:${port()}/audited` }, dev.token);
    const { secret, endpoint } = reg.registerWebhookEndpoint;
    const rotated = await q('mutation($id: ID!) { rotateWebhookSecret(endpointId: $id) { ... on WebhookEndpointSecret { secret } } }', { id: endpoint.id }, dev.token);
    await q('mutation($id: ID!) { removeWebhookEndpoint(endpointId: $id) { __typename } }', { id: endpoint.id }, dev.token);
    const operator = await t.token(Role.OPERATOR, 'hook-auditor-ops');
    const log = await q('query($a: ID) { auditLog(first: 10, actorId: $a, entityType: "WebhookEndpoint") { edges { node { action entityId before after } } } }', { a: dev.id }, operator);
    const rows = log.auditLog.edges.map((e: { node: unknown }) => e.node);
    expect(rows.map((r: { action: string }) => r.action)).toEqual(['removeWebhookEndpoint', 'rotateWebhookSecret', 'registerWebhookEndpoint']);
    expect(rows[2]).toMatchObject({ entityId: endpoint.id, before: null, after: { url: endpoint.url, active: true } });
    expect(rows[0]).toMatchObject({ before: { active: true }, after: { active: false } });
    expect(JSON.stringify(rows)).not.toContain(secret);
    expect(JSON.stringify(rows)).not.toContain(rotated.rotateWebhookSecret.secret);
  });

  it('delivers an event signed with the endpoint secret; a 503 is retried with backoff and logged; a replay re-sends it', async () => {
    const dev = await t.developer('Hook Owner');
    received = [];
    const reg = await q(REGISTER, { u: `http://hooks.dev.test:${port()}/portal` }, dev.token);
    expect(reg.registerWebhookEndpoint.__typename).toBe('WebhookEndpointSecret');
    const { secret, endpoint } = reg.registerWebhookEndpoint;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    // The secret is never shown again.
    const listed = await t.post({ query: '{ webhookEndpoints { edges { node { id url } } } }' }, dev.token);
    expect(JSON.stringify(listed)).not.toContain(secret);

    answerWith = 503;
    const app = await f.newApp(dev);
    await f.report(app.appkey, '2021-10-01', { apiCalls: [calls('BASIC', 'OUT_OF_CLOUD', 15_000)] });
    await f.run('TAOBAO', '2021-10-01');
    await t.server.services.notificationSweep.sweep();
    expect(await t.server.services.outboundDeliveries.dispatchDue()).toBeGreaterThan(0);
    expect(received.length).toBeGreaterThan(0);
    const deliveries = async () =>
      (await q(`query($e: ID!) { webhookDeliveries(endpointId: $e, first: 50) { totalCount edges { node { id kind status attemptCount nextAttemptAt attempts { outcome httpStatus detail } } } } }`, { e: endpoint.id }, dev.token))
        .webhookDeliveries;
    const failed = (await deliveries()).edges.map((e: { node: any }) => e.node).find((d: any) => d.kind === 'BILL_ISSUED');
    expect(failed).toMatchObject({ status: 'PENDING', attemptCount: 1, attempts: [{ outcome: 'HTTP_STATUS', httpStatus: 503, detail: 'answered 503' }] });
    // Backoff: the second attempt waits 30 s (docs/notifications.md); nothing is due before it.
    expect(new Date(failed.nextAttemptAt).getTime() - t.clock.now().getTime()).toBe(30_000);
    const before = received.length;
    await t.server.services.outboundDeliveries.dispatchDue();
    expect(received.length).toBe(before);

    answerWith = 200;
    t.clock.set(new Date(t.clock.now().getTime() + 31_000));
    received = [];
    await t.server.services.outboundDeliveries.dispatchDue();
    const delivered = received.find((r) => r.headers['x-portal-event'] === 'BILL_ISSUED')!;
    expect(delivered).toBeDefined();
    const now = Math.floor(t.clock.now().getTime() / 1000);
    expect(verifyWebhook(secret, String(delivered.headers['x-portal-signature']), delivered.body, now)).toBe(true);
    expect(verifyWebhook('whsec_wrong', String(delivered.headers['x-portal-signature']), delivered.body, now)).toBe(false);
    const body = JSON.parse(delivered.body);
    expect(body).toMatchObject({ kind: 'BILL_ISSUED', deliveryId: failed.id, data: { platform: 'TAOBAO', period: '2021-10-01', bills: 1, total: '30.00' } });
    const after = (await deliveries()).edges.map((e: { node: any }) => e.node).find((d: any) => d.id === failed.id);
    expect(after).toMatchObject({ status: 'DELIVERED', attemptCount: 2 });
    expect(after.attempts.map((a: any) => a.outcome)).toEqual(['HTTP_STATUS', 'DELIVERED']);

    received = [];
    const replay = await q(`mutation($d: ID!) { replayWebhookDelivery(deliveryId: $d) { ... on WebhookDelivery { id status replayOf attempts { outcome } } } }`, { d: failed.id }, dev.token);
    expect(replay.replayWebhookDelivery).toMatchObject({ status: 'DELIVERED', replayOf: failed.id, attempts: [{ outcome: 'DELIVERED' }] });
    expect(received).toHaveLength(1);
    expect(JSON.parse(received[0].body)).toMatchObject({ kind: 'BILL_ISSUED', deliveryId: replay.replayWebhookDelivery.id });

    // Another developer can neither read nor replay these deliveries.
    const stranger = await t.developer('Hook Stranger');
    const foreign = await t.post({ query: 'mutation($d: ID!) { replayWebhookDelivery(deliveryId: $d) { ... on WebhookDelivery { id } } }', variables: { d: failed.id } }, stranger.token);
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('a ping is signed with the rotated secret once rotated, and the old secret no longer verifies', async () => {
    const dev = await t.developer('Hook Rotation');
    const reg = await q(REGISTER, { u: `http://hooks2.dev.test:${port()}/p` }, dev.token);
    const { secret: oldSecret, endpoint } = reg.registerWebhookEndpoint;
    const rotated = await q(`mutation($e: ID!) { rotateWebhookSecret(endpointId: $e) { ... on WebhookEndpointSecret { secret } } }`, { e: endpoint.id }, dev.token);
    const newSecret = rotated.rotateWebhookSecret.secret;
    expect(newSecret).not.toBe(oldSecret);
    received = [];
    const ping = await q(`mutation($e: ID!) { pingWebhookEndpoint(endpointId: $e) { ... on WebhookDelivery { kind status attempts { outcome } } } }`, { e: endpoint.id }, dev.token);
    expect(ping.pingWebhookEndpoint).toMatchObject({ kind: 'WEBHOOK_PING', status: 'DELIVERED' });
    const now = Math.floor(t.clock.now().getTime() / 1000);
    const sig = String(received[0].headers['x-portal-signature']);
    expect(verifyWebhook(newSecret, sig, received[0].body, now)).toBe(true);
    expect(verifyWebhook(oldSecret, sig, received[0].body, now)).toBe(false);
  });
});

describe('preferences and channels', () => {
  it('email and SMS go to the provider for the kinds that default to them; switching a channel off stops it; the inbox cannot be switched off', async () => {
    const sender = t.server.services.messageSender as LoggingMessageSender;
    const dev = await t.developer('Channel Owner');
    const contacts = await q(
      `mutation($i: NotificationContactsInput!) { setNotificationContacts(input: $i) { __typename ... on NotificationSettings { email phone } ... on InvalidInput { violations { field rule } } } }`,
      { i: { email: 'ops@acme.example', phone: '+86 138 0000 0000' } },
      dev.token,
    );
    expect(contacts.setNotificationContacts).toMatchObject({ email: 'ops@acme.example', phone: '+86 138 0000 0000' });
    const bad = await q(`mutation($i: NotificationContactsInput!) { setNotificationContacts(input: $i) { __typename ... on InvalidInput { violations { field rule } } } }`, { i: { email: 'nope', lowBalanceThreshold: '1.00' } }, dev.token);
    expect(bad.setNotificationContacts.violations).toEqual([{ field: 'email', rule: 'NOT_AN_EMAIL' }]);
    // lowBalanceThreshold is Money: three decimal places are refused at the edge, naming the field.
    const badMoney = await t.post({ query: `mutation($i: NotificationContactsInput!) { setNotificationContacts(input: $i) { __typename } }`, variables: { i: { lowBalanceThreshold: '1.234' } } }, dev.token);
    expect(badMoney.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(badMoney.errors![0].message).toMatch(/i\.lowBalanceThreshold.*Money/);

    const pref = (kind: string, channel: string, enabled: boolean) =>
      q(`mutation($k: NotificationKind!, $c: NotificationChannel!, $e: Boolean!) { setNotificationPreference(kind: $k, channel: $c, enabled: $e) { __typename ... on NotificationPreference { kind channel enabled explicit } } }`, { k: kind, c: channel, e: enabled }, dev.token);
    // BILL_UNPAID's SMS is off by default: switching it off again is no choice of the developer's.
    expect((await pref('BILL_UNPAID', 'SMS', false)).setNotificationPreference).toMatchObject({ enabled: false, explicit: false });
    // BILL_ISSUED goes to the inbox and webhooks by default; this developer wants it by email too.
    expect((await pref('BILL_ISSUED', 'EMAIL', true)).setNotificationPreference).toMatchObject({ kind: 'BILL_ISSUED', channel: 'EMAIL', enabled: true, explicit: true });
    const inboxOff = await q(`mutation { setNotificationPreference(kind: BILL_UNPAID, channel: INBOX, enabled: false) { __typename ... on InvalidInput { violations { field rule } } } }`, {}, dev.token);
    expect(inboxOff.setNotificationPreference.violations).toEqual([{ field: 'channel', rule: 'INBOX_ALWAYS_ON' }]);
    // BILL_UNPAID defaults to inbox, email and webhooks, not SMS; ARREARS_ENTERED to all four. Switch its email off.
    await pref('ARREARS_ENTERED', 'EMAIL', false);
    const prefs = (await q(`{ notificationPreferences { kind channel enabled } }`, {}, dev.token)).notificationPreferences;
    expect(prefs).toContainEqual({ kind: 'ARREARS_ENTERED', channel: 'EMAIL', enabled: false });
    expect(prefs).toContainEqual({ kind: 'ARREARS_ENTERED', channel: 'SMS', enabled: true });

    const app = await f.newApp(dev);
    await f.report(app.appkey, '2021-11-01', { apiCalls: [calls('BASIC', 'OUT_OF_CLOUD', 15_000)] });
    await f.run('TAOBAO', '2021-11-01');
    sender.sent.length = 0;
    await t.server.services.notificationSweep.sweep();
    while ((await t.server.services.outboundDeliveries.dispatchDue()) > 0);
    const mine = sender.sent.filter((m) => m.to === 'ops@acme.example' || m.to === '+86 138 0000 0000').map((m) => `${m.channel}:${m.title}`).sort();
    expect(mine).toEqual(['EMAIL:Bill unpaid', 'EMAIL:Bills issued', 'SMS:Account in arrears']);
  });
});

describe('roles', () => {
  it('only developers have an inbox', async () => {
    for (const role of [Role.REVIEWER, Role.OPERATOR, Role.GATEWAY] as const) {
      const res = await t.post({ query: '{ unreadNotificationCount }' }, await t.token(role, randomUUID()));
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await t.post({ query: '{ unreadNotificationCount }' })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

import { Money } from './money.scalar';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { KIND_SPECS, NotificationChannel, NotificationKind, NotificationLinkType } from '../../domain/notification/notification-kind';
import { NotificationEntity, NotificationSettingsEntity, OutboundAttemptEntity, OutboundMessageEntity, WebhookEndpointEntity } from '../../db/entities';
import { PageInfoType } from './connection.type';

registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description: 'What a notification tells (a stable code; docs/notifications.md lists each with its figures)',
  valuesConfig: {
    APP_REVIEW_APPROVED: { description: "A reviewer approved the app's round: the app is ONLINE" },
    APP_REVIEW_REJECTED: { description: "A reviewer rejected the app's round (body: reason codes and explanation)" },
    APPLICATION_APPROVED: { description: 'A package application was approved: the package is granted' },
    APPLICATION_REJECTED: { description: "A package application was rejected, with the reviewer's reason" },
    MEMBER_CAPABILITY_APPROVED: { description: 'A member-capability application was approved' },
    MEMBER_CAPABILITY_REJECTED: { description: 'A member-capability application was rejected, with its reason' },
    MEMBER_CAPABILITY_BARRED: { description: 'The third non-compliant rejection: the developer may file no new member-capability application' },
    MEMBER_CAPABILITY_BAR_LIFTED: { description: 'An operator lifted the member-capability bar' },
    APP_SUSPENDED: { description: 'An operator suspended the app, with the reason: its quota is 0' },
    APP_RESTORED: { description: 'An operator restored the suspended app' },
    APP_SECRET_ROTATED: { description: "The app's secret was rotated (versions and how long the old one stays valid)" },
    APP_QUOTA_SET: { description: "An operator set the app's quota (CONTRACT and UV-based tags), from a date" },
    BILL_ISSUED: { description: 'A billing run issued bills: one notification per developer, platform and period, with the total' },
    BILL_UNPAID: { description: 'A bill the balance (and auto-debit) could not pay' },
    ARREARS_ENTERED: { description: 'The account entered arrears: charged API access is restricted (body: unpaid bills and amount)' },
    ARREARS_CLEARED: { description: 'The arrears were paid: the restriction is lifted' },
    BALANCE_LOW: { description: "The prepaid balance fell below the developer's threshold; told once, re-armed when it is back at or above it" },
    QUOTA_80_PERCENT: { description: "Today's calls reached 80% of today's quota; once per app and Beijing day" },
    QUOTA_EXHAUSTED: { description: "Today's calls reached 100% of today's quota (emergency traffic included); once per app and Beijing day" },
    EMERGENCY_TRAFFIC_GRANTED: { description: 'The app reached its quota and got emergency traffic: 50% of its quota until 24:00 Beijing time' },
    DEPOSIT_DEDUCTED: { description: 'Douyin arrears over a month old were taken from the deposit (body: amount, deposit left)' },
    INVOICE_ISSUED: { description: 'An operator issued the requested invoice' },
    INVOICE_REJECTED: { description: 'An operator rejected the invoice request, with the reason' },
    SUBSCRIPTION_EXPIRING_7_DAYS: { description: 'A bought market subscription ends within 7 days (told again after a renewal moves its end)' },
    SUBSCRIPTION_EXPIRING_1_DAY: { description: 'A bought market subscription ends within 1 day' },
    PRODUCTION_NOTIFICATION_FAILING: { description: "For providers: deliveries to the product's production endpoint are failing" },
    PRODUCTION_NOTIFICATION_STOPPED: { description: 'For providers: deliveries stopped after 120 attempts; resetNotificationErrors retries' },
    PRODUCTION_NOTIFICATION_RECOVERED: { description: 'For providers: a delivery got through after failures' },
    WEBHOOK_PING: { description: 'A test delivery the developer asked for (pingWebhookEndpoint); webhook only, never in the inbox' },
  },
});
registerEnumType(NotificationChannel, {
  name: 'NotificationChannel',
  description: 'Where notifications go: the inbox (always), email, SMS, webhooks',
  valuesConfig: {
    INBOX: { description: 'The portal inbox (myNotifications): always on, the record of what was told' },
    EMAIL: { description: "Email to the developer's address" },
    SMS: { description: "SMS to the developer's phone: only for the urgent kinds (suspension, arrears, exhausted quota, …)" },
    WEBHOOK: { description: "A signed POST to each of the developer's webhook endpoints" },
  },
});
registerEnumType(NotificationLinkType, {
  name: 'NotificationLinkType',
  description: 'The kind of object a notification links to',
  valuesConfig: {
    APP: { description: 'An app (id: App.id)' },
    REVIEW_ROUND: { description: 'A review round (id: ReviewRound.id)' },
    PACKAGE_APPLICATION: { description: 'A package application (id: PackageApplication.id)' },
    MEMBER_CAPABILITY_APPLICATION: { description: 'A member-capability application (id: MemberCapabilityApplication.id)' },
    BILL: { description: 'A bill (id: Bill.id)' },
    BILLING_ACCOUNT: { description: "The developer's billing account (id: the developer id)" },
    INVOICE: { description: 'An invoice (id: Invoice.id)' },
    MARKET_SUBSCRIPTION: { description: 'A cloud-market subscription (id: MarketSubscription.id)' },
    PRODUCTION_NOTIFICATION: { description: "A delivery to a provider's production endpoint (id: ProductionNotification.id)" },
    WEBHOOK_ENDPOINT: { description: 'A webhook endpoint (id: WebhookEndpoint.id)' },
  },
});

@ObjectType('Notification', { simpleResolvers: true, description: 'A message to the developer, with the object it is about' })
export class NotificationType {
  @Field(() => ID, { description: 'Stable, opaque identifier of the notification; the same in every answer that holds it' })
  id: string;

  @Field(() => NotificationKind, { description: 'What the notification tells (a stable code)' })
  kind: string;

  @Field(() => String, { description: 'Short headline, for people' })
  title: string;

  @Field(() => ID, { nullable: true, description: 'The app concerned, if any' })
  appId: string | null;

  @Field(() => String, { description: 'The body, with its figures' })
  message: string;

  @Field(() => NotificationLinkType, { nullable: true, description: 'What linkId names' })
  linkType: string | null;

  @Field(() => ID, { nullable: true, description: 'The id of the object to open (an app, a bill, an invoice, a subscription…)' })
  linkId: string | null;

  @Field(() => Boolean, { description: 'True once the developer marked it read' })
  read: boolean;

  @Field(() => Date, { nullable: true, description: 'When it was marked read; null while unread' })
  readAt: Date | null;

  @Field(() => Date, { description: 'When the notification was created (an instant, ISO 8601 UTC)' })
  createdAt: Date;

  static from(e: NotificationEntity): NotificationType {
    const spec = KIND_SPECS[e.kind as NotificationKind];
    return Object.assign(new NotificationType(), {
      id: e.id,
      kind: e.kind,
      title: e.title || spec?.title || e.kind,
      appId: e.appId,
      message: e.message,
      linkType: e.linkType ?? (spec?.link === NotificationLinkType.APP && e.appId ? NotificationLinkType.APP : null),
      linkId: e.linkId ?? (spec?.link === NotificationLinkType.APP ? e.appId : null),
      read: e.readAt !== null && e.readAt !== undefined,
      readAt: e.readAt ?? null,
      createdAt: e.createdAt,
    });
  }
}

@ObjectType('NotificationEdge', { simpleResolvers: true, description: 'One notification of a connection, with its cursor' })
export class NotificationEdgeType {
  @Field(() => String, { description: 'Opaque position of this notification: pass it as `after` to read the notifications that follow' })
  cursor: string;

  @Field(() => NotificationType, { description: 'The notification itself' })
  node: NotificationType;
}

@ObjectType('NotificationConnection', { simpleResolvers: true, description: "A page of notifications (Relay cursor connection): the edges in the list's order, where the page sits, and the whole list's count" })
export class NotificationConnectionType {
  @Field(() => [NotificationEdgeType], { description: 'The notifications of this page, each with its cursor' })
  edges: NotificationEdgeType[];

  @Field(() => PageInfoType, { description: 'Where this page sits: pass endCursor as `after` while hasNextPage is true' })
  pageInfo: PageInfoType;

  @Field(() => Int, { description: 'Notifications matching the filter' })
  totalCount: number;

  @Field(() => Int, { description: "The developer's unread notifications, whatever the filter" })
  unreadCount: number;
}

@ObjectType('NotificationsMarked', { simpleResolvers: true, description: 'How many notifications a mark-as-read changed' })
export class NotificationsMarkedType {
  @Field(() => Int, { description: 'How many were unread and are now read' })
  marked: number;

  @Field(() => Int, { description: 'Unread notifications left' })
  unreadCount: number;
}

@ObjectType('NotificationPreference', { simpleResolvers: true, description: 'Whether one kind goes to one channel' })
export class NotificationPreferenceType {
  @Field(() => NotificationKind, { description: 'The notification kind' })
  kind: NotificationKind;

  @Field(() => NotificationChannel, { description: 'The channel (INBOX is always on)' })
  channel: NotificationChannel;

  @Field(() => Boolean, { description: 'Whether this kind goes to this channel' })
  enabled: boolean;

  @Field(() => Boolean, { description: "True when the developer chose it; false when it is the kind's default" })
  explicit: boolean;
}

@ObjectType('NotificationSettings', { simpleResolvers: true, description: 'Contacts for email and SMS, and the low-balance threshold' })
export class NotificationSettingsType {
  @Field(() => String, { nullable: true, description: 'Address email notifications go to; null: none' })
  email: string | null;

  @Field(() => String, { nullable: true, description: 'Phone number SMS notifications go to; null: none' })
  phone: string | null;

  @Field(() => Money, { nullable: true, description: 'BALANCE_LOW is sent once when the balance falls below this (yuan); null: never' })
  lowBalanceThreshold: string | null;

  static from(e: NotificationSettingsEntity): NotificationSettingsType {
    return Object.assign(new NotificationSettingsType(), { email: e.email, phone: e.phone, lowBalanceThreshold: e.lowBalanceThreshold });
  }
}

@ObjectType('WebhookEndpoint', { simpleResolvers: true, description: 'An HTTPS endpoint receiving signed notification deliveries' })
export class WebhookEndpointType {
  @Field(() => ID, { description: 'Stable, opaque identifier of the webhook endpoint; the same in every answer that holds it' })
  id: string;

  @Field(() => String, { description: 'The https address deliveries are POSTed to' })
  url: string;

  @Field(() => Boolean, { description: 'False once removed' })
  active: boolean;

  @Field(() => Date, { description: 'When the webhook endpoint was created (an instant, ISO 8601 UTC)' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the signing secret was last rotated; null if never' })
  secretRotatedAt: Date | null;

  static from(e: WebhookEndpointEntity): WebhookEndpointType {
    return Object.assign(new WebhookEndpointType(), { id: e.id, url: e.url, active: e.active === 1, createdAt: e.createdAt, secretRotatedAt: e.secretRotatedAt });
  }
}

@ObjectType('WebhookEndpointSecret', { simpleResolvers: true, description: 'An endpoint with its signing secret: shown in this answer only, never again' })
export class WebhookEndpointSecretType {
  @Field(() => WebhookEndpointType, { description: 'The endpoint the new secret signs for' })
  endpoint: WebhookEndpointType;

  @Field(() => String, { description: 'HMAC-SHA256 key of x-portal-signature; store it now' })
  secret: string;
}

@ObjectType('WebhookAttempt', { simpleResolvers: true, description: 'One delivery attempt' })
export class WebhookAttemptType {
  @Field(() => Date, { description: 'When it was tried' })
  at: Date;

  @Field(() => String, { description: 'DELIVERED, HTTP_STATUS, TIMEOUT, REFUSED or NETWORK' })
  outcome: string;

  @Field(() => Int, { nullable: true, description: 'The status answered; null if none came back' })
  httpStatus: number | null;

  @Field(() => Int, { description: 'How long the attempt took, in milliseconds' })
  durationMs: number;

  @Field(() => String, { description: 'What happened, in words the developer can act on' })
  detail: string;

  static from(a: OutboundAttemptEntity): WebhookAttemptType {
    return Object.assign(new WebhookAttemptType(), { at: a.at, outcome: a.outcome, httpStatus: a.httpStatus, durationMs: a.durationMs, detail: a.detail });
  }
}

@ObjectType('WebhookDelivery', { simpleResolvers: true, description: 'One event delivered (or being delivered) to an endpoint, with every attempt' })
export class WebhookDeliveryType {
  @Field(() => ID, { description: 'Stable, opaque identifier of the webhook delivery; the same in every answer that holds it' })
  id: string;

  @Field(() => ID, { nullable: true, description: 'Id of the endpoint the delivery goes to' })
  endpointId: string | null;

  @Field(() => NotificationKind, { description: 'The notification kind delivered' })
  kind: string;

  @Field(() => ID, { nullable: true, description: 'The inbox notification it carries (none for a ping)' })
  notificationId: string | null;

  @Field(() => String, { description: 'PENDING, DELIVERED or STOPPED' })
  status: string;

  @Field(() => Int, { description: 'Attempts so far (stops after 16, about 38.5 hours)' })
  attemptCount: number;

  @Field(() => Date, { nullable: true, description: 'When it is tried next; null when delivered or given up' })
  nextAttemptAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was delivered; null until then' })
  deliveredAt: Date | null;

  @Field(() => ID, { nullable: true, description: 'The delivery this one replays' })
  replayOf: string | null;

  @Field(() => String, { description: 'The JSON body that was (or will be) POSTed, without its deliveryId' })
  payload: string;

  @Field(() => [WebhookAttemptType], { description: 'Each attempt, oldest first' })
  attempts: WebhookAttemptType[];

  @Field(() => Date, { description: 'When the webhook delivery was created (an instant, ISO 8601 UTC)' })
  createdAt: Date;

  static from({ message: m, attempts }: { message: OutboundMessageEntity; attempts: OutboundAttemptEntity[] }): WebhookDeliveryType {
    return Object.assign(new WebhookDeliveryType(), {
      id: m.id,
      endpointId: m.endpointId,
      kind: m.kind,
      notificationId: m.notificationId,
      status: m.status,
      attemptCount: m.attempts,
      nextAttemptAt: m.status === 'PENDING' ? m.nextAttemptAt : null,
      deliveredAt: m.deliveredAt,
      replayOf: m.replayOf,
      payload: JSON.stringify(m.payload),
      attempts: attempts.map(WebhookAttemptType.from),
      createdAt: m.createdAt,
    });
  }
}

@ObjectType('WebhookDeliveryEdge', { simpleResolvers: true, description: 'One webhook delivery of a connection, with its cursor' })
export class WebhookDeliveryEdgeType {
  @Field(() => String, { description: 'Opaque position of this webhook delivery: pass it as `after` to read the webhook deliverys that follow' })
  cursor: string;

  @Field(() => WebhookDeliveryType, { description: 'The webhook delivery itself' })
  node: WebhookDeliveryType;
}

@ObjectType('WebhookDeliveryConnection', { simpleResolvers: true, description: "A page of webhook deliverys (Relay cursor connection): the edges in the list's order, where the page sits, and the whole list's count" })
export class WebhookDeliveryConnectionType {
  @Field(() => [WebhookDeliveryEdgeType], { description: 'The webhook deliverys of this page, each with its cursor' })
  edges: WebhookDeliveryEdgeType[];

  @Field(() => PageInfoType, { description: 'Where this page sits: pass endCursor as `after` while hasNextPage is true' })
  pageInfo: PageInfoType;

  @Field(() => Int, { description: 'How many webhook deliverys the whole list holds (all pages), not only this page' })
  totalCount: number;
}

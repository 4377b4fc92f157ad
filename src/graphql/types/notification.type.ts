import { Money } from './money.scalar';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { KIND_SPECS, NotificationChannel, NotificationKind, NotificationLinkType } from '../../domain/notification/notification-kind';
import { NotificationEntity, NotificationSettingsEntity, OutboundAttemptEntity, OutboundMessageEntity, WebhookEndpointEntity } from '../../db/entities';
import { PageInfoType } from './connection.type';

registerEnumType(NotificationKind, { name: 'NotificationKind', description: 'What a notification tells (a stable code; docs/notifications.md lists each with its figures)' });
registerEnumType(NotificationChannel, { name: 'NotificationChannel', description: 'Where notifications go: the inbox (always), email, SMS, webhooks' });
registerEnumType(NotificationLinkType, { name: 'NotificationLinkType', description: 'The kind of object a notification links to' });

@ObjectType('Notification', { simpleResolvers: true, description: 'A message to the developer, with the object it is about' })
export class NotificationType {
  @Field(() => ID)
  id: string;

  @Field(() => NotificationKind)
  kind: string;

  @Field(() => String)
  title: string;

  @Field(() => ID, { nullable: true, description: 'The app concerned, if any' })
  appId: string | null;

  @Field(() => String, { description: 'The body, with its figures' })
  message: string;

  @Field(() => NotificationLinkType, { nullable: true, description: 'What linkId names' })
  linkType: string | null;

  @Field(() => ID, { nullable: true, description: 'The id of the object to open (an app, a bill, an invoice, a subscription…)' })
  linkId: string | null;

  @Field(() => Boolean)
  read: boolean;

  @Field(() => Date, { nullable: true })
  readAt: Date | null;

  @Field(() => Date)
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

@ObjectType('NotificationEdge', { simpleResolvers: true })
export class NotificationEdgeType {
  @Field(() => String)
  cursor: string;

  @Field(() => NotificationType)
  node: NotificationType;
}

@ObjectType('NotificationConnection', { simpleResolvers: true })
export class NotificationConnectionType {
  @Field(() => [NotificationEdgeType])
  edges: NotificationEdgeType[];

  @Field(() => PageInfoType)
  pageInfo: PageInfoType;

  @Field(() => Int, { description: 'Notifications matching the filter' })
  totalCount: number;

  @Field(() => Int, { description: "The developer's unread notifications, whatever the filter" })
  unreadCount: number;
}

@ObjectType('NotificationsMarked', { simpleResolvers: true })
export class NotificationsMarkedType {
  @Field(() => Int, { description: 'How many were unread and are now read' })
  marked: number;

  @Field(() => Int, { description: 'Unread notifications left' })
  unreadCount: number;
}

@ObjectType('NotificationPreference', { simpleResolvers: true, description: 'Whether one kind goes to one channel' })
export class NotificationPreferenceType {
  @Field(() => NotificationKind)
  kind: NotificationKind;

  @Field(() => NotificationChannel)
  channel: NotificationChannel;

  @Field(() => Boolean)
  enabled: boolean;

  @Field(() => Boolean, { description: "True when the developer chose it; false when it is the kind's default" })
  explicit: boolean;
}

@ObjectType('NotificationSettings', { simpleResolvers: true, description: 'Contacts for email and SMS, and the low-balance threshold' })
export class NotificationSettingsType {
  @Field(() => String, { nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field(() => Money, { nullable: true, description: 'BALANCE_LOW is sent once when the balance falls below this (yuan); null: never' })
  lowBalanceThreshold: string | null;

  static from(e: NotificationSettingsEntity): NotificationSettingsType {
    return Object.assign(new NotificationSettingsType(), { email: e.email, phone: e.phone, lowBalanceThreshold: e.lowBalanceThreshold });
  }
}

@ObjectType('WebhookEndpoint', { simpleResolvers: true, description: 'An HTTPS endpoint receiving signed notification deliveries' })
export class WebhookEndpointType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  url: string;

  @Field(() => Boolean, { description: 'False once removed' })
  active: boolean;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  secretRotatedAt: Date | null;

  static from(e: WebhookEndpointEntity): WebhookEndpointType {
    return Object.assign(new WebhookEndpointType(), { id: e.id, url: e.url, active: e.active === 1, createdAt: e.createdAt, secretRotatedAt: e.secretRotatedAt });
  }
}

@ObjectType('WebhookEndpointSecret', { simpleResolvers: true, description: 'An endpoint with its signing secret: shown in this answer only, never again' })
export class WebhookEndpointSecretType {
  @Field(() => WebhookEndpointType)
  endpoint: WebhookEndpointType;

  @Field(() => String, { description: 'HMAC-SHA256 key of x-portal-signature; store it now' })
  secret: string;
}

@ObjectType('WebhookAttempt', { simpleResolvers: true, description: 'One delivery attempt' })
export class WebhookAttemptType {
  @Field(() => Date)
  at: Date;

  @Field(() => String, { description: 'DELIVERED, HTTP_STATUS, TIMEOUT, REFUSED or NETWORK' })
  outcome: string;

  @Field(() => Int, { nullable: true })
  httpStatus: number | null;

  @Field(() => Int)
  durationMs: number;

  @Field(() => String, { description: 'What happened, in words the developer can act on' })
  detail: string;

  static from(a: OutboundAttemptEntity): WebhookAttemptType {
    return Object.assign(new WebhookAttemptType(), { at: a.at, outcome: a.outcome, httpStatus: a.httpStatus, durationMs: a.durationMs, detail: a.detail });
  }
}

@ObjectType('WebhookDelivery', { simpleResolvers: true, description: 'One event delivered (or being delivered) to an endpoint, with every attempt' })
export class WebhookDeliveryType {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { nullable: true })
  endpointId: string | null;

  @Field(() => NotificationKind)
  kind: string;

  @Field(() => ID, { nullable: true, description: 'The inbox notification it carries (none for a ping)' })
  notificationId: string | null;

  @Field(() => String, { description: 'PENDING, DELIVERED or STOPPED' })
  status: string;

  @Field(() => Int)
  attemptCount: number;

  @Field(() => Date, { nullable: true })
  nextAttemptAt: Date | null;

  @Field(() => Date, { nullable: true })
  deliveredAt: Date | null;

  @Field(() => ID, { nullable: true, description: 'The delivery this one replays' })
  replayOf: string | null;

  @Field(() => String, { description: 'The JSON body that was (or will be) POSTed, without its deliveryId' })
  payload: string;

  @Field(() => [WebhookAttemptType])
  attempts: WebhookAttemptType[];

  @Field(() => Date)
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

@ObjectType('WebhookDeliveryEdge', { simpleResolvers: true })
export class WebhookDeliveryEdgeType {
  @Field(() => String)
  cursor: string;

  @Field(() => WebhookDeliveryType)
  node: WebhookDeliveryType;
}

@ObjectType('WebhookDeliveryConnection', { simpleResolvers: true })
export class WebhookDeliveryConnectionType {
  @Field(() => [WebhookDeliveryEdgeType])
  edges: WebhookDeliveryEdgeType[];

  @Field(() => PageInfoType)
  pageInfo: PageInfoType;

  @Field(() => Int)
  totalCount: number;
}

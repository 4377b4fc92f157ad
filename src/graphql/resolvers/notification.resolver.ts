import { Money } from '../types/money.scalar';
import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, Query, Resolver, createUnionType, Args } from 'type-graphql';
import { Role } from '../../domain/common/role';
import { NotificationChannel, NotificationKind } from '../../domain/notification/notification-kind';
import { readPageArgs } from '../../services/common/pagination';
import { Context } from '../context';
import { InvalidInputType } from '../types/refusal.type';
import {
  NotificationConnectionType,
  NotificationPreferenceType,
  NotificationSettingsType,
  NotificationsMarkedType,
  NotificationType,
  WebhookDeliveryConnectionType,
  WebhookDeliveryType,
  WebhookEndpointSecretType,
  WebhookEndpointType,
} from '../types/notification.type';
import { toConnection } from './connection';
import { badUserInput, toPayload } from './result';
import { PingWebhookEndpointResult, RemoveWebhookEndpointResult, ReplayWebhookDeliveryResult, RotateWebhookSecretResult } from '../types/mutation-results.type';
import { ConnectionArgs } from '../types/connection.type';
import { pageOfList } from './connection';
import { WebhookEndpointConnectionType } from '../types/connections.type';

const MarkNotificationsReadResult = createUnionType({ name: 'MarkNotificationsReadResult', types: () => [NotificationsMarkedType, InvalidInputType] as const, description: 'What `markNotificationsRead` answers: NotificationsMarked on success; otherwise a refusal: InvalidInput (an input field broke a rule, each violation named; nothing written)' });
const SetNotificationPreferenceResult = createUnionType({ name: 'SetNotificationPreferenceResult', types: () => [NotificationPreferenceType, InvalidInputType] as const, description: 'What `setNotificationPreference` answers: NotificationPreference on success; otherwise a refusal: InvalidInput (an input field broke a rule, each violation named; nothing written)' });
const SetNotificationContactsResult = createUnionType({ name: 'SetNotificationContactsResult', types: () => [NotificationSettingsType, InvalidInputType] as const, description: 'What `setNotificationContacts` answers: NotificationSettings on success; otherwise a refusal: InvalidInput (an input field broke a rule, each violation named; nothing written)' });
const RegisterWebhookEndpointResult = createUnionType({ name: 'RegisterWebhookEndpointResult', types: () => [WebhookEndpointSecretType, InvalidInputType] as const, description: 'What `registerWebhookEndpoint` answers: WebhookEndpointSecret on success; otherwise a refusal: InvalidInput (an input field broke a rule, each violation named; nothing written)' });

@InputType('NotificationContactsInput', { description: 'Omitted fields stay as they are; null clears one' })
class NotificationContactsInput {
  @Field(() => String, { nullable: true, description: 'Where EMAIL notifications go (at most 200 characters)' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Where SMS notifications go' })
  phone?: string | null;

  @Field(() => Money, { nullable: true, description: 'Yuan, e.g. "100.00": BALANCE_LOW when the balance falls below it' })
  lowBalanceThreshold?: string | null;
}

const withSecret = ({ endpoint, secret }: { endpoint: Parameters<typeof WebhookEndpointType.from>[0]; secret: string }) =>
  Object.assign(new WebhookEndpointSecretType(), { endpoint: WebhookEndpointType.from(endpoint), secret });

/** The developer's notification center: inbox, preferences, contacts, webhooks and their delivery log. */
@Resolver()
export class NotificationResolver {
  @Authorized(Role.DEVELOPER)
  @Query(() => NotificationConnectionType, { description: "The caller's notifications, newest first, by kind and read state" })
  async notifications(
    @Arg('first', () => Int, { nullable: true, description: 'How many notifications to return: 1 to 100 (default 20)' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after: the endCursor of the page read before; omit for the first page' }) after: string | null,
    @Arg('kind', () => NotificationKind, { nullable: true, description: 'Only notifications of this kind; omit for every kind' }) kind: NotificationKind | null,
    @Arg('unread', () => Boolean, { nullable: true, description: 'true: unread only; false: read only' }) unread: boolean | null,
    @Ctx() { viewer, services }: Context,
  ): Promise<NotificationConnectionType> {
    const page = readPageArgs({ first, after });
    if (Array.isArray(page)) throw badUserInput(page);
    const developerId = viewer.subjectId!;
    const [{ rows, hasNextPage, totalCount }, unreadCount] = await Promise.all([
      services.notifications.listOwn(developerId, page.limit, page.beforeId, { kind, unread }),
      services.notifications.unreadCount(developerId),
    ]);
    return { ...toConnection(rows, hasNextPage, NotificationType.from), totalCount, unreadCount };
  }

  @Authorized(Role.DEVELOPER)
  @Query(() => Int, { description: "The caller's unread notifications" })
  unreadNotificationCount(@Ctx() { viewer, services }: Context): Promise<number> {
    return services.notifications.unreadCount(viewer.subjectId!);
  }

  @Authorized(Role.DEVELOPER)
  @Mutation(() => MarkNotificationsReadResult, { description: 'Marks the given notifications (or all: true) read' })
  async markNotificationsRead(
    @Arg('ids', () => [ID], { nullable: true, description: 'These notifications of the caller' }) ids: string[] | null,
    @Arg('all', () => Boolean, { nullable: true, description: 'True: mark every unread notification of the caller' }) all: boolean | null,
    @Ctx() { viewer, services }: Context,
  ) {
    const result = await services.notifications.markRead(viewer.subjectId!, ids, all === true);
    return toPayload(result, (v) => Object.assign(new NotificationsMarkedType(), { marked: v.marked, unreadCount: v.unread }));
  }

  @Authorized(Role.DEVELOPER)
  @Query(() => [NotificationPreferenceType], { description: 'Every kind × channel, on or off, for the caller' })
  notificationPreferences(@Ctx() { viewer, services }: Context): Promise<NotificationPreferenceType[]> {
    return services.notifications.preferences(viewer.subjectId!);
  }

  @Authorized(Role.DEVELOPER)
  @Mutation(() => SetNotificationPreferenceResult, { description: 'Switches one channel of one kind on or off (the inbox stays on)' })
  async setNotificationPreference(
    @Arg('kind', () => NotificationKind, { description: 'The notification kind the choice is for' }) kind: NotificationKind,
    @Arg('channel', () => NotificationChannel, { description: 'EMAIL, SMS or WEBHOOK (INBOX is always on)' }) channel: NotificationChannel,
    @Arg('enabled', () => Boolean, { description: 'True sends this kind to the channel; false stops it' }) enabled: boolean,
    @Ctx() { viewer, services }: Context,
  ) {
    return toPayload(await services.notifications.setPreference(viewer, kind, channel, enabled), (p) => Object.assign(new NotificationPreferenceType(), p));
  }

  @Authorized(Role.DEVELOPER)
  @Query(() => NotificationSettingsType, { description: "The caller's email, phone and low-balance threshold" })
  async notificationSettings(@Ctx() { viewer, services }: Context): Promise<NotificationSettingsType> {
    return NotificationSettingsType.from(await services.notifications.settings(viewer.subjectId!));
  }

  @Authorized(Role.DEVELOPER)
  @Mutation(() => SetNotificationContactsResult, { description: 'Sets the email, phone and low-balance threshold' })
  async setNotificationContacts(@Arg('input', () => NotificationContactsInput, { description: 'The email and phone to use' }) input: NotificationContactsInput, @Ctx() { viewer, services }: Context) {
    return toPayload(await services.notifications.setContacts(viewer, input), NotificationSettingsType.from);
  }

  @Authorized(Role.DEVELOPER)
  @Query(() => WebhookEndpointConnectionType, { description: "The caller's webhook endpoints, oldest first" })
  async webhookEndpoints(@Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() { viewer, services }: Context) {
    return pageOfList(await services.webhooks.list(viewer.subjectId!), page, (e) => String(e.id), WebhookEndpointType.from);
  }

  @Authorized(Role.DEVELOPER)
  @Mutation(() => RegisterWebhookEndpointResult, { description: 'Registers an HTTPS endpoint on a public address; answers with its signing secret, shown once' })
  async registerWebhookEndpoint(@Arg('url', () => String, { description: 'An https address on a public domain' }) url: string, @Ctx() { viewer, services }: Context) {
    return toPayload(await services.webhooks.register(viewer, url), withSecret);
  }

  @Authorized(Role.DEVELOPER)
  @Mutation(() => RotateWebhookSecretResult, { description: 'Replaces the signing secret at once; answers with the new one, shown once' })
  async rotateWebhookSecret(@Arg('endpointId', () => ID, { description: "Id of the caller's endpoint whose signing secret is replaced" }) endpointId: string, @Ctx() { viewer, services }: Context): Promise<typeof RotateWebhookSecretResult> {
    return withSecret(await services.webhooks.rotateSecret(viewer, endpointId));
  }

  @Authorized(Role.DEVELOPER)
  @Mutation(() => RemoveWebhookEndpointResult, { description: 'Stops deliveries to the endpoint (its log stays readable)' })
  async removeWebhookEndpoint(@Arg('endpointId', () => ID, { description: "Id of the caller's endpoint to remove: its deliveries stop, pending ones too; its log stays readable" }) endpointId: string, @Ctx() { viewer, services }: Context): Promise<typeof RemoveWebhookEndpointResult> {
    return WebhookEndpointType.from(await services.webhooks.remove(viewer, endpointId));
  }

  @Authorized(Role.DEVELOPER)
  @Query(() => WebhookDeliveryConnectionType, { description: "An endpoint's deliveries, newest first, each with its attempts" })
  async webhookDeliveries(
    @Arg('endpointId', () => ID, { description: "Id of the caller's endpoint whose log to page" }) endpointId: string,
    @Arg('first', () => Int, { nullable: true, description: 'How many deliveries to return: 1 to 100 (default 20)' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after: the endCursor of the page read before; omit for the first page' }) after: string | null,
    @Ctx() { viewer, services }: Context,
  ): Promise<WebhookDeliveryConnectionType> {
    const page = readPageArgs({ first, after });
    if (Array.isArray(page)) throw badUserInput(page);
    const { rows, hasNextPage, totalCount } = await services.webhooks.deliveries(viewer.subjectId!, endpointId, page.limit, page.beforeId);
    return { ...toConnection(rows.map((r) => ({ ...r, id: r.message.id })), hasNextPage, WebhookDeliveryType.from), totalCount };
  }

  @Authorized(Role.DEVELOPER)
  @Mutation(() => PingWebhookEndpointResult, { description: 'Sends a signed WEBHOOK_PING to the endpoint now' })
  async pingWebhookEndpoint(@Arg('endpointId', () => ID, { description: "Id of the caller's endpoint to send a signed WEBHOOK_PING to" }) endpointId: string, @Ctx() { viewer, services }: Context): Promise<typeof PingWebhookEndpointResult> {
    return WebhookDeliveryType.from(await services.webhooks.ping(viewer.subjectId!, endpointId));
  }

  @Authorized(Role.DEVELOPER)
  @Mutation(() => ReplayWebhookDeliveryResult, { description: 'Delivers a past delivery again now, as a new delivery with a fresh signature' })
  async replayWebhookDelivery(@Arg('deliveryId', () => ID, { description: "A delivery of one of the caller's endpoints" }) deliveryId: string, @Ctx() { viewer, services }: Context): Promise<typeof ReplayWebhookDeliveryResult> {
    return WebhookDeliveryType.from(await services.webhooks.replay(viewer.subjectId!, deliveryId));
  }
}

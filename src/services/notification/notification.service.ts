import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../domain/common/clock';
import { ok, invalidInput, Result } from '../../domain/common/result';
import { Viewer } from '../../domain/common/role';
import { checkContacts, ContactsInput, planContacts, planPreference } from '../../domain/notification/notification-settings.rule';
import { AuditService } from '../audit/audit.service';
import { change } from '../common/change';
import { violation, Violation } from '../../domain/common/violation';
import { channelEnabled, fitBody, isNotificationKind, KIND_SPECS, NotificationChannel, NotificationKind } from '../../domain/notification/notification-kind';
import { NotificationEntity, NotificationSettingsEntity, OutboundMessageEntity, WebhookEndpointEntity } from '../../db/entities';

export interface NotifyOptions {
  /** The linked object's id (its type is the kind's link type); defaults to the app id when the kind links to an app. */
  readonly linkId?: string | null;
  /** The event's figures, carried in webhook payloads. */
  readonly data?: Record<string, unknown>;
  /** Makes the event notify once: a second notify with the same key for the developer writes nothing. */
  readonly dedupeKey?: string;
}

export interface NotificationFilter {
  readonly kind?: NotificationKind | null;
  readonly unread?: boolean | null;
}

export interface NotificationPreference {
  readonly kind: NotificationKind;
  readonly channel: NotificationChannel;
  readonly enabled: boolean;
  /** True when the developer chose it; false when it is the kind's default. */
  readonly explicit: boolean;
}

/** The contact details input; its checks live in notification-settings.rule.ts. */
export type { ContactsInput };

/**
 * Notifications to developers (docs/notifications.md). `notify` runs inside the caller's
 * transaction: it writes the inbox row and, for every channel the developer has on, an outbound
 * message (webhook per active endpoint, email, SMS) that the outbound worker delivers after commit.
 */
export class NotificationService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /** Returns the notification's id, or null when `dedupeKey` says it was sent already. */
  async notify(em: EntityManager, developerId: string, kind: string, appId: string | null, message: string, opts: NotifyOptions = {}): Promise<string | null> {
    if (!isNotificationKind(kind)) throw new Error(`unknown notification kind ${kind}`);
    const spec = KIND_SPECS[kind];
    const now = this.clock.now();
    const linkId = opts.linkId !== undefined ? opts.linkId : spec.link === 'APP' ? appId : null;
    const body = fitBody(message);
    let id: string;
    try {
      const res = await em.insert(NotificationEntity, { developerId, kind, appId, title: spec.title, message: body, linkType: spec.link, linkId, dedupeKey: opts.dedupeKey ?? null, data: (opts.data ?? null) as never, createdAt: now });
      id = String(res.identifiers[0].id);
    } catch (err) {
      // The unique (developer, dedupe key): this event was notified already (a statement error leaves the transaction usable).
      if (opts.dedupeKey && (err as { code?: string }).code === 'ER_DUP_ENTRY') return null;
      throw err;
    }

    const [settings, endpoints] = await Promise.all([
      em.findOneBy(NotificationSettingsEntity, { developerId }),
      em.findBy(WebhookEndpointEntity, { developerId, active: 1 }),
    ]);
    const overrides = new Map(Object.entries(settings?.preferences ?? {}));
    const payload = { id, kind, title: spec.title, body, link: spec.link ? { type: spec.link, id: linkId } : null, appId, data: opts.data ?? {}, createdAt: now.toISOString() };
    const messages: Partial<OutboundMessageEntity>[] = [];
    const base = { developerId, notificationId: id, kind, payload, status: 'PENDING' as const, attempts: 0, nextAttemptAt: now, createdAt: now };
    if (channelEnabled(kind, NotificationChannel.WEBHOOK, overrides)) {
      for (const e of endpoints) messages.push({ ...base, channel: 'WEBHOOK', endpointId: e.id, target: e.url });
    }
    if (settings?.email && channelEnabled(kind, NotificationChannel.EMAIL, overrides)) messages.push({ ...base, channel: 'EMAIL', endpointId: null, target: settings.email });
    if (settings?.phone && channelEnabled(kind, NotificationChannel.SMS, overrides)) messages.push({ ...base, channel: 'SMS', endpointId: null, target: settings.phone });
    if (messages.length > 0) await em.insert(OutboundMessageEntity, messages as never);
    return id;
  }

  /** The developer's notifications, newest first, filtered by kind and read state, with the filter's total. */
  async listOwn(developerId: string, limit: number, beforeId: string | null, filter: NotificationFilter = {}): Promise<{ rows: NotificationEntity[]; hasNextPage: boolean; totalCount: number }> {
    const qb = this.ds.getRepository(NotificationEntity).createQueryBuilder('n').where('n.developer_id = :developerId', { developerId });
    if (filter.kind) qb.andWhere('n.kind = :kind', { kind: filter.kind });
    if (filter.unread === true) qb.andWhere('n.read_at IS NULL');
    if (filter.unread === false) qb.andWhere('n.read_at IS NOT NULL');
    const totalCount = await qb.clone().getCount();
    if (beforeId) qb.andWhere('n.id < :beforeId', { beforeId });
    const rows = await qb.orderBy('n.id', 'DESC').take(limit + 1).getMany();
    return { rows: rows.slice(0, limit), hasNextPage: rows.length > limit, totalCount };
  }

  async unreadCount(developerId: string): Promise<number> {
    return this.ds.getRepository(NotificationEntity).createQueryBuilder('n').where('n.developer_id = :developerId AND n.read_at IS NULL', { developerId }).getCount();
  }

  /** Marks the given notifications (or all) read; ids of other developers are ignored, as if they did not exist. */
  async markRead(developerId: string, ids: readonly string[] | null, all: boolean): Promise<Result<{ marked: number; unread: number }>> {
    const problems: Violation[] = [];
    if (!all && (!ids || ids.length === 0)) problems.push(violation('ids', 'REQUIRED', 'give the ids to mark read, or all: true'));
    if (all && ids && ids.length > 0) problems.push(violation('ids', 'WITH_ALL', 'give ids or all: true, not both'));
    if (ids && ids.length > 100) problems.push(violation('ids', 'TOO_MANY', 'at most 100 ids at once'));
    ids?.forEach((id, i) => {
      if (!/^\d{1,20}$/.test(id)) problems.push(violation(`ids[${i}]`, 'NOT_AN_ID', 'not a notification id'));
    });
    if (problems.length > 0) return invalidInput(problems);
    const qb = this.ds
      .createQueryBuilder()
      .update(NotificationEntity)
      .set({ readAt: this.clock.now() })
      .where('developer_id = :developerId AND read_at IS NULL', { developerId });
    if (!all) qb.andWhere('id IN (:...ids)', { ids });
    const res = await qb.execute();
    return ok({ marked: Number(res.affected ?? 0), unread: await this.unreadCount(developerId) });
  }

  /** Every kind × channel with its state for the developer (defaults where the developer chose nothing). */
  async preferences(developerId: string): Promise<NotificationPreference[]> {
    const settings = await this.ds.manager.findOneBy(NotificationSettingsEntity, { developerId });
    const overrides = new Map(Object.entries(settings?.preferences ?? {}));
    return Object.values(NotificationKind)
      .filter((k) => k !== NotificationKind.WEBHOOK_PING)
      .flatMap((kind) => Object.values(NotificationChannel).map((channel) => ({ kind, channel, enabled: channelEnabled(kind, channel, overrides), explicit: overrides.has(`${kind}:${channel}`) })));
  }

  /** Switches one channel of one kind on or off. The inbox is the record of what happened: it cannot be switched off. */
  async setPreference(viewer: Viewer, kind: string, channel: NotificationChannel, enabled: boolean): Promise<Result<NotificationPreference>> {
    const developerId = viewer.subjectId!;
    const checked = planPreference({}, kind, channel, enabled);
    if (!checked.ok) return checked;
    return change(this.ds, this.audit, {
      actor: viewer,
      action: 'setNotificationPreference',
      lock: (em) => this.lockedSettings(em, developerId),
      rule: (settings) => planPreference(settings.preferences, kind, channel, enabled),
      before: (settings) => ({ preferences: settings.preferences }),
      save: async (em, _settings, planned) => {
        await em.update(NotificationSettingsEntity, { developerId }, { preferences: planned.preferences });
        return ok({ kind: planned.kind, channel, enabled, explicit: planned.explicit, preferences: planned.preferences });
      },
      audit: (_s, { preferences }) => ({ entityType: 'NotificationSettings', entityId: developerId, after: { preferences } }),
    }).then((r) => (r.ok ? ok({ kind: r.value.kind, channel: r.value.channel, enabled: r.value.enabled, explicit: r.value.explicit }) : r));
  }

  async settings(developerId: string): Promise<NotificationSettingsEntity> {
    return (await this.ds.manager.findOneBy(NotificationSettingsEntity, { developerId })) ?? this.blankSettings(developerId);
  }

  /** Email and phone for those channels, and the balance below which BALANCE_LOW is sent (null: never). */
  async setContacts(viewer: Viewer, input: ContactsInput): Promise<Result<NotificationSettingsEntity>> {
    const developerId = viewer.subjectId!;
    const problems = checkContacts(input);
    if (problems.length > 0) return invalidInput(problems);
    return change(this.ds, this.audit, {
      actor: viewer,
      action: 'setNotificationContacts',
      lock: (em) => this.lockedSettings(em, developerId),
      rule: () => planContacts(input),
      before: ({ email, phone, lowBalanceThreshold }) => ({ email, phone, lowBalanceThreshold }),
      save: async (em, settings, patch) => {
        if (Object.keys(patch).length > 0) await em.update(NotificationSettingsEntity, { developerId }, patch);
        return ok({ ...settings, ...patch });
      },
      audit: (_s, { email, phone, lowBalanceThreshold }) => ({ entityType: 'NotificationSettings', entityId: developerId, after: { email, phone, lowBalanceThreshold } }),
    });
  }

  /** Deletes inbox notifications older than the retention; returns how many. */
  async purgeOlderThan(days: number): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - days * 86_400_000);
    const res = await this.ds.createQueryBuilder().delete().from(NotificationEntity).where('created_at < :cutoff', { cutoff }).execute();
    return Number(res.affected ?? 0);
  }

  private blankSettings(developerId: string): NotificationSettingsEntity {
    return Object.assign(new NotificationSettingsEntity(), { developerId, email: null, phone: null, lowBalanceThreshold: null, lowBalanceNotified: 0, preferences: {} });
  }

  private async lockedSettings(em: EntityManager, developerId: string): Promise<NotificationSettingsEntity> {
    await em.createQueryBuilder().insert().orIgnore().into(NotificationSettingsEntity).values(this.blankSettings(developerId)).execute();
    return em.findOneOrFail(NotificationSettingsEntity, { where: { developerId }, lock: { mode: 'pessimistic_write' } });
  }
}

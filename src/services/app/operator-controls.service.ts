import { AppStatus } from '../../domain/app/app.enums';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { isNumericId } from '../../domain/common/ids';
import { beijingDate } from '../../domain/common/beijing-time';
import { Clock } from '../../domain/common/clock';
import { invalidInput, invalidState, ok, Result } from '../../domain/common/result';
import { RefusalReason } from '../../domain/common/refusal-reason';
import { Viewer } from '../../domain/common/role';
import { transition } from '../../domain/review/review-state.rule';
import {
  checkSuspendReason,
  isvOnboarded,
  OnboardedBasis,
  OPERATOR_APP_TRANSITIONS,
  OperatorQuotaInput,
  planOperatorQuota,
  WENT_ONLINE,
} from '../../domain/app/operator-controls.rule';
import { AppEntity, AppOperatorQuotaEntity, AppSuspensionEntity, DeveloperEntity, TagEntity } from '../../db/entities';
import { AuditService } from '../audit/audit.service';
import { change } from '../common/change';
import { notFound } from '../common/errors';
import { NotificationService } from '../notification/notification.service';

export interface SetAppQuotaInput extends OperatorQuotaInput {
  readonly appId: string;
}

/** Operator controls over apps and ISVs (issue 18): suspension, operator-set quotas, the onboarded standing. */
export class OperatorControlsService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly notifications: NotificationService,
  ) {}

  /**
   * ONLINE → SUSPENDED with a reason told to the owner. From that moment the app's quota is 0, the
   * gateway's callPermission answers APP_SUSPENDED, its secrets verify nothing, and its review and
   * applications are frozen. Lock, check, write, audit, notify: one transaction.
   */
  async suspend(actor: Viewer, appId: string, reason: string): Promise<Result<AppEntity>> {
    return change(this.ds, this.audit, {
      actor,
      action: 'suspendApp',
      lock: (em) => this.lockApp(em, appId),
      rule: (app) => {
        const step = transition(OPERATOR_APP_TRANSITIONS, app.status, 'SUSPEND', 'an app');
        if (!step.ok) return invalidState<AppStatus>(step.currentState, 'suspendApp', step.message, RefusalReason.TRANSITION_NOT_ALLOWED, { status: step.currentState });
        const violations = checkSuspendReason(reason);
        return violations.length ? invalidInput<AppStatus>(violations) : ok(step.to);
      },
      before: (app) => ({ status: app.status }),
      save: async (em, app, to) => {
        const now = this.clock.now();
        app.status = to;
        await em.save(app);
        await em.insert(AppSuspensionEntity, { appId, reason: reason.trim(), suspendedBy: actor.subjectId ?? 'unknown', suspendedAt: now, restoredBy: null, restoredAt: null });
        await this.notifications.notify(em, app.ownerId, 'APP_SUSPENDED', appId, `App ${app.name} (${app.appkey}) is suspended: ${reason.trim()}`);
        return ok(await em.findOneByOrFail(AppEntity, { id: appId }));
      },
      audit: (app) => ({ entityType: 'App', entityId: appId, after: { status: app.status, reason: reason.trim() } }),
    });
  }

  /** SUSPENDED → ONLINE: the open suspension closes; quota, calls and secrets come back at once. */
  async restore(actor: Viewer, appId: string): Promise<Result<AppEntity>> {
    return change(this.ds, this.audit, {
      actor,
      action: 'restoreApp',
      lock: (em) => this.lockApp(em, appId),
      rule: (app) => {
        const step = transition(OPERATOR_APP_TRANSITIONS, app.status, 'RESTORE', 'an app');
        return step.ok ? ok(step.to) : invalidState<AppStatus>(step.currentState, 'restoreApp', step.message, RefusalReason.TRANSITION_NOT_ALLOWED, { status: step.currentState });
      },
      before: (app) => ({ status: app.status }),
      save: async (em, app, to) => {
        const now = this.clock.now();
        app.status = to;
        await em.save(app);
        await em.update(AppSuspensionEntity, { appId, restoredAt: IsNull() }, { restoredAt: now, restoredBy: actor.subjectId ?? 'unknown' });
        await this.notifications.notify(em, app.ownerId, 'APP_RESTORED', appId, `App ${app.name} (${app.appkey}) is restored: it is ONLINE again.`);
        return ok(await em.findOneByOrFail(AppEntity, { id: appId }));
      },
      audit: (app) => ({ entityType: 'App', entityId: appId, after: { status: app.status } }),
    });
  }

  /**
   * An operator sets the daily quota of an app of a CONTRACT tag (naming the contract) or a
   * UV_BASED tag (the monthly adjustment), effective from a Beijing date. Setting the same date
   * again replaces that row (audited with the previous one). The owner is notified.
   */
  async setQuota(actor: Viewer, input: SetAppQuotaInput): Promise<Result<AppOperatorQuotaEntity>> {
    return change(this.ds, this.audit, {
      actor,
      action: 'setAppQuota',
      lock: async (em) => {
        const app = await this.lockApp(em, input.appId);
        const tag = await em.findOneByOrFail(TagEntity, { code: app.tagCode });
        return { app, tag, existing: await em.findOneBy(AppOperatorQuotaEntity, { appId: app.id, effectiveFrom: input.effectiveFrom }), now: this.clock.now() };
      },
      rule: ({ tag, now }) => planOperatorQuota(input, tag.trafficMode, beijingDate(now)),
      before: ({ existing }) => existing,
      save: async (em, { app, existing, now }, kind) => {
        const values = {
          appId: app.id,
          kind,
          dailyQuota: input.dailyQuota,
          effectiveFrom: input.effectiveFrom,
          contractReference: input.contractReference?.trim() || null,
          basis: input.basis?.trim() || null,
          setBy: actor.subjectId ?? 'unknown',
          setAt: now,
        };
        if (existing) await em.update(AppOperatorQuotaEntity, { id: existing.id }, values);
        else await em.insert(AppOperatorQuotaEntity, values);
        const after = await em.findOneByOrFail(AppOperatorQuotaEntity, { appId: app.id, effectiveFrom: input.effectiveFrom });
        const ref = kind === 'CONTRACT' ? ` under contract ${values.contractReference}` : values.basis ? ` (${values.basis})` : '';
        await this.notifications.notify(em, app.ownerId, 'APP_QUOTA_SET', app.id, `App ${app.name} (${app.appkey}): a quota of ${input.dailyQuota} calls/day applies from ${input.effectiveFrom}${ref}.`);
        return ok(after);
      },
      audit: ({ app }, after) => ({ entityType: 'App', entityId: app.id, after }),
    });
  }

  /** An operator sets (true), clears (false) or hands back to the rule (null) an ISV's onboarded standing. Audited. */
  async setIsvOnboarded(actor: Viewer, developerId: string, onboarded: boolean | null): Promise<DeveloperEntity> {
    const set = await change(this.ds, this.audit, {
      actor,
      action: 'setIsvOnboarded',
      lock: async (em) => {
        const dev = await em.findOne(DeveloperEntity, { where: { id: developerId }, lock: { mode: 'pessimistic_write' } });
        if (!dev) throw notFound('Developer', developerId);
        return dev;
      },
      // An operator's word on the standing is always taken (isvOnboarded reads it first).
      rule: () => ok(onboarded),
      before: (dev) => ({ onboardedOverride: dev.onboardedOverride }),
      save: async (em, dev, override) => {
        dev.onboardedOverride = override;
        await em.save(dev);
        return ok(await em.findOneByOrFail(DeveloperEntity, { id: developerId }));
      },
      audit: () => ({ entityType: 'Developer', entityId: developerId, after: { onboardedOverride: onboarded } }),
    });
    if (!set.ok) throw new Error(`setIsvOnboarded refused: ${set.refusal.kind}`);
    return set.value;
  }

  /** The onboarded standing of a developer, read in the caller's transaction (member-capability applications). */
  async onboardingOf(em: EntityManager, dev: DeveloperEntity): Promise<{ onboarded: boolean; basis: OnboardedBasis }> {
    const hasAppOnline = dev.onboardedOverride === null && !dev.onboarded ? await em.existsBy(AppEntity, { ownerId: dev.id, status: In([...WENT_ONLINE]) }) : false;
    return isvOnboarded({ kind: dev.kind, override: dev.onboardedOverride, recorded: dev.onboarded, hasAppOnline });
  }

  private async lockApp(em: EntityManager, appId: string): Promise<AppEntity> {
    const app = isNumericId(appId) ? await em.findOne(AppEntity, { where: { id: appId }, lock: { mode: 'pessimistic_write' } }) : null;
    if (!app) throw notFound('App', appId);
    return app;
  }
}

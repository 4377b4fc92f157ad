import { isNumericId } from '../../domain/common/ids';
import { AuditService } from '../audit/audit.service';
import { DataSource, EntityManager, Not } from 'typeorm';
import { ApplicationStatus, PACKAGE_REVIEW_WORKING_DAYS } from '../../domain/application/application.enums';
import { ReviewDecision } from '../../domain/review/review.enums';
import { failed } from '../../domain/application/eligibility';
import { eligibilityWindow, TrafficEligibility, trafficEligibility } from '../../domain/application/traffic-eligibility.rule';
import { valueAddedEligibility } from '../../domain/application/value-added-eligibility.rule';
import { ApplicationChannel, PackageKind, TagPackageRole } from '../../domain/catalog/catalog.enums';
import { beijingDate } from '../../domain/common/beijing-time';
import { Clock } from '../../domain/common/clock';
import { invalidInput, notEligible, offlineChannel, ok, Result } from '../../domain/common/result';
import { isStaff, Viewer } from '../../domain/common/role';
import { violation } from '../../domain/common/violation';
import { API_METER_PREFIX } from '../../domain/usage/meter';
import { checkDecidable, statusAfter } from '../../domain/application/application-decision.rule';
import { checkReviewDecision, DECISION_POLICIES, DecisionFieldNames, keptExplanation, ReviewDecisionInput } from '../../domain/review/decision.rule';
import { ReviewItemKind } from '../../domain/review/assignment.rule';
import { AppEntity, PackageApplicationEntity, PackageEntity, ReviewRoundEntity, TagEntity, TagPackageEntity } from '../../db/entities';
import { ReviewSubjectType } from '../../domain/review/review.enums';
import { attachRounds, withRound } from '../review/application-rounds';
import { lockedApplication } from '../review/review-subject';
import { ReviewService } from '../review/review.service';
import { change } from '../common/change';
import { notFound } from '../common/errors';
import { NotificationService } from '../notification/notification.service';
import { KeysetPage, KeyValue, pageByKeyset, SortKey } from '../common/pagination';

/** The order of an app's package applications: newest first (id, unique). */
export const PACKAGE_APPLICATION_ORDER: SortKey<PackageApplicationEntity>[] = [{ sql: 'a.id', dir: 'DESC', kind: 'number', of: (a) => Number(a.id) }];

/** An application with its round's due time and decision, as the audit log records it. */
export function applicationRecord(a: PackageApplicationEntity): Record<string, unknown> {
  const { round, ...row } = a;
  return {
    ...row,
    dueAt: round?.dueAt ?? null,
    decidedAt: round?.decidedAt ?? null,
    decidedBy: round?.decidedBy ?? null,
    rejectionReason: a.status === ApplicationStatus.REJECTED ? (round?.explanation ?? null) : null,
  };
}

export interface TrafficEligibilityView extends TrafficEligibility {
  app: AppEntity;
  tag: TagEntity;
  window: { from: string; to: string };
  currentQuota: number | null;
  nextRungPackage: PackageEntity | null;
}


/** Traffic and value-added package applications (DOMAIN §2.3, §2.4). */
export class PackageApplicationService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
    /** The review rounds: each application is reviewed in its round (due time, decision, thread). */
    private readonly reviews: ReviewService,
  ) {}

  /** The app if the viewer owns it (or is staff and `staffMayRead`); NOT_FOUND otherwise. */
  private async ownApp(em: EntityManager, viewer: Viewer, appId: string, lock: boolean, staffMayRead = false): Promise<AppEntity> {
    const app = isNumericId(appId) ? await em.findOne(AppEntity, { where: { id: appId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) }) : null;
    if (!app || !(app.ownerId === viewer.subjectId || (staffMayRead && isStaff(viewer)))) throw notFound('App', appId);
    return app;
  }

  /** The tag's ladder: its applicable traffic packages, lowest first. */
  private async ladder(em: EntityManager, tagCode: string): Promise<PackageEntity[]> {
    const links = await em
      .getRepository(TagPackageEntity)
      .createQueryBuilder('tp')
      .innerJoinAndSelect('tp.package', 'pkg')
      .where('tp.tagCode = :tagCode AND tp.role = :role AND pkg.kind = :kind', { tagCode, role: TagPackageRole.APPLICABLE, kind: PackageKind.TRAFFIC })
      .orderBy('pkg.dailyQuota', 'ASC')
      .getMany();
    return links.map((l) => l.package!);
  }

  /** Traffic eligibility measured now; `excludeId`: the application being decided is not "another pending". */
  private async measureTraffic(em: EntityManager, app: AppEntity, requestedQuota: number | null, excludeId?: string): Promise<TrafficEligibilityView> {
    const today = beijingDate(this.clock.now());
    const window = eligibilityWindow(today);
    const [tag, ladder, pending, [sums]] = await Promise.all([
      em.findOneByOrFail(TagEntity, { code: app.tagCode }),
      this.ladder(em, app.tagCode),
      em.countBy(PackageApplicationEntity, { appId: app.id, kind: PackageKind.TRAFFIC, status: ApplicationStatus.PENDING, ...(excludeId ? { id: Not(excludeId) } : {}) }),
      em.query(
        'SELECT COALESCE(SUM(quantity), 0) AS total, COALESCE(SUM(successful), 0) AS successful FROM usage_daily WHERE app_id = ? AND usage_date BETWEEN ? AND ? AND meter LIKE ?',
        [app.id, window.from, window.to, `${API_METER_PREFIX}%`],
      ),
    ]);
    const currentQuota = app.grantedTrafficQuota ?? tag.defaultOnlineQuota;
    const result = trafficEligibility({
      status: app.status,
      trafficMode: tag.trafficMode,
      trafficNote: tag.trafficNote,
      pendingApplications: pending,
      currentQuota,
      ladder: ladder.map((p) => p.dailyQuota!),
      requestedQuota,
      totalCalls: Number(sums.total),
      successfulCalls: Number(sums.successful),
    });
    return { ...result, app, tag, window, currentQuota, nextRungPackage: ladder.find((p) => p.dailyQuota === result.nextRung) ?? null };
  }

  /** What an application for the next rung would meet now: every rule with figure and threshold. */
  async trafficEligibility(viewer: Viewer, appId: string): Promise<TrafficEligibilityView> {
    const app = await this.ownApp(this.ds.manager, viewer, appId, false, true);
    return this.measureTraffic(this.ds.manager, app, null);
  }

  /** Applies for a traffic package: refused with every failed rule, else PENDING, due in 3 working days. */
  async applyForTrafficPackage(viewer: Viewer, appId: string, packageCode: string): Promise<Result<PackageApplicationEntity>> {
    return change(this.ds, this.audit, {
      actor: viewer,
      action: 'applyForTrafficPackage',
      // The app's row lock serialises applications: two at once cannot both see "none pending".
      lock: async (em) => {
        const app = await this.ownApp(em, viewer, appId, true);
        const pkg = await em.findOneBy(PackageEntity, { code: packageCode });
        const measured = pkg && pkg.kind === PackageKind.TRAFFIC ? await this.measureTraffic(em, app, pkg.dailyQuota) : null;
        return { app, pkg, measured };
      },
      rule: ({ pkg, measured }) => {
        if (!pkg || !measured) return invalidInput([violation('packageCode', 'UNKNOWN_TRAFFIC_PACKAGE', `no traffic package "${packageCode}"`)]);
        return measured.eligible ? ok({ pkg, checks: measured.checks }) : notEligible(`not eligible for ${pkg.code}`, failed(measured.checks));
      },
      before: () => null,
      save: async (em, { app }, { pkg, checks }) => ok(await this.submit(em, viewer, app, PackageKind.TRAFFIC, pkg, checks)),
      audit: (_locked, a) => ({ entityType: 'PackageApplication', entityId: String(a.id), after: applicationRecord(a) }),
    });
  }

  /** Applies for a value-added package (DOMAIN §2.4). EMAIL-channel packages are refused with the channel, address and materials. */
  async applyForValueAddedPackage(viewer: Viewer, appId: string, packageCode: string): Promise<Result<PackageApplicationEntity>> {
    return change(this.ds, this.audit, {
      actor: viewer,
      action: 'applyForValueAddedPackage',
      lock: async (em) => {
        const app = await this.ownApp(em, viewer, appId, true);
        const pkg = await em.findOneBy(PackageEntity, { code: packageCode });
        const measured = pkg && pkg.kind === PackageKind.VALUE_ADDED && pkg.applicationChannel !== ApplicationChannel.EMAIL ? await this.measureValueAdded(em, app, pkg) : null;
        return { app, pkg, measured };
      },
      rule: ({ pkg, measured }) => {
        if (!pkg || pkg.kind !== PackageKind.VALUE_ADDED) return invalidInput([violation('packageCode', 'UNKNOWN_VALUE_ADDED_PACKAGE', `no value-added package "${packageCode}"`)]);
        if (pkg.applicationChannel === ApplicationChannel.EMAIL || !measured) {
          return offlineChannel(`${pkg.name} is not applied for online: email ${pkg.contactEmail ?? 'the platform'} with the required materials`, pkg.applicationChannel, pkg.contactEmail, pkg.requiredMaterials ?? []);
        }
        return measured.eligible ? ok({ pkg, checks: measured.checks }) : notEligible(`not eligible for ${pkg.code}`, failed(measured.checks));
      },
      before: () => null,
      save: async (em, { app }, { pkg, checks }) => ok(await this.submit(em, viewer, app, PackageKind.VALUE_ADDED, pkg, checks)),
      audit: (_locked, a) => ({ entityType: 'PackageApplication', entityId: String(a.id), after: applicationRecord(a) }),
    });
  }

  private async measureValueAdded(em: EntityManager, app: AppEntity, pkg: PackageEntity, excludeId?: string) {
    const [links, pending] = await Promise.all([
      em.findBy(TagPackageEntity, { tagCode: app.tagCode, packageCode: pkg.code }),
      em.countBy(PackageApplicationEntity, { appId: app.id, packageCode: pkg.code, status: ApplicationStatus.PENDING, ...(excludeId ? { id: Not(excludeId) } : {}) }),
    ]);
    return valueAddedEligibility({
      appStatus: app.status,
      declaredFunctions: app.declaredFunctions,
      packageCode: pkg.code,
      channel: pkg.applicationChannel,
      requiredFunction: pkg.requiredFunction,
      applicableToTag: links.some((l) => l.role === TagPackageRole.APPLICABLE),
      alreadyHeld: links.some((l) => l.role === TagPackageRole.DEFAULT) || (app.grantedPackages ?? []).includes(pkg.code),
      pendingApplications: pending,
    });
  }

  /** Files the application and opens its review round, due in 3 working days (DOMAIN §2.4). */
  private async submit(em: EntityManager, viewer: Viewer, app: AppEntity, kind: PackageKind, pkg: PackageEntity, checks: PackageApplicationEntity['eligibility']): Promise<PackageApplicationEntity> {
    const saved = await em.save(
      em.create(PackageApplicationEntity, {
        appId: app.id,
        developerId: app.ownerId,
        kind,
        packageCode: pkg.code,
        requestedQuota: kind === PackageKind.TRAFFIC ? pkg.dailyQuota : null,
        status: ApplicationStatus.PENDING,
        submittedAt: this.clock.now(),
        eligibility: checks,
      }),
    );
    const row = await em.findOneByOrFail(PackageApplicationEntity, { id: saved.id });
    row.round = await this.reviews.openRound(em, lockedApplication(ReviewSubjectType.PACKAGE_APPLICATION, row, app.tagCode), ApplicationStatus.PENDING, viewer, PACKAGE_REVIEW_WORKING_DAYS);
    return row;
  }

  /** An application, to its app's owner or to staff; NOT_FOUND to anyone else. */
  async getVisible(viewer: Viewer, id: string): Promise<PackageApplicationEntity> {
    const a = isNumericId(id) ? await this.ds.manager.findOneBy(PackageApplicationEntity, { id }) : null;
    if (!a || !(isStaff(viewer) || a.developerId === viewer.subjectId)) throw notFound('Application', id);
    return withRound(this.ds.manager, ReviewSubjectType.PACKAGE_APPLICATION, a);
  }

  /** The applications of one app (owner or staff), newest first. */
  /** One page of an app's applications, newest first, paged in SQL (owner or staff), each with its round. */
  async pageForApp(viewer: Viewer, appId: string, limit: number, after: KeyValue[] | null): Promise<KeysetPage<PackageApplicationEntity>> {
    await this.ownApp(this.ds.manager, viewer, appId, false, true);
    const page = await pageByKeyset(this.ds.getRepository(PackageApplicationEntity).createQueryBuilder('a').where('a.app_id = :appId', { appId }), PACKAGE_APPLICATION_ORDER, limit, after);
    return { ...page, rows: await attachRounds(this.ds.manager, ReviewSubjectType.PACKAGE_APPLICATION, page.rows) };
  }

  /**
   * Reviewer: approve (after re-checking eligibility: a traffic app gets the rung as its quota; a
   * value-added package joins the app's packages) or reject with a reason. Only PENDING applications.
   */
  async decide(viewer: Viewer, id: string, input: ReviewDecisionInput, fields?: DecisionFieldNames): Promise<Result<PackageApplicationEntity>> {
    const decision = input.decision;
    const trimmed = keptExplanation(input) ?? '';
    return change(this.ds, this.audit, {
      actor: viewer,
      action: 'decideApplication',
      // Lock order: the application (the subject), then its round, as every review step.
      lock: async (em) => {
        const a = isNumericId(id) ? await em.findOne(PackageApplicationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
        if (!a) throw notFound('Application', id);
        const round = await this.reviews.lockRoundOf(em, ReviewSubjectType.PACKAGE_APPLICATION, a.id);
        if (!round) throw notFound('ReviewRound of application', id);
        a.round = round;
        return a;
      },
      before: (a) => applicationRecord(a),
      rule: (a) => {
        const decidable = checkDecidable(a.status, 'decideApplication');
        if (!decidable.ok) return decidable;
        const violations = checkReviewDecision(DECISION_POLICIES[ReviewItemKind.PACKAGE_APPLICATION], input, fields);
        return violations.length > 0 ? invalidInput(violations) : ok(statusAfter(decision));
      },
      save: async (em, a, status) => {
        const app = await em.findOneOrFail(AppEntity, { where: { id: a.appId }, lock: { mode: 'pessimistic_write' } });
        const pkg = await em.findOneByOrFail(PackageEntity, { code: a.packageCode });
        if (decision === ReviewDecision.APPROVE) {
          // Eligibility is measured again at the decision (it needs the database, so it is checked here).
          if (a.kind === PackageKind.TRAFFIC) {
            const measured = await this.measureTraffic(em, app, a.requestedQuota, a.id);
            if (!measured.eligible) return notEligible<PackageApplicationEntity>(`no longer eligible for ${pkg.code}: reject it with a reason`, failed(measured.checks));
            app.grantedTrafficQuota = a.requestedQuota;
          } else {
            const checks = await this.measureValueAdded(em, app, pkg, a.id);
            if (!checks.eligible) return notEligible<PackageApplicationEntity>(`no longer eligible for ${pkg.code}: reject it with a reason`, failed(checks.checks));
            app.grantedPackages = [...(app.grantedPackages ?? []), pkg.code];
          }
          await em.save(app);
        }
        const round = await this.reviews.recordDecision(em, a.round as ReviewRoundEntity, viewer, {
          approved: decision === ReviewDecision.APPROVE,
          reasons: [],
          explanation: decision === ReviewDecision.REJECT ? trimmed : null,
          subjectState: { from: a.status, to: status },
        });
        await em.update(PackageApplicationEntity, { id: a.id }, { status });
        a.status = status;
        await this.notifications.notify(
          em,
          a.developerId,
          a.status === ApplicationStatus.APPROVED ? 'APPLICATION_APPROVED' : 'APPLICATION_REJECTED',
          a.appId,
          a.status === ApplicationStatus.APPROVED ? `Your application ${a.id} for ${pkg.name} is approved.` : `Your application ${a.id} for ${pkg.name} is rejected: ${trimmed}`,
        );
        return ok(Object.assign(await em.findOneByOrFail(PackageApplicationEntity, { id: a.id }), { round }));
      },
      audit: (a, after) => ({ entityType: 'PackageApplication', entityId: a.id, after: applicationRecord(after) }),
    });
  }
}

import { isNumericId } from '../../domain/common/ids';
import { AuditService } from '../audit/audit.service';
import { DataSource, LessThan } from 'typeorm';
import { ApplicationStatus, PACKAGE_REVIEW_WORKING_DAYS } from '../../domain/application/application.enums';
import { ReviewDecision } from '../../domain/review/review.enums';
import { failed } from '../../domain/application/eligibility';
import { Clock } from '../../domain/common/clock';
import { invalidInput, notEligible, ok, Result } from '../../domain/common/result';
import { checkDecidable } from '../../domain/application/application-decision.rule';
import { checkReviewDecision, DECISION_POLICIES, DecisionFieldNames, keptExplanation, keptReasons, ReviewDecisionInput } from '../../domain/review/decision.rule';
import { ReviewItemKind } from '../../domain/review/assignment.rule';
import { isStaff, Viewer } from '../../domain/common/role';
import { Violation, violation } from '../../domain/common/violation';
import {
  afterRejection,
  checkMemberCapabilityMaterial,
  MemberCapabilityInput,
  MemberCapabilityRejection,
  memberCapabilityEligibility,
} from '../../domain/member-capability/member-capability.rule';
import { OperatorControlsService } from '../app/operator-controls.service';
import { CapabilityCategoryEntity, DeveloperEntity, MemberCapabilityApplicationEntity, ReviewRoundEntity } from '../../db/entities';
import { ReviewSubjectType } from '../../domain/review/review.enums';
import { attachRounds, withRound } from '../review/application-rounds';
import { lockedApplication } from '../review/review-subject';
import { ReviewService } from '../review/review.service';
import { change } from '../common/change';
import { notFound } from '../common/errors';
import { NotificationService } from '../notification/notification.service';

/** An application with its round's due time and decision, as the audit log records it. */
export function capabilityRecord(a: MemberCapabilityApplicationEntity): Record<string, unknown> {
  const { round, ...row } = a;
  return { ...row, dueAt: round?.dueAt ?? null, decidedAt: round?.decidedAt ?? null, decidedBy: round?.decidedBy ?? null, rejectionNote: a.status === ApplicationStatus.REJECTED ? (round?.explanation ?? null) : null };
}

const CODE_RE = /^[A-Z][A-Z0-9_]{1,39}$/;

/** Member open-capability applications (DOMAIN §4). */
export class MemberCapabilityService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
    private readonly onboarding: Pick<OperatorControlsService, 'onboardingOf'>,
    /** The review rounds: each application is reviewed in its round (due time, decision, thread). */
    private readonly reviews: ReviewService,
  ) {}

  listCategories(): Promise<CapabilityCategoryEntity[]> {
    return this.ds.manager.find(CapabilityCategoryEntity, { order: { code: 'ASC' } });
  }

  /** Operator: create or change a category (name, custom only). */
  async upsertCategory(actor: Viewer, input: { code: string; name: string; customOnly: boolean }): Promise<Result<CapabilityCategoryEntity>> {
    const v: Violation[] = [];
    if (!CODE_RE.test(input.code)) v.push(violation('code', 'BAD_CODE', 'upper-case letters, digits and _ (2-40), starting with a letter'));
    if (input.name.trim() === '') v.push(violation('name', 'REQUIRED', 'name is required'));
    else if (input.name.length > 100) v.push(violation('name', 'TOO_LONG', 'at most 100 characters'));
    if (v.length) return invalidInput(v);
    // NOTE: a deadlock of concurrent first upserts (both lock the missing row's gap) re-runs the change, which then finds the row.
    return change(this.ds, this.audit, {
      actor,
      action: 'upsertCapabilityCategory',
      retry: {},
      lock: (em) => em.findOne(CapabilityCategoryEntity, { where: { code: input.code }, lock: { mode: 'pessimistic_write' } }),
      rule: () => ok({ code: input.code, name: input.name.trim(), customOnly: input.customOnly }),
      before: (row) => row,
      save: async (em, _row, next) => {
        await em.upsert(CapabilityCategoryEntity, next, ['code']);
        return ok(await em.findOneByOrFail(CapabilityCategoryEntity, { code: input.code }));
      },
      audit: (_row, after) => ({ entityType: 'CapabilityCategory', entityId: input.code, after }),
    });
  }

  /**
   * Applies: every missing material field is named (InvalidInput); then every threshold is
   * checked (NotEligible). The developer row is locked, so a decision adding a strike and an
   * application cannot interleave.
   */
  async apply(viewer: Viewer, input: MemberCapabilityInput): Promise<Result<MemberCapabilityApplicationEntity>> {
    return change(this.ds, this.audit, {
      actor: viewer,
      action: 'applyForMemberCapability',
      lock: async (em) => {
        const dev = await em.findOne(DeveloperEntity, { where: { id: viewer.subjectId! }, lock: { mode: 'pessimistic_write' } });
        if (!dev) return null;
        // The onboarded standing follows its stated rule (issue 18): an operator's setting, the recorded flag, or an app that went online.
        const onboarded = (await this.onboarding.onboardingOf(em, dev)).onboarded;
        const category = await em.findOneBy(CapabilityCategoryEntity, { code: input.categoryCode });
        return { dev, onboarded, category };
      },
      rule: (locked) => {
        if (!locked) return invalidInput([violation('developer', 'NOT_REGISTERED', 'register your developer account (registerDeveloper) first')]);
        const { dev, onboarded, category } = locked;
        const material = checkMemberCapabilityMaterial(input, { kind: dev.kind, onboarded });
        if (material.length) return invalidInput(material);
        const elig = memberCapabilityEligibility(input, category, { barred: dev.memberCapabilityBarred, strikes: dev.memberCapabilityStrikes });
        return elig.eligible ? ok(elig.checks) : notEligible('not eligible for member open capabilities', failed(elig.checks));
      },
      before: () => null,
      save: async (em, locked, checks) => {
        const dev = locked!.dev;
        const now = this.clock.now();
        const { categoryCode, productKind, build, merchantTier, ...rest } = input;
        const saved = await em.save(
          em.create(MemberCapabilityApplicationEntity, {
            developerId: dev.id,
            categoryCode,
            productKind,
            build,
            merchantTier,
            material: {
              merchantName: rest.merchantName ?? null,
              merchantId: rest.merchantId ?? null,
              merchantSegment: rest.merchantSegment ?? null,
              isvName: rest.isvName,
              dingTalkContact: rest.dingTalkContact,
              demoDocumentUrl: rest.demoDocumentUrl,
              permissionsRequested: [...rest.permissionsRequested],
              usageScenario: rest.usageScenario,
              companyIntroduction: rest.companyIntroduction ?? null,
              successCases: rest.successCases ?? null,
            },
            status: ApplicationStatus.PENDING,
            eligibility: checks,
            submittedAt: now,
            rejectionCodes: null,
            strike: false,
          }),
        );
        const row = await em.findOneByOrFail(MemberCapabilityApplicationEntity, { id: saved.id });
        // NOTE: DOMAIN §4 gives no review cycle; we use the packages' 3 working days.
        row.round = await this.reviews.openRound(em, lockedApplication(ReviewSubjectType.MEMBER_CAPABILITY_APPLICATION, row, null), ApplicationStatus.PENDING, viewer, PACKAGE_REVIEW_WORKING_DAYS);
        return ok(row);
      },
      audit: (_locked, a) => ({ entityType: 'MemberCapabilityApplication', entityId: String(a.id), after: capabilityRecord(a) }),
    });
  }

  /** Reviewer: approve, or reject with one or more codes; a mindset code is a strike, the third bars. */
  async decide(viewer: Viewer, id: string, input: ReviewDecisionInput, fields?: DecisionFieldNames): Promise<Result<MemberCapabilityApplicationEntity>> {
    const decision = input.decision;
    const codes = keptReasons(input) as MemberCapabilityRejection[];
    const trimmed = keptExplanation(input);
    return change(this.ds, this.audit, {
      actor: viewer,
      action: 'decideMemberCapabilityApplication',
      // Lock order: the application (the subject), then its round, then (rejections) the developer.
      lock: async (em) => {
        const a = isNumericId(id) ? await em.findOne(MemberCapabilityApplicationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
        if (!a) throw notFound('Member-capability application', id);
        const round = await this.reviews.lockRoundOf(em, ReviewSubjectType.MEMBER_CAPABILITY_APPLICATION, a.id);
        if (!round) throw notFound('ReviewRound of member-capability application', id);
        a.round = round;
        return a;
      },
      before: (a) => capabilityRecord(a),
      rule: (a) => {
        const decidable = checkDecidable(a.status, 'decideMemberCapabilityApplication');
        if (!decidable.ok) return decidable;
        const v = checkReviewDecision(DECISION_POLICIES[ReviewItemKind.MEMBER_CAPABILITY_APPLICATION], input, fields);
        return v.length ? invalidInput(v) : ok(decision);
      },
      save: async (em, a) => {
        const from = a.status;
        const round = a.round as ReviewRoundEntity;
        const { round: _round, ...row } = a;
        if (decision === ReviewDecision.APPROVE) {
          await this.reviews.recordDecision(em, round, viewer, { approved: true, reasons: [], explanation: trimmed, subjectState: { from, to: ApplicationStatus.APPROVED } });
          await em.save(MemberCapabilityApplicationEntity, { ...row, status: ApplicationStatus.APPROVED });
          await this.notifications.notify(em, a.developerId, 'MEMBER_CAPABILITY_APPROVED', null, `Your member-capability application ${a.id} is approved.`);
        } else {
          const dev = await em.findOneOrFail(DeveloperEntity, { where: { id: a.developerId }, lock: { mode: 'pessimistic_write' } });
          const next = afterRejection(codes, dev.memberCapabilityStrikes, dev.memberCapabilityBarred);
          a.status = ApplicationStatus.REJECTED;
          a.rejectionCodes = [...new Set(codes)];
          a.strike = next.strike;
          await this.reviews.recordDecision(em, round, viewer, { approved: false, reasons: [], explanation: trimmed, subjectState: { from, to: ApplicationStatus.REJECTED } });
          await em.save(MemberCapabilityApplicationEntity, { ...row, status: a.status, rejectionCodes: a.rejectionCodes, strike: a.strike });
          const newlyBarred = next.barred && !dev.memberCapabilityBarred;
          dev.memberCapabilityStrikes = next.strikes;
          dev.memberCapabilityBarred = next.barred;
          await em.save(dev);
          await this.notifications.notify(em, a.developerId, 'MEMBER_CAPABILITY_REJECTED', null, `Your member-capability application ${a.id} is rejected (${a.rejectionCodes.join(', ')})${trimmed ? `: ${trimmed}` : ''}.`);
          if (newlyBarred) {
            await this.notifications.notify(em, a.developerId, 'MEMBER_CAPABILITY_BARRED', null, 'After 3 non-compliant rejections you may not submit new member-capability applications. Contact the platform to have it lifted.');
          }
        }
        return ok(Object.assign(await em.findOneByOrFail(MemberCapabilityApplicationEntity, { id: a.id }), { round }));
      },
      audit: (a, after) => ({ entityType: 'MemberCapabilityApplication', entityId: a.id, after: capabilityRecord(after) }),
    });
  }

  /** Operator: lifts the bar; the strike count starts again from 0. */
  async liftBar(actor: Viewer, developerId: string): Promise<DeveloperEntity> {
    const lifted = await change(this.ds, this.audit, {
      actor,
      action: 'liftMemberCapabilityBar',
      lock: async (em) => {
        const dev = await em.findOne(DeveloperEntity, { where: { id: developerId }, lock: { mode: 'pessimistic_write' } });
        if (!dev) throw notFound('Developer', developerId);
        return dev;
      },
      // Any standing may be lifted (lifting an unbarred developer resets the strikes).
      rule: () => ok(true),
      before: (dev) => ({ strikes: dev.memberCapabilityStrikes, barred: dev.memberCapabilityBarred }),
      save: async (em, dev) => {
        dev.memberCapabilityBarred = false;
        dev.memberCapabilityStrikes = 0;
        await em.save(dev);
        await this.notifications.notify(em, dev.id, 'MEMBER_CAPABILITY_BAR_LIFTED', null, 'You may submit member-capability applications again.');
        return ok(await em.findOneByOrFail(DeveloperEntity, { id: developerId }));
      },
      audit: (dev) => ({ entityType: 'Developer', entityId: dev.id, after: { strikes: 0, barred: false } }),
    });
    if (!lifted.ok) throw new Error('liftMemberCapabilityBar has no refusal');
    return lifted.value;
  }

  async standing(developerId: string): Promise<DeveloperEntity> {
    const dev = await this.ds.manager.findOneBy(DeveloperEntity, { id: developerId });
    if (!dev) throw notFound('Developer', developerId);
    return dev;
  }

  async getVisible(viewer: Viewer, id: string): Promise<MemberCapabilityApplicationEntity> {
    const a = isNumericId(id) ? await this.ds.manager.findOneBy(MemberCapabilityApplicationEntity, { id }) : null;
    if (!a || !(isStaff(viewer) || a.developerId === viewer.subjectId)) throw notFound('Member-capability application', id);
    return withRound(this.ds.manager, ReviewSubjectType.MEMBER_CAPABILITY_APPLICATION, a);
  }

  countOwn(developerId: string): Promise<number> {
    return this.ds.manager.countBy(MemberCapabilityApplicationEntity, { developerId });
  }

  async listOwn(developerId: string, limit: number, beforeId: string | null): Promise<MemberCapabilityApplicationEntity[]> {
    return attachRounds(this.ds.manager, ReviewSubjectType.MEMBER_CAPABILITY_APPLICATION, await this.ds.manager.find(MemberCapabilityApplicationEntity, { where: beforeId ? { developerId, id: LessThan(beforeId) } : { developerId }, order: { id: 'DESC' }, take: limit }));
  }
}

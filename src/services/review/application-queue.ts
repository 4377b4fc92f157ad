import { mergeQueues } from '../../domain/review/review-queue.rule';
import { Clock } from '../../domain/common/clock';
import { PackageApplicationService } from '../application/package-application.service';
import { MemberCapabilityService } from '../member-capability/member-capability.service';
import { AssignmentScope } from './review-assignment.service';

/** One item of the application reviewer queue (package or member-capability application). */
export interface ApplicationQueueItem {
  type: 'PACKAGE' | 'MEMBER_CAPABILITY';
  id: string;
  appId: string | null;
  subject: string;
  submittedAt: Date;
  dueAt: Date;
  overdue: boolean;
}

/**
 * The reviewer queue of applications: each workflow's pending items (at most `limit` each, earliest
 * due first), merged by the queue rule (`mergeQueues`).
 */
export async function applicationReviewQueue(
  services: { clock: Clock; packageApplications: PackageApplicationService; memberCapabilities: MemberCapabilityService },
  limit: number,
  scope: AssignmentScope,
): Promise<ApplicationQueueItem[]> {
  const [packages, capabilities] = await Promise.all([services.packageApplications.queue(limit, scope), services.memberCapabilities.queue(limit, scope)]);
  return mergeQueues<Omit<ApplicationQueueItem, 'overdue'>>(
    [
      packages.map((a) => ({ type: 'PACKAGE' as const, id: String(a.id), appId: String(a.appId), subject: a.packageCode, submittedAt: a.submittedAt, dueAt: a.dueAt })),
      capabilities.map((a) => ({ type: 'MEMBER_CAPABILITY' as const, id: String(a.id), appId: null, subject: a.categoryCode, submittedAt: a.submittedAt, dueAt: a.dueAt })),
    ],
    services.clock.now(),
    limit,
  );
}

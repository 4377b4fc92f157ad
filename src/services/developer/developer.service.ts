import { WENT_ONLINE } from '../../domain/app/operator-controls.rule';
import { isDuplicateKeyError } from '../common/transaction';
import { change } from '../common/change';
import { AuditService } from '../audit/audit.service';
import { ALREADY_REGISTERED, checkRegistration } from '../../domain/developer/registration.rule';
import { Viewer } from '../../domain/common/role';
import { DataSource } from 'typeorm';
import { DeveloperKind } from '../../domain/app/app.enums';
import { invalidInput, ok, Result } from '../../domain/common/result';
import { DeveloperEntity } from '../../db/entities';

export interface RegisterDeveloperInput {
  name: string;
  kind: DeveloperKind;
}

/** Developer accounts. The account id is the identity provider's subject. */
export class DeveloperService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  async findById(id: string): Promise<(DeveloperEntity & { wentOnline: boolean }) | null> {
    // Raw row: the home page's `me`, read on every visit; nothing of the entity is needed. It also
    // reads whether an app of the developer went online (the ISV-onboarded rule's input), so `me`
    // costs one statement.
    const [r] = await this.ds.query(
      `SELECT id, name, kind, onboarded, onboarded_override, restricted_for_arrears, member_capability_strikes, member_capability_barred, closed_at, created_at,
              EXISTS (SELECT 1 FROM app WHERE app.owner_id = developer.id AND app.status IN (${WENT_ONLINE.map(() => '?').join(',')})) AS went_online
         FROM developer WHERE id = ?`,
      [...WENT_ONLINE, id],
    );
    if (!r) return null;
    return {
      id: r.id,
      name: r.name,
      kind: r.kind,
      onboarded: Boolean(r.onboarded),
      onboardedOverride: r.onboarded_override === null ? null : Boolean(r.onboarded_override),
      restrictedForArrears: Boolean(r.restricted_for_arrears),
      memberCapabilityStrikes: r.member_capability_strikes,
      memberCapabilityBarred: Boolean(r.member_capability_barred),
      closedAt: r.closed_at,
      createdAt: r.created_at,
      wentOnline: Boolean(Number(r.went_online)),
    };
  }

  /** Opens the account for a subject the first time it signs in. */
  async register(viewer: Viewer, input: RegisterDeveloperInput): Promise<Result<DeveloperEntity>> {
    const subjectId = viewer.subjectId!;
    // A malformed name is refused before any statement.
    const named = checkRegistration(input.name, false);
    if (!named.ok) return named;
    return change(this.ds, this.audit, {
      actor: viewer,
      action: 'registerDeveloper',
      // NOTE (locks): the existence check locks nothing (a FOR UPDATE on an id with no row took a gap
      // lock under REPEATABLE READ, and concurrent first sign-ins deadlocked on their inserts); the
      // primary key decides between two registrations of one subject, and a deadlock re-runs the change.
      retry: {},
      lock: async (em) => em.existsBy(DeveloperEntity, { id: subjectId }),
      rule: (exists) => checkRegistration(input.name, exists),
      before: () => null,
      save: async (em, _exists, name) => {
        try {
          await em.insert(DeveloperEntity, em.create(DeveloperEntity, { id: subjectId, name, kind: input.kind, onboarded: false }));
        } catch (err) {
          if (isDuplicateKeyError(err)) return invalidInput<DeveloperEntity>([ALREADY_REGISTERED]);
          throw err;
        }
        return ok(await em.findOneByOrFail(DeveloperEntity, { id: subjectId }));
      },
      audit: (_exists, dev) => ({ entityType: 'Developer', entityId: dev.id, after: dev }),
    });
  }
}

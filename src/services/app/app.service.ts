import { isNumericId } from '../../domain/common/ids';
import { randomInt } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AppFunction, AppStatus } from '../../domain/app/app.enums';
import { AppProfileInput, checkAppProfile } from '../../domain/app/app-input.rule';
import { invalidInput, invalidState, ok, Result } from '../../domain/common/result';
import { RefusalReason } from '../../domain/common/refusal-reason';
import { isStaff, Viewer } from '../../domain/common/role';
import { violation } from '../../domain/common/violation';
import { AppEntity, DeveloperEntity, TagEntity } from '../../db/entities';
import { notFound } from '../common/errors';
import { APP_COLUMNS, appFromRow, AppRow } from '../../db/raw-rows';
import { AppSecretService, IssuedSecret } from './app-secret.service';
import { Clock, systemClock } from '../../domain/common/clock';

export interface CreateAppInput extends AppProfileInput {
  name: string;
  tagCode: string;
  inCloud?: boolean | null;
}

export interface UpdateAppInput extends AppProfileInput {
  tagCode?: string | null;
  inCloud?: boolean | null;
}

/** Statuses in which the owner may edit the app's profile. IN_REVIEW is frozen for the reviewer. */
const EDITABLE: ReadonlySet<AppStatus> = new Set([AppStatus.DEVELOPING, AppStatus.REJECTED, AppStatus.ONLINE]);
/** Statuses in which the tag may change (an online app's quota hangs on its tag). */
const TAG_CHANGEABLE: ReadonlySet<AppStatus> = new Set([AppStatus.DEVELOPING, AppStatus.REJECTED]);

/** 8-digit appkey, as the Taobao Open Platform issues them. */
const newAppkey = (): string => String(randomInt(10_000_000, 100_000_000));

/** A new app with the secret issued with it (its plaintext is in this answer only). */
export type CreatedApp = AppEntity & { readonly issuedSecret: IssuedSecret };

export class AppService {
  constructor(
    private readonly ds: DataSource,
    private readonly secrets: AppSecretService,
    /** The creation instant comes from the service clock, like every other "now" (ingestion compares usage dates with the app's creation day). */
    private readonly clock: Clock = systemClock,
  ) {}

  /**
   * The app, if the viewer may see it: its owner, or platform staff. Anyone else gets NOT_FOUND,
   * exactly as for an id that does not exist.
   */
  async getVisible(viewer: Viewer, id: string, em: EntityManager = this.ds.manager): Promise<AppEntity> {
    const app = isNumericId(id) ? await em.findOneBy(AppEntity, { id }) : null;
    if (!app || !(isStaff(viewer) || app.ownerId === viewer.subjectId)) throw notFound('App', id);
    return app;
  }

  /** One page of the owner's apps, newest first, and how many they have in all. */
  async listOwn(ownerId: string, limit: number, beforeId: string | null): Promise<{ rows: AppRow[]; hasNextPage: boolean; totalCount: number }> {
    // Raw rows (src/db/raw-rows.ts): the home page's hottest read, where the entity brings nothing.
    const [rows, [{ n }]] = await Promise.all([
      this.ds.query(`SELECT ${APP_COLUMNS} FROM app WHERE owner_id = ?${beforeId ? ' AND id < ?' : ''} ORDER BY id DESC LIMIT ?`, [ownerId, ...(beforeId ? [beforeId] : []), limit + 1]),
      this.ds.query('SELECT COUNT(*) AS n FROM app WHERE owner_id = ?', [ownerId]),
    ]);
    return { rows: rows.slice(0, limit).map(appFromRow), hasNextPage: rows.length > limit, totalCount: Number(n) };
  }

  async create(ownerId: string, input: CreateAppInput): Promise<Result<CreatedApp>> {
    const violations = checkAppProfile(input, false);
    return this.ds.transaction(async (em) => {
      const owner = await em.findOneBy(DeveloperEntity, { id: ownerId });
      if (!owner) violations.push(violation('developer', 'NOT_REGISTERED', 'register your developer account (registerDeveloper) before creating apps'));
      if (!(await em.existsBy(TagEntity, { code: input.tagCode }))) violations.push(violation('tagCode', 'UNKNOWN_TAG', `unknown tag "${input.tagCode}"`));
      if (violations.length > 0) return invalidInput<CreatedApp>(violations);

      for (let attempt = 1; ; attempt++) {
        const app = em.create(AppEntity, {
          appkey: newAppkey(),
          ownerId,
          name: input.name.trim(),
          description: input.description ?? '',
          logoUrl: input.logoUrl || null,
          callbackUrl: input.callbackUrl || null,
          tagCode: input.tagCode,
          inCloud: input.inCloud ?? false,
          declaredFunctions: (input.declaredFunctions ?? []) as AppFunction[],
          status: AppStatus.DEVELOPING,
          grantedTrafficQuota: null,
          createdAt: this.clock.now(),
        });
        try {
          await em.save(app);
          const issuedSecret = await this.secrets.issueInitial(em, app);
          return ok(Object.assign(await em.findOneByOrFail(AppEntity, { id: app.id }), { issuedSecret }));
        } catch (err) {
          // NOTE: 90 million appkeys; a collision is rare, so retry a few times, then fail loudly.
          if ((err as { code?: string }).code !== 'ER_DUP_ENTRY' || attempt >= 5) throw err;
        }
      }
    });
  }

  async update(viewer: Viewer, id: string, input: UpdateAppInput): Promise<Result<AppEntity>> {
    const violations = checkAppProfile(input, true);
    return this.ds.transaction(async (em) => {
      const locked = isNumericId(id) ? await em.findOne(AppEntity, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      // Only the owner edits; anyone else is answered as if the app did not exist.
      if (!locked || locked.ownerId !== viewer.subjectId) throw notFound('App', id);
      if (!EDITABLE.has(locked.status)) {
        return invalidState<AppEntity>(locked.status, 'updateApp', `an app that is ${locked.status} cannot be edited`, RefusalReason.NOT_EDITABLE, { status: locked.status });
      }
      if (input.tagCode != null && input.tagCode !== locked.tagCode) {
        if (!TAG_CHANGEABLE.has(locked.status)) violations.push(violation('tagCode', 'TAG_FROZEN', `the tag of a ${locked.status} app cannot change`));
        else if (!(await em.existsBy(TagEntity, { code: input.tagCode }))) violations.push(violation('tagCode', 'UNKNOWN_TAG', `unknown tag "${input.tagCode}"`));
      }
      if (violations.length > 0) return invalidInput<AppEntity>(violations);

      if (input.name != null) locked.name = input.name.trim();
      if (input.description != null) locked.description = input.description;
      if (input.logoUrl !== undefined) locked.logoUrl = input.logoUrl || null;
      if (input.callbackUrl !== undefined) locked.callbackUrl = input.callbackUrl || null;
      if (input.tagCode != null) locked.tagCode = input.tagCode;
      if (input.inCloud != null) locked.inCloud = input.inCloud;
      if (input.declaredFunctions != null) locked.declaredFunctions = [...input.declaredFunctions] as AppFunction[];
      await em.save(locked);
      return ok(await em.findOneByOrFail(AppEntity, { id }));
    });
  }
}

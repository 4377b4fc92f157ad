import { isNumericId } from '../../domain/common/ids';
import { randomInt } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AppStatus } from '../../domain/app/app.enums';
import { AppProfileInput, planAppCreate, planAppUpdate } from '../../domain/app/app-input.rule';
import { ok, Result } from '../../domain/common/result';
import { isStaff, Viewer } from '../../domain/common/role';
import { AppEntity, DeveloperEntity, TagEntity } from '../../db/entities';
import { AuditService } from '../audit/audit.service';
import { change } from '../common/change';
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


/** 8-digit appkey, as the Taobao Open Platform issues them. */
const newAppkey = (): string => String(randomInt(10_000_000, 100_000_000));

/** A new app with the secret issued with it (its plaintext is in this answer only). */
export type CreatedApp = AppEntity & { readonly issuedSecret: IssuedSecret };

export class AppService {
  constructor(
    private readonly ds: DataSource,
    private readonly secrets: AppSecretService,
    private readonly audit: AuditService,
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

  async create(viewer: Viewer, input: CreateAppInput): Promise<Result<CreatedApp>> {
    const ownerId = viewer.subjectId!;
    return change(this.ds, this.audit, {
      actor: viewer,
      action: 'createApp',
      lock: async (em) => ({ ownerRegistered: await em.existsBy(DeveloperEntity, { id: ownerId }), tagKnown: await em.existsBy(TagEntity, { code: input.tagCode }) }),
      rule: (facts) => planAppCreate(input, facts),
      before: () => null,
      save: async (em, _facts, fields) => {
        for (let attempt = 1; ; attempt++) {
          const app = em.create(AppEntity, { appkey: newAppkey(), ownerId, ...fields, status: AppStatus.DEVELOPING, grantedTrafficQuota: null, createdAt: this.clock.now() });
          try {
            await em.save(app);
            const issuedSecret = await this.secrets.issueInitial(em, app);
            return ok(Object.assign(await em.findOneByOrFail(AppEntity, { id: app.id }), { issuedSecret }));
          } catch (err) {
            // NOTE: 90 million appkeys; a collision is rare, so retry a few times, then fail loudly.
            if ((err as { code?: string }).code !== 'ER_DUP_ENTRY' || attempt >= 5) throw err;
          }
        }
      },
      // The entry names the secret's version, never the secret.
      audit: (_facts, { issuedSecret, ...app }) => ({ entityType: 'App', entityId: app.id, after: { ...app, secretVersion: issuedSecret.version } }),
    });
  }

  async update(viewer: Viewer, id: string, input: UpdateAppInput): Promise<Result<AppEntity>> {
    return change(this.ds, this.audit, {
      actor: viewer,
      action: 'updateApp',
      lock: async (em) => {
        const app = isNumericId(id) ? await em.findOne(AppEntity, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
        // Only the owner edits; anyone else is answered as if the app did not exist.
        if (!app || app.ownerId !== viewer.subjectId) throw notFound('App', id);
        const tagKnown = input.tagCode != null && input.tagCode !== app.tagCode ? await em.existsBy(TagEntity, { code: input.tagCode }) : null;
        return { app, tagKnown };
      },
      rule: ({ app, tagKnown }) => planAppUpdate(app, input, tagKnown),
      before: ({ app }) => ({ ...app }),
      save: async (em, { app }, fields) => {
        await em.save(Object.assign(app, fields));
        return ok(await em.findOneByOrFail(AppEntity, { id }));
      },
      audit: (_l, app) => ({ entityType: 'App', entityId: id, after: app }),
    });
  }
}

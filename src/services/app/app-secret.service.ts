import { DataSource, EntityManager } from 'typeorm';
import { isNumericId } from '../../domain/common/ids';
import { Clock } from '../../domain/common/clock';
import { ok, Result } from '../../domain/common/result';
import { Role, Viewer } from '../../domain/common/role';
import { checkRotation, isValidAt, secretsVerify, SecretWindow } from '../../domain/app/app-secret.rule';
import { AppEntity, AppSecretEntity, DeveloperEntity } from '../../db/entities';
import { AuditService } from '../audit/audit.service';
import { change } from '../common/change';
import { notFound } from '../common/errors';
import { NotificationService } from '../notification/notification.service';
import { newAppSecret, SecretCipher, secretAad } from './secret-cipher';

/** A secret just issued: the only answer, besides the gateway's read, that carries its plaintext. */
export interface IssuedSecret {
  readonly appId: string;
  readonly version: number;
  readonly secret: string;
  readonly validFrom: Date;
  /** Rotation only: when the secret it replaces stops verifying (null for the app's first secret). */
  readonly previousValidUntil: Date | null;
}

export interface GatewaySecret {
  readonly version: number;
  readonly secret: string;
  readonly validFrom: Date;
  readonly validUntil: Date | null;
}

/** What the gateway verifies an app's signed calls with. */
export interface GatewaySecrets {
  readonly appkey: string;
  readonly appId: string;
  /** False for a suspended app or an app of a closed account: its secrets verify nothing, so none are given. */
  readonly verifiable: boolean;
  /** The secrets valid now, newest first (at most two). */
  readonly secrets: readonly GatewaySecret[];
}

/** App secrets (issue 18): issued with the app, rotated with a grace, read back only by the gateway. */
export class AppSecretService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly cipher: SecretCipher,
    private readonly audit: AuditService,
    private readonly notifications: NotificationService,
  ) {}

  /** The first secret of a new app, written in the caller's transaction (createApp). */
  async issueInitial(em: EntityManager, app: AppEntity): Promise<IssuedSecret> {
    const now = this.clock.now();
    const secret = newAppSecret();
    await this.store(em, app.id, 1, secret, now, app.ownerId);
    return { appId: app.id, version: 1, secret, validFrom: now, previousValidUntil: null };
  }

  /**
   * The owner issues a new secret; the current one stays valid for `graceHours`, any older one in
   * a grace ends now (at most two valid). The app row is locked, so concurrent rotations queue and
   * each sees the other's result. Audited; the owner is notified (without the secret).
   */
  async rotate(viewer: Viewer, appId: string, graceHours: number): Promise<Result<IssuedSecret>> {
    const windows = (list: readonly SecretWindow[]) => list.map(({ version, validFrom, validUntil }) => ({ version, validFrom, validUntil }));
    const secretsOf = (em: EntityManager) => em.find(AppSecretEntity, { where: { appId }, select: { id: true, version: true, validFrom: true, validUntil: true }, order: { version: 'ASC' } });
    return change(this.ds, this.audit, {
      actor: viewer,
      action: 'rotateAppSecret',
      lock: async (em) => {
        const app = isNumericId(appId) ? await em.findOne(AppEntity, { where: { id: appId }, lock: { mode: 'pessimistic_write' } }) : null;
        if (!app || viewer.role !== Role.DEVELOPER || app.ownerId !== viewer.subjectId) throw notFound('App', appId);
        // "now" is read under the lock: a rotation queued behind another starts after it.
        return { app, existing: await secretsOf(em), now: this.clock.now() };
      },
      rule: ({ app, existing, now }) => checkRotation(app.status, existing, now, graceHours),
      before: ({ existing }) => ({ secrets: windows(existing) }),
      save: async (em, { app, existing, now }, plan) => {
        for (const c of plan.close) await em.update(AppSecretEntity, { appId, version: c.version }, { validUntil: c.validUntil });
        const secret = newAppSecret();
        await this.store(em, appId, plan.issue.version, secret, now, viewer.subjectId!);
        const replaced = plan.close.find((c) => existing.find((e) => e.version === c.version)?.validUntil === null) ?? null;
        await this.notifications.notify(
          em,
          app.ownerId,
          'APP_SECRET_ROTATED',
          appId,
          replaced
            ? `App ${app.name} (${app.appkey}): secret version ${plan.issue.version} was issued at ${now.toISOString()}; version ${replaced.version} stays valid until ${replaced.validUntil.toISOString()}.`
            : `App ${app.name} (${app.appkey}): secret version ${plan.issue.version} was issued at ${now.toISOString()}.`,
        );
        return ok({ appId, version: plan.issue.version, secret, validFrom: now, previousValidUntil: replaced?.validUntil ?? null });
      },
      // The entry names versions and windows, never a secret.
      audit: async (_l, _issued, _before, em) => ({ entityType: 'App', entityId: appId, after: { graceHours, secrets: windows(await secretsOf(em)) } }),
    });
  }

  /** Gateway: the app's secrets valid now with their windows; none for a suspended app or a closed account. */
  async gatewayRead(appkey: string): Promise<GatewaySecrets | null> {
    const app = await this.ds.manager.findOneBy(AppEntity, { appkey });
    if (!app) return null;
    const owner = await this.ds.manager.findOneByOrFail(DeveloperEntity, { id: app.ownerId });
    const verifiable = secretsVerify(app.status, owner.closedAt !== null);
    if (!verifiable) return { appkey, appId: app.id, verifiable, secrets: [] };
    const now = this.clock.now();
    const rows = await this.ds.manager.find(AppSecretEntity, { where: { appId: app.id }, order: { version: 'DESC' } });
    const secrets = rows
      .filter((r) => isValidAt(r, now))
      .map((r) => ({ version: r.version, secret: this.cipher.open(r, secretAad(app.id, r.version)), validFrom: r.validFrom, validUntil: r.validUntil }));
    return { appkey, appId: app.id, verifiable, secrets };
  }

  private async store(em: EntityManager, appId: string, version: number, secret: string, now: Date, issuedBy: string): Promise<void> {
    const sealed = this.cipher.seal(secret, secretAad(appId, version));
    await em.insert(AppSecretEntity, { appId, version, ...sealed, validFrom: now, validUntil: null, issuedBy, createdAt: now });
  }
}

import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { secretState } from '../../domain/app/app-secret.rule';
import { Role } from '../../domain/common/role';
import { notFound } from '../../services/common/errors';
import { Context } from '../context';
import { AppSecretInfoType, GatewayAppSecretsType, IssuedAppSecretType } from '../types/app-secret.type';
import { AppType } from '../types/app.type';
import { RotateAppSecretResult } from '../types/platform-results.type';
import { toPayload } from './result';

/** App secrets (issue 18, "Manage Certificate" of 002). */
@Resolver(() => AppType)
export class AppSecretResolver {
  @Authorized(Role.DEVELOPER)
  @Mutation(() => RotateAppSecretResult, {
    description: "The owner issues a new secret (shown once, in this answer); the current one stays valid for graceHours (0–168), older ones end now. Audited; the owner is notified",
  })
  async rotateAppSecret(@Arg('appId', () => ID, { description: "Id of the caller's app whose secret is replaced" }) appId: string, @Arg('graceHours', () => Int, { description: 'Hours the old secret stays valid: a whole number, 0 (ends at once) to 168' }) graceHours: number, @Ctx() { viewer, services }: Context) {
    return toPayload(await services.appSecrets.rotate(viewer, appId, graceHours), (s) => Object.assign(new IssuedAppSecretType(), s));
  }

  @Authorized(Role.GATEWAY)
  @Query(() => GatewayAppSecretsType, { description: "Gateway: the app's secrets valid now, with their windows, to verify signed calls; none for a suspended app" })
  async appSecrets(@Arg('appkey', () => String, { description: 'The appkey whose valid secrets the gateway needs' }) appkey: string, @Ctx() { services }: Context): Promise<GatewayAppSecretsType> {
    const read = await services.appSecrets.gatewayRead(appkey);
    if (!read) throw notFound('App with appkey', appkey);
    return { appkey: read.appkey, verifiable: read.verifiable, secrets: [...read.secrets] };
  }

  @FieldResolver(() => [AppSecretInfoType], { description: "The app's secrets, newest first: versions and validity windows only, never the secret" })
  async secrets(@Root() app: AppType, @Ctx() { loaders, services }: Context): Promise<AppSecretInfoType[]> {
    const now = services.clock.now();
    const rows = await loaders.secretWindowsByApp.load(app.id);
    return rows.map((r) => ({ version: r.version, validFrom: r.validFrom, validUntil: r.validUntil, state: secretState(r, now) }));
  }
}

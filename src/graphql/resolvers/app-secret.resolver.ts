import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { secretState } from '../../domain/app/app-secret.rule';
import { Role } from '../../domain/common/role';
import { notFound } from '../../services/common/errors';
import { Context } from '../context';
import { AppSecretInfoType, GatewayAppSecretsType, IssuedAppSecretType } from '../types/app-secret.type';
import { AppType } from '../types/app.type';
import { RotateAppSecretResult } from '../types/platform-results.type';
import { toPayload } from './result';
import { ConnectionArgs } from '../types/connection.type';
import { AppSecretInfoConnectionType } from '../types/connections.type';
import { SECRET_ORDER } from '../loaders/app-secret.loader';
import { keysetArgs, keysetConnection } from './connection';

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

  @FieldResolver(() => AppSecretInfoConnectionType, { description: "The app's secrets, newest version first: versions and validity windows only, never the secret; every rotation adds one, so it pages" })
  async secrets(@Root() app: AppType, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() { loaders, services }: Context) {
    const now = services.clock.now();
    const { limit, after } = keysetArgs(args, SECRET_ORDER);
    const page = await loaders.secretWindowPagesByApp.load({ parentId: String(app.id), limit, after });
    return keysetConnection(page, SECRET_ORDER, (r): AppSecretInfoType => ({ version: r.version, validFrom: r.validFrom, validUntil: r.validUntil, state: secretState(r, now) }));
  }
}

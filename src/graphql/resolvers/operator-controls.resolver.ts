import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { AppStatus } from '../../domain/app/app.enums';
import { isvOnboarded, OnboardedBasis } from '../../domain/app/operator-controls.rule';
import { Role } from '../../domain/common/role';
import { Context } from '../context';
import { AppType } from '../types/app.type';
import { DeveloperType } from '../types/developer.type';
import { AppSuspensionType, OperatorQuotaType, SetAppQuotaInput } from '../types/operator-controls.type';
import { RestoreAppResult, SetAppQuotaResult, SuspendAppResult } from '../types/platform-results.type';
import { toPayload } from './result';
import { ConnectionArgs } from '../types/connection.type';
import { OperatorQuotaConnectionType } from '../types/connections.type';
import { OPERATOR_QUOTA_ORDER } from '../loaders/operator-controls.loader';
import { keysetArgs, keysetConnection } from './connection';
import { SetIsvOnboardedResult } from '../types/mutation-results.type';

const quotaType = (e: object): OperatorQuotaType => Object.assign(new OperatorQuotaType(), e);

/** Operator controls over apps (issue 18): suspension and operator-set quotas. */
@Resolver(() => AppType)
export class OperatorAppControlsResolver {
  @Authorized(Role.OPERATOR)
  @Mutation(() => SuspendAppResult, { description: 'Operator: ONLINE → SUSPENDED with a reason told to the owner. Quota 0, callPermission APP_SUSPENDED, secrets verify nothing, review and applications frozen. Audited' })
  async suspendApp(@Arg('appId', () => ID, { description: 'Id of the ONLINE app to suspend (its quota becomes 0)' }) appId: string, @Arg('reason', () => String, { description: 'Why, told to the owner' }) reason: string, @Ctx() { viewer, services }: Context) {
    return toPayload(await services.operatorControls.suspend(viewer, appId, reason), AppType.from);
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => RestoreAppResult, { description: 'Operator: SUSPENDED → ONLINE; the owner is told. Audited' })
  async restoreApp(@Arg('appId', () => ID, { description: 'Id of the SUSPENDED app to put back ONLINE' }) appId: string, @Ctx() { viewer, services }: Context) {
    return toPayload(await services.operatorControls.restore(viewer, appId), AppType.from);
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => SetAppQuotaResult, { description: 'Operator: the daily quota of an app of a CONTRACT tag (naming the contract) or a UV_BASED tag, effective from a Beijing date. Audited; the owner is told' })
  async setAppQuota(@Arg('input', () => SetAppQuotaInput, { description: 'The quota and its start date' }) input: SetAppQuotaInput, @Ctx() { viewer, services }: Context) {
    return toPayload(await services.operatorControls.setQuota(viewer, input), quotaType);
  }

  @FieldResolver(() => AppSuspensionType, { nullable: true, description: 'While SUSPENDED: the reason and since when; null otherwise' })
  async suspension(@Root() app: AppType, @Ctx() { loaders }: Context): Promise<AppSuspensionType | null> {
    if (app.status !== AppStatus.SUSPENDED) return null;
    const s = await loaders.openSuspensionByApp.load(app.id);
    return s && { reason: s.reason, suspendedAt: s.suspendedAt };
  }

  @FieldResolver(() => OperatorQuotaConnectionType, { description: 'Operator-set quotas of the app (CONTRACT and UV_BASED tags), latest effective date first, future ones included; each change adds one, so it pages' })
  async operatorQuotas(@Root() app: AppType, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() { loaders }: Context) {
    const { limit, after } = keysetArgs(args, OPERATOR_QUOTA_ORDER);
    return keysetConnection(await loaders.operatorQuotaPagesByApp.load({ parentId: String(app.id), limit, after }), OPERATOR_QUOTA_ORDER, quotaType);
  }
}

/** The ISV-onboarded standing (DOMAIN §4, issue 18): a stated rule, which an operator can override. */
@Resolver(() => DeveloperType)
export class DeveloperOnboardingResolver {
  @Authorized(Role.OPERATOR)
  @Mutation(() => SetIsvOnboardedResult, { description: 'Operator: set (true) or clear (false) an ISV\'s onboarded standing, or hand it back to the rule (null). Audited' })
  async setIsvOnboarded(@Arg('developerId', () => ID, { description: 'Id of the ISV whose onboarded standing is set' }) developerId: string, @Arg('onboarded', () => Boolean, { nullable: true, description: 'True, false, or null to follow the apps again' }) onboarded: boolean | null, @Ctx() { viewer, services }: Context): Promise<typeof SetIsvOnboardedResult> {
    return DeveloperType.from(await services.operatorControls.setIsvOnboarded(viewer, developerId, onboarded ?? null));
  }

  @FieldResolver(() => Boolean, { description: 'ISVs: onboarded (入驻) on the platform, by the rule in onboardedBasis' })
  async onboarded(@Root() dev: DeveloperType, @Ctx() ctx: Context): Promise<boolean> {
    return (await standing(dev, ctx)).onboarded;
  }

  @FieldResolver(() => OnboardedBasis, { description: 'Why: an operator set or cleared it, the recorded flag, an app that went online, or none' })
  async onboardedBasis(@Root() dev: DeveloperType, @Ctx() ctx: Context): Promise<OnboardedBasis> {
    return (await standing(dev, ctx)).basis;
  }
}

async function standing(dev: DeveloperType, { loaders }: Context) {
  const override = dev.onboardedOverride ?? null;
  const recorded = dev.onboardedRecorded ?? false;
  // Read with the developer's row when it came from DeveloperService.findById (`me`); else batched.
  const known = (dev as DeveloperType & { wentOnline?: boolean }).wentOnline;
  const hasAppOnline = override === null && !recorded ? (known ?? (await loaders.wentOnlineByOwner.load(dev.id))) : false;
  return isvOnboarded({ kind: dev.kind, override, recorded, hasAppOnline });
}

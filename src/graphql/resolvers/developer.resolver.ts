import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Role } from '../../domain/common/role';
import { Context } from '../context';
import { AccountClosureType, CloseDeveloperAccountInput, DeveloperType, RegisterDeveloperInput } from '../types/developer.type';
import { CloseDeveloperAccountResult, RegisterDeveloperResult } from '../types/results.type';
import { toPayload } from './result';

@Resolver(() => DeveloperType)
export class DeveloperResolver {
  @Authorized(Role.DEVELOPER)
  @Query(() => DeveloperType, { nullable: true, description: "The caller's developer account; null until registered" })
  async me(@Ctx() { viewer, services }: Context): Promise<DeveloperType | null> {
    const dev = await services.developers.findById(viewer.subjectId!);
    return dev && DeveloperType.from(dev);
  }

  @Authorized(Role.DEVELOPER)
  @Mutation(() => RegisterDeveloperResult, { description: "Opens the caller's developer account (once)" })
  async registerDeveloper(@Arg('input', () => RegisterDeveloperInput, { description: "The new account's details" }) input: RegisterDeveloperInput, @Ctx() { viewer, services }: Context) {
    return toPayload(await services.developers.register(viewer, input), DeveloperType.from);
  }

  @Authorized(Role.DEVELOPER)
  @Mutation(() => CloseDeveloperAccountResult, {
    description: "Closes the caller's developer account (注销). Refused while bills are unpaid (IN_ARREARS), usage is not billed yet (UNBILLED_USAGE), buyers hold active subscriptions (ACTIVE_SUBSCRIPTIONS) or a balance remains without forfeitBalance (BALANCE_REMAINING). Returns the deposit.",
  })
  async closeDeveloperAccount(@Arg('input', () => CloseDeveloperAccountInput, { description: "The caller's confirmation of the closure (a positive balance is forfeited, never withdrawn)" }) input: CloseDeveloperAccountInput, @Ctx() { viewer, services }: Context) {
    return toPayload(await services.closures.close(viewer, viewer.subjectId!, input), AccountClosureType.from);
  }
}

import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Role } from '../../domain/common/role';
import { Context } from '../context';
import { DeveloperType, RegisterDeveloperInput } from '../types/developer.type';
import { RegisterDeveloperResult } from '../types/results.type';
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
  async registerDeveloper(@Arg('input', () => RegisterDeveloperInput) input: RegisterDeveloperInput, @Ctx() { viewer, services }: Context) {
    return toPayload(await services.developers.register(viewer.subjectId!, input), DeveloperType.from);
  }
}

import { Arg, Authorized, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { Role } from '../../domain/common/role';
import { readPageArgs } from '../../services/common/pagination';
import { Context } from '../context';
import { toConnection } from './connection';
import { AuditEntryConnectionType, AuditEntryType } from '../types/audit.type';
import { badUserInput } from './result';

@Resolver(() => AuditEntryType)
export class AuditResolver {
  @Authorized(Role.OPERATOR)
  @Query(() => AuditEntryConnectionType, { description: 'Operator: the audit log of reviewer and operator mutations and partner grants, newest first' })
  async auditLog(
    @Arg('first', () => Int, { nullable: true, description: 'How many entries to return: 1 to 100 (default 20)' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after: the endCursor of the page read before; omit for the first page' }) after: string | null,
    @Arg('action', () => String, { nullable: true, description: 'Only this mutation, e.g. upsertTag' }) action: string | null,
    @Arg('actorId', () => ID, { nullable: true, description: 'Only changes by this user' }) actorId: string | null,
    @Arg('entityType', () => String, { nullable: true, description: 'e.g. Tag, Package, PartnerGrant' }) entityType: string | null,
    @Arg('entityId', () => ID, { nullable: true, description: 'Only changes to this object' }) entityId: string | null,
    @Ctx() { services }: Context,
  ): Promise<AuditEntryConnectionType> {
    const page = readPageArgs({ first, after });
    if (Array.isArray(page)) throw badUserInput(page);
    const { rows, hasNextPage, totalCount } = await services.audit.list({ action, actorId, entityType, entityId }, page.limit, page.beforeId);
    return { ...toConnection(rows, hasNextPage, AuditEntryType.from), totalCount };
  }
}

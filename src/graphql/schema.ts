import { GraphQLSchema } from 'graphql';
import { buildSchema, NonEmptyArray } from 'type-graphql';
import { authChecker } from './auth/auth-checker';
import { AppResolver } from './resolvers/app.resolver';
import { BillingResolver } from './resolvers/billing.resolver';
import { CatalogResolver } from './resolvers/catalog.resolver';
import { DeveloperResolver } from './resolvers/developer.resolver';
import { UsageResolver } from './resolvers/usage.resolver';
import './types/enums';

/** Every resolver of the schema. Add new ones here. */
export const RESOLVERS: NonEmptyArray<Function> = [DeveloperResolver, AppResolver, CatalogResolver, UsageResolver, BillingResolver];

let built: Promise<GraphQLSchema> | undefined;

/** The executable schema, built once per process. */
export function buildAppSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: RESOLVERS,
    authChecker,
    // NOTE: class-validator is off; inputs are checked by the pure rules so refusals are data.
    validate: false,
  });
  return built;
}

import { GraphQLScalarType } from 'graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';

/**
 * The schema's `DateTimeISO` (graphql-scalars' scalar, same name, description, parsing and
 * errors) with a direct path for the common case: a valid `Date` serialises with `toISOString()`
 * without the general validation, which showed in the home page's profile (7 dates per app).
 */
export const DateTimeISO = new GraphQLScalarType({
  ...GraphQLDateTimeISO.toConfig(),
  serialize: (value: unknown) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString() : GraphQLDateTimeISO.serialize(value)),
});

import { GraphQLScalarType } from 'graphql';
import { GraphQLLocalDate } from 'graphql-scalars';

/**
 * `LocalDate`: a business date (a Beijing calendar day) as `YYYY-MM-DD`, a real calendar date
 * (2026-02-30 is refused). graphql-scalars' parsing and checks, with the project's description:
 * inputs are checked before any resolver runs and outputs are checked too, so a malformed date
 * can neither enter nor leave.
 */
export const LocalDate = new GraphQLScalarType({
  ...GraphQLLocalDate.toConfig(),
  description:
    'A business date as YYYY-MM-DD, such as "2026-11-20": a calendar day in Beijing time (Asia/Shanghai), with no time of day. ' +
    'As input it must be a real calendar date ("2026-02-30" is refused).',
});

import Decimal from 'decimal.js';
import { GraphQLError, GraphQLScalarType, Kind, ValueNode } from 'graphql';

/**
 * The largest magnitude a money input may have: the widest money column is DECIMAL(16,2)
 * (balances, bills, ledger), so 14 integer digits. Rules that store into narrower columns (a
 * coupon's DECIMAL(12,2), a recharge's limit) check their own, smaller bounds and answer refusals.
 */
export const MONEY_MAX_INTEGER_DIGITS = 14;

const MONEY_INPUT = new RegExp(`^-?\\d{1,${MONEY_MAX_INTEGER_DIGITS}}(\\.\\d{1,2})?$`);
const MONEY_OUTPUT = /^-?\d+(\.\d+)?$/;

const refuse = (message: string, node?: ValueNode) => new GraphQLError(message, node ? { nodes: node } : undefined);

/** An input amount, checked and normalised to exactly two places ("12.3" → "12.30"; "-0" → "0.00"). */
export function parseMoney(value: unknown, node?: ValueNode): string {
  if (typeof value !== 'string') throw refuse('Money must be a string such as "12.34" (a JSON number would lose exactness)', node);
  if (!MONEY_INPUT.test(value)) {
    throw refuse(`Money must be a decimal string with at most ${MONEY_MAX_INTEGER_DIGITS} digits before the point and at most two after, such as "12.34"; got "${value.slice(0, 40)}"`, node);
  }
  const d = new Decimal(value);
  return d.isZero() ? '0.00' : d.toFixed(2);
}

/** An output amount with exactly two places; one with more non-zero places is a bug, never rounded silently. */
export function serializeMoney(value: unknown): string {
  const s = Decimal.isDecimal(value) ? (value as Decimal).toFixed() : typeof value === 'string' ? value : null;
  if (s === null || !MONEY_OUTPUT.test(s)) throw new GraphQLError(`Money cannot represent ${String(value).slice(0, 40)}`);
  const d = new Decimal(s);
  if (d.decimalPlaces() > 2) throw new GraphQLError(`Money cannot represent ${s}: more than two decimal places`);
  return d.isZero() ? '0.00' : d.toFixed(2);
}

/**
 * `Money`: an amount in yuan as a decimal string with exactly two places ("1234.50", "-3.00").
 * Inputs are strings with at most two places and at most 14 integer digits (DECIMAL(16,2));
 * anything else is refused before any resolver runs, with an error naming the argument or field.
 * Internally amounts stay strings and decimal.js values, never JS numbers.
 */
export const Money = new GraphQLScalarType({
  name: 'Money',
  description:
    'An amount in yuan (CNY) as a decimal string with exactly two decimal places, such as "1234.50" or "-3.00". ' +
    'As input: a string with at most 14 digits before the point and at most two after ("12", "12.3" and "12.30" are the same amount); ' +
    'JSON numbers are refused, so no amount ever passes through a floating-point value.',
  specifiedByURL: undefined,
  serialize: serializeMoney,
  parseValue: (value) => parseMoney(value),
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw refuse(`Money must be a string such as "12.34", got a ${ast.kind}`, ast);
    return parseMoney(ast.value, ast);
  },
  extensions: { codegenScalarType: 'string', jsonSchema: { type: 'string', pattern: MONEY_INPUT.source } },
});

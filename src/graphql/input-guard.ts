import {
  defaultFieldResolver,
  getNamedType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLSchema,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  GraphQLNamedType,
} from 'graphql';
import { Violation, violation } from '../domain/common/violation';
import { badUserInput } from './resolvers/result';
import { toRefusalType } from './types/refusal.type';
import { ID_LIMIT, TEXT_LIMITS, TextLimit } from './input-limits';

/** Rule codes of the edge check on text. */
export const TextRule = {
  /** Not well-formed UTF-16 (a lone surrogate such as "\ud800"): cannot be stored as UTF-8. */
  NOT_WELL_FORMED_UNICODE: 'NOT_WELL_FORMED_UNICODE',
  /** A C0/C1 control character other than tab, line feed and carriage return. */
  CONTROL_CHARACTER: 'CONTROL_CHARACTER',
  TOO_LONG: 'TOO_LONG',
} as const;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// NOTE: a decision: tab, LF and CR are text; every other C0 control, DEL and the C1 block are refused.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Unicode code points (what a MySQL VARCHAR(n) counts), computed only when the UTF-16 length could exceed `max`. */
function exceeds(value: string, max: number): boolean {
  if (value.length <= max) return false;
  let n = 0;
  for (const _ of value) if (++n > max) return true;
  return false;
}

/** The violations of one text value: well-formed Unicode, no control characters, within its limit. */
export function checkText(field: string, value: string, limit: TextLimit | undefined): Violation[] {
  if (LONE_SURROGATE.test(value)) return [violation(field, TextRule.NOT_WELL_FORMED_UNICODE, `${field} is not well-formed Unicode (a lone surrogate)`)];
  const out: Violation[] = [];
  if (CONTROL.test(value)) out.push(violation(field, TextRule.CONTROL_CHARACTER, `${field} contains a control character (only tab, line feed and carriage return are allowed)`));
  if (limit && exceeds(value, limit.max)) out.push(violation(field, TextRule.TOO_LONG, `${field} must be at most ${limit.max} characters`));
  return out;
}

function walk(value: unknown, type: GraphQLInputType, path: string, limitKey: string, out: Violation[]): void {
  if (value === null || value === undefined) return;
  if (isNonNullType(type)) return walk(value, type.ofType, path, limitKey, out);
  if (isListType(type)) {
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, type.ofType, `${path}[${i}]`, limitKey, out));
    return;
  }
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    for (const name of Object.keys(value as object)) {
      const f = fields[name];
      if (f) walk((value as Record<string, unknown>)[name], f.type, path ? `${path}.${name}` : name, `${type.name}.${name}`, out);
    }
    return;
  }
  if (typeof value === 'string' && isScalarType(type)) {
    out.push(...checkText(path, value, type.name === 'ID' ? ID_LIMIT : TEXT_LIMITS[limitKey]));
  }
}

/** True when an argument's type can carry text (String, ID, or an input object or list holding some). */
function carriesText(type: GraphQLInputType, seen = new Set<string>()): boolean {
  const named = getNamedType(type);
  if (isScalarType(named)) return named.name === 'String' || named.name === 'ID';
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((f) => carriesText(f.type, seen));
}

/**
 * The violations of a field's coerced arguments. Paths follow the refusals' convention: an
 * argument named `input` is the root (`buyerEmail`), any other argument its own name
 * (`records[3].appkey`, `reason`).
 */
export function checkArguments(parent: string, field: { name: string; args: readonly GraphQLArgument[] }, args: Record<string, unknown>): Violation[] {
  const out: Violation[] = [];
  for (const arg of field.args) {
    if (!(arg.name in args)) continue;
    walk(args[arg.name], arg.type, arg.name === 'input' ? '' : arg.name, `${parent}.${field.name}(${arg.name})`, out);
  }
  return out;
}

function answersInvalidInput(type: GraphQLNamedType): boolean {
  return isUnionType(type) && type.getTypes().some((t) => t.name === 'InvalidInput');
}

/**
 * Text is checked once, at the edge: every field of the schema whose arguments can carry text
 * gets its coerced arguments (variables and inline literals alike) checked before its resolver
 * runs. A field whose result union has InvalidInput answers it (nothing runs, nothing is
 * written); any other field is refused with BAD_USER_INPUT naming each argument path and rule.
 */
export function guardTextInputs(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
      if (!field.args.some((a) => carriesText(a.type))) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      const refusesAsData = answersInvalidInput(getNamedType(field.type));
      const parent = type.name;
      field.resolve = (source, args, context, info) => {
        const violations = checkArguments(parent, field, args);
        if (violations.length === 0) return resolve(source, args, context, info);
        if (refusesAsData) return toRefusalType({ kind: 'INVALID_INPUT', violations });
        throw badUserInput(violations);
      };
    }
  }
  return schema;
}

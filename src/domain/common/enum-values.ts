/**
 * True when `value` is one of a string enum's values. `value in Enum` is wrong for input: it is
 * true for every Object.prototype member ("constructor", "toString", "__proto__" …) and compares
 * keys, not values.
 */
export function isEnumValue<E extends Record<string, string>>(enumObject: E, value: unknown): value is E[keyof E] {
  return typeof value === 'string' && Object.values(enumObject).includes(value);
}

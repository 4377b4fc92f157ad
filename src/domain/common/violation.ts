/**
 * A refusal the caller can act on: which field broke which rule. Rules return these; they
 * never throw for bad input.
 */
export interface Violation {
  /** Input path, e.g. `name` or `input.callbackUrl`. */
  readonly field: string;
  /** SCREAMING_SNAKE rule code, e.g. `TOO_LONG`, `NOT_HTTP_URL`. */
  readonly rule: string;
  readonly message: string;
}

export const violation = (field: string, rule: string, message: string): Violation => ({ field, rule, message });

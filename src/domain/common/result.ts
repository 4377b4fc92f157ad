import { Violation } from './violation';

/**
 * A refusal the caller can act on. Services return these in a `Result`; the GraphQL layer maps
 * each kind to a member of the mutation's result union.
 */
export type Refusal =
  | { readonly kind: 'INVALID_INPUT'; readonly violations: readonly Violation[] }
  | { readonly kind: 'INVALID_STATE'; readonly currentState: string; readonly action: string; readonly message: string };

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly refusal: Refusal };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const invalidInput = <T = never>(violations: readonly Violation[]): Result<T> => ({ ok: false, refusal: { kind: 'INVALID_INPUT', violations } });
export const invalidState = <T = never>(currentState: string, action: string, message: string): Result<T> => ({
  ok: false,
  refusal: { kind: 'INVALID_STATE', currentState, action, message },
});

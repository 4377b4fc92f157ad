import { AppStatus } from '../app/app.enums';
import { ReviewRoundStatus } from './review.enums';

/** What happens to a reviewed subject and to its round. */
export type AppReviewEvent = 'SUBMIT' | 'APPROVE' | 'REJECT';
export type RoundEvent = 'APPROVE' | 'REJECT' | 'POST_FEEDBACK';

/**
 * The app's review transitions (DOMAIN §2): DEVELOPING or REJECTED → IN_REVIEW on submission;
 * IN_REVIEW → ONLINE on approval, → REJECTED on rejection. Anything not listed is refused.
 */
export const APP_REVIEW_TRANSITIONS: Readonly<Record<AppReviewEvent, Partial<Record<AppStatus, AppStatus>>>> = {
  SUBMIT: { [AppStatus.DEVELOPING]: AppStatus.IN_REVIEW, [AppStatus.REJECTED]: AppStatus.IN_REVIEW },
  APPROVE: { [AppStatus.IN_REVIEW]: AppStatus.ONLINE },
  REJECT: { [AppStatus.IN_REVIEW]: AppStatus.REJECTED },
};

/**
 * A round's transitions: a PENDING round is decided once; the feedback thread is open only on a
 * REJECTED round (posting leaves it REJECTED).
 */
export const ROUND_TRANSITIONS: Readonly<Record<RoundEvent, Partial<Record<ReviewRoundStatus, ReviewRoundStatus>>>> = {
  APPROVE: { [ReviewRoundStatus.PENDING]: ReviewRoundStatus.APPROVED },
  REJECT: { [ReviewRoundStatus.PENDING]: ReviewRoundStatus.REJECTED },
  POST_FEEDBACK: { [ReviewRoundStatus.REJECTED]: ReviewRoundStatus.REJECTED },
};

export type Transition<S> = { readonly ok: true; readonly to: S } | { readonly ok: false; readonly currentState: S; readonly message: string };

/** Looks an event up in a transition table: the next state, or a refusal naming the current state. */
export function transition<E extends string, S extends string>(table: Readonly<Record<E, Partial<Record<S, S>>>>, from: S, event: E, what: string): Transition<S> {
  const to = table[event][from];
  if (to !== undefined) return { ok: true, to };
  const allowed = Object.keys(table[event]).join(' or ');
  return { ok: false, currentState: from, message: `${event} is not allowed on ${what} that is ${from} (only from ${allowed})` };
}

import { invalidInput, ok, Result } from '../common/result';
import { violation } from '../common/violation';

/** A subject registers once: a second registration, or a concurrent one that won the primary key, is refused. */
export const ALREADY_REGISTERED = violation('id', 'ALREADY_REGISTERED', 'this account is already registered');

/** Registering a developer account: a name of 1–100 characters once trimmed, a subject not registered yet. Answers the trimmed name. */
export function checkRegistration(name: string, alreadyRegistered: boolean): Result<string> {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 100) return invalidInput([violation('name', trimmed ? 'TOO_LONG' : 'REQUIRED', 'name must be 1 to 100 characters')]);
  return alreadyRegistered ? invalidInput([ALREADY_REGISTERED]) : ok(trimmed);
}

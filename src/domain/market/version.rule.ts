import { Violation, violation } from '../common/violation';
import { SaleMode } from './market.enums';

/** DOMAIN §7 / 004 §4.2: version limits. */
export const VERSION_LIMITS = Object.freeze({
  /** At most 20 versions per product, hidden ones included. */
  maxPerProduct: 20,
  nameMax: 20,
  trialMinDays: 1,
  trialMaxDays: 180,
});

/** Digits, ASCII letters or Chinese characters (CJK unified ideographs) only. */
const NAME_RE = /^[0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff]+$/u;

/** A version name: 1–20 characters, each a digit, a letter or a Chinese character. */
export function checkVersionName(name: string): Violation[] {
  const chars = [...name];
  if (chars.length === 0) return [violation('name', 'REQUIRED', 'a version needs a name')];
  if (chars.length > VERSION_LIMITS.nameMax) return [violation('name', 'TOO_LONG', `a version name is at most ${VERSION_LIMITS.nameMax} characters (got ${chars.length})`)];
  if (!NAME_RE.test(name)) return [violation('name', 'INVALID_CHARACTERS', 'a version name is digits, letters or Chinese characters only')];
  return [];
}

/** Adding a version: refused when the product already has 20 (hidden included). */
export function checkVersionCount(existing: number): Violation[] {
  return existing >= VERSION_LIMITS.maxPerProduct
    ? [violation('versions', 'TOO_MANY_VERSIONS', `a product has at most ${VERSION_LIMITS.maxPerProduct} versions, hidden ones included (it has ${existing})`)]
    : [];
}

/** A trial: none, or 1–180 whole days, and only on BY_CYCLE products. */
export function checkTrial(saleMode: SaleMode, trialDays: number | null | undefined): Violation[] {
  if (trialDays === null || trialDays === undefined) return [];
  if (saleMode === SaleMode.ONE_TIME) return [violation('trialDays', 'TRIAL_NOT_ALLOWED', 'ONE_TIME products cannot offer a trial')];
  if (!Number.isInteger(trialDays) || trialDays < VERSION_LIMITS.trialMinDays || trialDays > VERSION_LIMITS.trialMaxDays) {
    return [violation('trialDays', 'TRIAL_OUT_OF_RANGE', `a trial is ${VERSION_LIMITS.trialMinDays} to ${VERSION_LIMITS.trialMaxDays} days (got ${trialDays})`)];
  }
  return [];
}

/** Hiding a version: at least one version of the product stays visible. */
export function checkHide(versions: readonly { id: string; hidden: boolean }[], id: string): Violation[] {
  const visibleAfter = versions.filter((v) => !v.hidden && v.id !== id).length;
  return visibleAfter === 0 ? [violation('versionId', 'LAST_VISIBLE_VERSION', 'at least one version of a product stays visible')] : [];
}

/** Deleting a version: only while the product has never been listed; afterwards hide it instead. */
export function checkDelete(everListed: boolean): Violation[] {
  return everListed ? [violation('versionId', 'NEVER_DELETED_ONCE_LISTED', 'a version of a listed product is never deleted; hide it instead')] : [];
}

/**
 * A new display order: exactly the product's version ids, each once. Returns the violations.
 */
export function checkReorder(existingIds: readonly string[], orderedIds: readonly string[]): Violation[] {
  const a = [...existingIds].sort();
  const b = [...orderedIds].sort();
  return a.length === b.length && a.every((id, i) => id === b[i])
    ? []
    : [violation('versionIds', 'NOT_A_PERMUTATION', "the new order must list each of the product's versions exactly once")];
}

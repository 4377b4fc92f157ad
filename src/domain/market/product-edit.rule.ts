import { RefusalReason } from '../common/refusal-reason';
import { invalidInput, invalidState, ok, Result } from '../common/result';
import { Violation, violation } from '../common/violation';
import { transition } from '../review/review-state.rule';
import { BillingItem, checkBillingItems, checkFrozenStructure } from './billing-item.rule';
import { ProductStatus, SaleMode } from './market.enums';
import { checkPriceSet, PriceSet } from './price-set.rule';
import { PRODUCT_REVIEW_TRANSITIONS } from './product-review.rule';
import { checkDelete, checkHide, checkReorder, checkTrial, checkVersionCount, checkVersionName } from './version.rule';

/** States in which the provider edits a market product and its versions; IN_REVIEW is frozen for the reviewer. */
export const EDITABLE_PRODUCT_STATUSES: ReadonlySet<ProductStatus> = new Set([ProductStatus.DRAFT, ProductStatus.REJECTED, ProductStatus.LISTED]);

/** A product name: 1–60 characters once trimmed. */
export const PRODUCT_NAME_MAX = 60;

/** Whether the provider may edit a product (or its versions, items, endpoint) that is `status`; refused NOT_EDITABLE. */
export function checkProductEditable(status: ProductStatus, action: string): Result<true> {
  return EDITABLE_PRODUCT_STATUSES.has(status) ? ok(true) : invalidState(status, action, `a product that is ${status} cannot be edited`, RefusalReason.NOT_EDITABLE, { status });
}

/** What a provider sends to create or edit a product (absent fields stay as they are on an edit). */
export interface ProductFields {
  name?: string | null;
  saleMode?: SaleMode | null;
  visible?: boolean | null;
  needsBuyerPhone?: boolean | null;
  needsBuyerEmail?: boolean | null;
}

/** What a provider sends to add or edit a version. */
export interface VersionFields {
  name?: string | null;
  trialDays?: number | null;
  prices?: PriceSet | null;
}

/** The product facts an edit is checked against. */
export interface EditedProduct {
  readonly status: ProductStatus;
  readonly saleMode: SaleMode;
}

/** The product's fields: a name of 1–60 characters; a sale mode on creation (`partial` false). */
export function checkProductFields(input: ProductFields, partial: boolean): Violation[] {
  const out: Violation[] = [];
  if (input.name !== undefined || !partial) {
    const name = (input.name ?? '').trim();
    if (name.length === 0) out.push(violation('name', 'REQUIRED', 'a product needs a name'));
    else if (name.length > PRODUCT_NAME_MAX) out.push(violation('name', 'TOO_LONG', `a product name is at most ${PRODUCT_NAME_MAX} characters`));
  }
  if (!partial && !input.saleMode) out.push(violation('saleMode', 'REQUIRED', 'choose BY_CYCLE or ONE_TIME'));
  return out;
}

/** A new product: valid fields and a registered provider; it starts as a visible DRAFT. */
export function planProductCreate(input: ProductFields, providerRegistered: boolean): Result<Required<{ [K in keyof ProductFields]: NonNullable<ProductFields[K]> }>> {
  const violations = checkProductFields(input, false);
  if (!providerRegistered) violations.push(violation('developer', 'NOT_REGISTERED', 'register your developer account (registerDeveloper) first'));
  if (violations.length > 0) return invalidInput(violations);
  return ok({ name: input.name!.trim(), saleMode: input.saleMode!, visible: input.visible ?? true, needsBuyerPhone: input.needsBuyerPhone ?? false, needsBuyerEmail: input.needsBuyerEmail ?? false });
}

/** The fields an edit changes (the sale mode never changes: SALE_MODE_FIXED). */
export type ProductPatch = Partial<Pick<Required<ProductFields>, 'name' | 'visible' | 'needsBuyerPhone' | 'needsBuyerEmail'>>;

/** Editing a product: editable now, valid fields, the sale mode unchanged. Answers the fields to write. */
export function planProductUpdate(product: EditedProduct, input: ProductFields): Result<ProductPatch> {
  const editable = checkProductEditable(product.status, 'updateMarketProduct');
  if (!editable.ok) return editable;
  const violations = checkProductFields(input, true);
  if (input.saleMode != null && input.saleMode !== product.saleMode) violations.push(violation('saleMode', 'SALE_MODE_FIXED', 'the sale mode is chosen when the product is created and never changes'));
  if (violations.length > 0) return invalidInput(violations);
  const patch: { -readonly [K in keyof ProductPatch]: ProductPatch[K] } = {};
  if (input.name != null) patch.name = input.name.trim();
  if (input.visible != null) patch.visible = input.visible;
  if (input.needsBuyerPhone != null) patch.needsBuyerPhone = input.needsBuyerPhone;
  if (input.needsBuyerEmail != null) patch.needsBuyerEmail = input.needsBuyerEmail;
  return ok(patch);
}

/** A new version's fields, as written. */
export interface NewVersion {
  readonly name: string;
  readonly trialDays: number | null;
  readonly prices: PriceSet;
}

/** Adding a version (DOMAIN §7): editable product, fewer than 20 versions, a valid name, trial and prices. */
export function planVersionAdd(product: EditedProduct, existingVersions: number, input: VersionFields): Result<NewVersion> {
  const editable = checkProductEditable(product.status, 'addMarketVersion');
  if (!editable.ok) return editable;
  const name = (input.name ?? '').trim();
  const violations = [...checkVersionCount(existingVersions), ...checkVersionName(name), ...checkTrial(product.saleMode, input.trialDays), ...checkPriceSet('prices', input.prices ?? {}, product.saleMode)];
  return violations.length > 0 ? invalidInput(violations) : ok({ name, trialDays: input.trialDays ?? null, prices: input.prices ?? {} });
}

/** The fields a version edit changes (`trialDays` present, possibly null, when the input names it). */
export interface VersionPatch {
  readonly name?: string;
  readonly trialDays?: number | null;
  readonly prices?: PriceSet;
}

/** Editing a version: editable product; the fields it names valid. */
export function planVersionUpdate(product: EditedProduct, input: VersionFields): Result<VersionPatch> {
  const editable = checkProductEditable(product.status, 'updateMarketVersion');
  if (!editable.ok) return editable;
  const violations: Violation[] = [];
  if (input.name != null) violations.push(...checkVersionName(input.name.trim()));
  if (input.trialDays !== undefined) violations.push(...checkTrial(product.saleMode, input.trialDays));
  if (input.prices != null) violations.push(...checkPriceSet('prices', input.prices, product.saleMode));
  if (violations.length > 0) return invalidInput(violations);
  return ok({
    ...(input.name != null ? { name: input.name.trim() } : {}),
    ...(input.trialDays !== undefined ? { trialDays: input.trialDays } : {}),
    ...(input.prices != null ? { prices: input.prices } : {}),
  });
}

/**
 * Replacing a version's extra billing items: editable product, valid items; once the product was
 * submitted (`current` given), the structure is frozen (tier starts, enum values) and prices may change.
 */
export function planBillingItems(product: EditedProduct, items: readonly BillingItem[], current: readonly BillingItem[] | null): Result<readonly BillingItem[]> {
  const editable = checkProductEditable(product.status, 'setVersionBillingItems');
  if (!editable.ok) return editable;
  const violations = checkBillingItems(items, product.saleMode);
  if (violations.length === 0 && current) violations.push(...checkFrozenStructure(current, items));
  return violations.length > 0 ? invalidInput(violations) : ok(items);
}

/** Hiding or showing a version: editable product; at least one version stays visible. */
export function planVersionVisibility(product: EditedProduct, versions: readonly { id: string; hidden: boolean }[], versionId: string, hidden: boolean): Result<boolean> {
  const editable = checkProductEditable(product.status, hidden ? 'hideMarketVersion' : 'showMarketVersion');
  if (!editable.ok) return editable;
  const violations = hidden ? checkHide(versions, versionId) : [];
  return violations.length > 0 ? invalidInput(violations) : ok(hidden);
}

/** Deleting a version: editable product that was never listed (afterwards it is hidden instead). */
export function planVersionDelete(product: EditedProduct & { readonly everListed: boolean }): Result<true> {
  const editable = checkProductEditable(product.status, 'deleteMarketVersion');
  if (!editable.ok) return editable;
  const violations = checkDelete(product.everListed);
  return violations.length > 0 ? invalidInput(violations) : ok(true);
}

/** A new display order: editable product, each of its versions once. Answers the order (first is 1). */
export function planVersionOrder(product: EditedProduct, existingIds: readonly string[], orderedIds: readonly string[]): Result<readonly string[]> {
  const editable = checkProductEditable(product.status, 'reorderMarketVersions');
  if (!editable.ok) return editable;
  const violations = checkReorder(existingIds, orderedIds);
  return violations.length > 0 ? invalidInput(violations) : ok(orderedIds);
}

/**
 * Submitting a product for review: DRAFT or REJECTED → IN_REVIEW, with a checked production
 * endpoint, a visible version, and every version's prices fitting the sale mode. Answers the new status.
 */
export function planSubmission(
  product: EditedProduct & { readonly endpointUrl: string | null },
  versions: readonly { readonly code: string; readonly hidden: boolean; readonly prices: PriceSet }[],
): Result<ProductStatus> {
  const step = transition(PRODUCT_REVIEW_TRANSITIONS, product.status, 'SUBMIT', 'a market product');
  if (!step.ok) return invalidState(step.currentState, 'submitMarketProduct', step.message, RefusalReason.TRANSITION_NOT_ALLOWED, { status: step.currentState });
  const violations: Violation[] = [];
  if (!product.endpointUrl) violations.push(violation('endpointUrl', 'REQUIRED', 'set and check the production endpoint before submitting'));
  if (!versions.some((v) => !v.hidden)) violations.push(violation('versions', 'REQUIRED', 'a product needs at least one visible version'));
  for (const v of versions) violations.push(...checkPriceSet(`versions.${v.code}.prices`, v.prices, product.saleMode));
  return violations.length > 0 ? invalidInput(violations) : ok(step.to);
}

/** Who set an upgrade rule: the product's provider or an operator (whose rule the provider cannot remove). */
export type UpgradeRuleSetter = 'PROVIDER' | 'OPERATOR';

/** What setting or removing an upgrade rule writes: insert it, hand it to the operator, delete it, or nothing. */
export type UpgradeRuleWrite = 'INSERT' | 'TAKE_OVER' | 'DELETE' | 'NONE';

/**
 * Setting (`enabled`) or removing an upgrade rule between two versions of one product (004
 * §4.2.8, issue 18): two different versions of the same product; a provider only once the product
 * is LISTED, and never removes an operator's rule; an operator setting a provider's rule takes it over.
 */
export function planUpgradeRule(u: {
  readonly asProvider: boolean;
  readonly enabled: boolean;
  readonly sameProduct: boolean;
  readonly sameVersion: boolean;
  readonly productStatus: ProductStatus;
  /** Who set the existing rule; null when there is none. */
  readonly existing: UpgradeRuleSetter | null;
}): Result<UpgradeRuleWrite> {
  const action = u.enabled ? 'setUpgradeRule' : 'removeUpgradeRule';
  const violations: Violation[] = [];
  if (!u.sameProduct) violations.push(violation('toVersionId', 'OTHER_PRODUCT', 'an upgrade rule links two versions of the same product'));
  if (u.sameVersion) violations.push(violation('toVersionId', 'SAME_VERSION', 'a version scales itself up without a rule'));
  if (violations.length > 0) return invalidInput(violations);
  if (u.asProvider && u.productStatus !== ProductStatus.LISTED) return invalidState(u.productStatus, action, 'a provider configures upgrade rules once the product is listed', RefusalReason.PRODUCT_NOT_LISTED, { status: u.productStatus });
  if (u.asProvider && !u.enabled && u.existing === 'OPERATOR') return invalidState('OPERATOR_RULE', action, 'an operator set this rule: only an operator removes it', RefusalReason.SET_BY_OPERATOR);
  if (!u.enabled) return ok('DELETE');
  if (u.existing === null) return ok('INSERT');
  // A provider setting an operator's rule changes nothing.
  return ok(!u.asProvider && u.existing !== 'OPERATOR' ? 'TAKE_OVER' : 'NONE');
}

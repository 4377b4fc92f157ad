import { RefusalReason } from '../common/refusal-reason';
import { invalidState, ok, Result } from '../common/result';
import { ProductStatus } from './market.enums';

/** States in which the provider edits a market product and its versions; IN_REVIEW is frozen for the reviewer. */
export const EDITABLE_PRODUCT_STATUSES: ReadonlySet<ProductStatus> = new Set([ProductStatus.DRAFT, ProductStatus.REJECTED, ProductStatus.LISTED]);

/** Whether the provider may edit a product (or its versions, items, endpoint) that is `status`; refused NOT_EDITABLE. */
export function checkProductEditable(status: ProductStatus, action: string): Result<true> {
  return EDITABLE_PRODUCT_STATUSES.has(status) ? ok(true) : invalidState(status, action, `a product that is ${status} cannot be edited`, RefusalReason.NOT_EDITABLE, { status });
}

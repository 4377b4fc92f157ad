import { RefusalReason } from '../common/refusal-reason';
import { ProductStatus } from './market.enums';
import { checkProductEditable } from './product-edit.rule';

describe('a provider edits a product while it is DRAFT, REJECTED or LISTED; IN_REVIEW is frozen for the reviewer', () => {
  it.each(Object.values(ProductStatus).map((s) => [s, [ProductStatus.DRAFT, ProductStatus.REJECTED, ProductStatus.LISTED].includes(s)] as const))('%s → editable %s', (status, editable) => {
    const r = checkProductEditable(status, 'updateMarketProduct');
    expect(r.ok).toBe(editable);
    if (!r.ok) expect(r.refusal).toMatchObject({ kind: 'INVALID_STATE', currentState: status, action: 'updateMarketProduct', reason: RefusalReason.NOT_EDITABLE, figures: [{ name: 'status', value: status }] });
  });
});

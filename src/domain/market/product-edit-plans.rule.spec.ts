import { RefusalReason } from '../common/refusal-reason';
import { BillingItemKind, ProductStatus, SaleMode } from './market.enums';
import { MODEL, USERS } from './example-004.fixture';
import { planBillingItems, planProductCreate, planProductUpdate, planSubmission, planUpgradeRule, planVersionAdd, planVersionDelete, planVersionOrder, planVersionVisibility } from './product-edit.rule';

const listed = { status: ProductStatus.LISTED, saleMode: SaleMode.BY_CYCLE };
const inReview = { status: ProductStatus.IN_REVIEW, saleMode: SaleMode.BY_CYCLE };
const violationsOf = (r: { ok: boolean; refusal?: unknown }) => (r.ok ? [] : ((r as { refusal: { violations?: { field: string; rule: string }[] } }).refusal.violations ?? []).map((v) => `${v.field}:${v.rule}`));

describe('product edits (DOMAIN §7): the pure rule each change() calls', () => {
  it('a new product needs a name and a sale mode and a registered provider; it starts visible', () => {
    expect(planProductCreate({ name: '  Shop CRM  ', saleMode: SaleMode.BY_CYCLE }, true)).toEqual({ ok: true, value: { name: 'Shop CRM', saleMode: SaleMode.BY_CYCLE, visible: true, needsBuyerPhone: false, needsBuyerEmail: false } });
    expect(violationsOf(planProductCreate({ name: '' }, false))).toEqual(['name:REQUIRED', 'saleMode:REQUIRED', 'developer:NOT_REGISTERED']);
  });

  it('an edit keeps the sale mode (SALE_MODE_FIXED) and is refused NOT_EDITABLE while IN_REVIEW', () => {
    expect(violationsOf(planProductUpdate(listed, { saleMode: SaleMode.ONE_TIME }))).toEqual(['saleMode:SALE_MODE_FIXED']);
    expect(planProductUpdate(listed, { name: ' New name ', visible: false })).toEqual({ ok: true, value: { name: 'New name', visible: false } });
    expect(planProductUpdate(inReview, { name: 'x' })).toMatchObject({ ok: false, refusal: { kind: 'INVALID_STATE', reason: RefusalReason.NOT_EDITABLE, currentState: 'IN_REVIEW' } });
  });

  it('a 21st version is refused (at most 20, hidden included); a name of 21 characters too; a trial of 1–180 days', () => {
    const prices = { monthNew: '1', monthRenew: '1' };
    expect(violationsOf(planVersionAdd(listed, 20, { name: 'Pro', prices }))).toEqual(['versions:TOO_MANY_VERSIONS']);
    expect(violationsOf(planVersionAdd(listed, 3, { name: 'A'.repeat(21), prices }))).toEqual(['name:TOO_LONG']);
    expect(violationsOf(planVersionAdd(listed, 3, { name: 'Pro', trialDays: 181, prices }))).toEqual(['trialDays:TRIAL_OUT_OF_RANGE']);
    expect(planVersionAdd(listed, 19, { name: 'Pro', trialDays: 180, prices: { monthNew: '1', monthRenew: '1' } })).toMatchObject({ ok: true, value: { name: 'Pro', trialDays: 180 } });
  });

  it('the last visible version stays visible; a version of a product once listed is never deleted', () => {
    const versions = [
      { id: '1', hidden: false },
      { id: '2', hidden: true },
    ];
    expect(violationsOf(planVersionVisibility(listed, versions, '1', true))).toEqual(['versionId:LAST_VISIBLE_VERSION']);
    expect(planVersionVisibility(listed, versions, '2', false)).toEqual({ ok: true, value: false });
    expect(violationsOf(planVersionDelete({ ...listed, everListed: true }))).toEqual(['versionId:NEVER_DELETED_ONCE_LISTED']);
    expect(planVersionDelete({ status: ProductStatus.DRAFT, saleMode: SaleMode.BY_CYCLE, everListed: false })).toEqual({ ok: true, value: true });
  });

  it("a new order lists each of the product's versions once", () => {
    expect(planVersionOrder(listed, ['1', '2'], ['2', '1'])).toEqual({ ok: true, value: ['2', '1'] });
    expect(violationsOf(planVersionOrder(listed, ['1', '2'], ['2']))).toEqual(['versionIds:NOT_A_PERMUTATION']);
  });

  it('once submitted, tier starts are frozen (users from 5 and from 10); prices may change', () => {
    const moved = { ...USERS, tiers: [USERS.tiers![0], { from: 12, prices: USERS.tiers![1].prices }] };
    expect(planBillingItems(listed, [USERS, MODEL], null).ok).toBe(true);
    expect(planBillingItems(listed, [moved, MODEL], [USERS, MODEL]).ok).toBe(false);
    const cheaper = { ...USERS, tiers: [USERS.tiers![0], { from: 10, prices: { monthNew: '1', monthRenew: '1', yearNew: '9', yearRenew: '9' } }] };
    expect(planBillingItems(listed, [cheaper, MODEL], [USERS, MODEL]).ok).toBe(true);
    expect(USERS.kind).toBe(BillingItemKind.QUANTITY);
  });

  it('a submission needs a production endpoint and a visible version, and moves DRAFT to IN_REVIEW', () => {
    const draft = { status: ProductStatus.DRAFT, saleMode: SaleMode.BY_CYCLE, endpointUrl: null };
    expect(violationsOf(planSubmission(draft, [{ code: 'V1', hidden: true, prices: { monthNew: '1', monthRenew: '1' } }]))).toEqual(['endpointUrl:REQUIRED', 'versions:REQUIRED']);
    expect(planSubmission({ ...draft, endpointUrl: 'https://isv.example.com/open' }, [{ code: 'V1', hidden: false, prices: { monthNew: '1', monthRenew: '1' } }])).toEqual({ ok: true, value: ProductStatus.IN_REVIEW });
    expect(planSubmission({ ...draft, status: ProductStatus.IN_REVIEW, endpointUrl: 'https://isv.example.com/open' }, [])).toMatchObject({ ok: false, refusal: { reason: RefusalReason.TRANSITION_NOT_ALLOWED } });
  });

  it('upgrade rules: a provider once LISTED and never over an operator; an operator takes a provider rule over', () => {
    const base = { asProvider: true, enabled: true, sameProduct: true, sameVersion: false, productStatus: ProductStatus.LISTED, existing: null };
    expect(planUpgradeRule(base)).toEqual({ ok: true, value: 'INSERT' });
    expect(planUpgradeRule({ ...base, productStatus: ProductStatus.DRAFT })).toMatchObject({ ok: false, refusal: { reason: RefusalReason.PRODUCT_NOT_LISTED } });
    expect(planUpgradeRule({ ...base, enabled: false, existing: 'OPERATOR' })).toMatchObject({ ok: false, refusal: { reason: RefusalReason.SET_BY_OPERATOR } });
    expect(planUpgradeRule({ ...base, asProvider: false, existing: 'PROVIDER' })).toEqual({ ok: true, value: 'TAKE_OVER' });
    expect(planUpgradeRule({ ...base, existing: 'OPERATOR' })).toEqual({ ok: true, value: 'NONE' });
    expect(violationsOf(planUpgradeRule({ ...base, sameProduct: false, sameVersion: true }))).toEqual(['toVersionId:OTHER_PRODUCT', 'toVersionId:SAME_VERSION']);
  });
});

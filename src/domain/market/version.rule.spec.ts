import { checkDelete, checkHide, checkReorder, checkTrial, checkVersionCount, checkVersionName } from './version.rule';
import { SaleMode } from './market.enums';

const rules = (vs: { rule: string }[]) => vs.map((v) => v.rule);

describe('version names (004 §4.2.2: ≤ 20 characters of digits, letters or Chinese)', () => {
  it.each([
    ['标准版', []],
    ['Standard2', []],
    ['高级版Pro3', []],
    ['x'.repeat(20), []],
    ['尊'.repeat(20), []],
    ['x'.repeat(21), ['TOO_LONG']],
    ['尊'.repeat(21), ['TOO_LONG']],
    ['', ['REQUIRED']],
    ['Std edition', ['INVALID_CHARACTERS']],
    ['Std-1', ['INVALID_CHARACTERS']],
    ['Std_1', ['INVALID_CHARACTERS']],
    ['版本！', ['INVALID_CHARACTERS']],
  ])('%j → %j', (name, expected) => {
    expect(rules(checkVersionName(name))).toEqual(expected);
  });
});

describe('version count (at most 20 per product, hidden included)', () => {
  it.each([
    [0, []],
    [19, []],
    [20, ['TOO_MANY_VERSIONS']],
  ])('adding to a product with %i versions → %j', (n, expected) => {
    expect(rules(checkVersionCount(n))).toEqual(expected);
  });
});

describe('trials (004 §4.2.6: 1–180 days, BY_CYCLE only)', () => {
  it.each([
    [SaleMode.BY_CYCLE, null, []],
    [SaleMode.BY_CYCLE, 1, []],
    [SaleMode.BY_CYCLE, 7, []],
    [SaleMode.BY_CYCLE, 180, []],
    [SaleMode.BY_CYCLE, 0, ['TRIAL_OUT_OF_RANGE']],
    [SaleMode.BY_CYCLE, 181, ['TRIAL_OUT_OF_RANGE']],
    [SaleMode.BY_CYCLE, 1.5, ['TRIAL_OUT_OF_RANGE']],
    [SaleMode.ONE_TIME, null, []],
    [SaleMode.ONE_TIME, 7, ['TRIAL_NOT_ALLOWED']],
    [SaleMode.ONE_TIME, 1, ['TRIAL_NOT_ALLOWED']],
  ])('%s with a %p-day trial → %j', (mode, days, expected) => {
    expect(rules(checkTrial(mode, days))).toEqual(expected);
  });
});

describe('hiding (at least one version stays visible) and deleting (never once listed)', () => {
  it.each([
    [[{ id: '1', hidden: false }, { id: '2', hidden: false }], '1', []],
    [[{ id: '1', hidden: false }, { id: '2', hidden: true }], '1', ['LAST_VISIBLE_VERSION']],
    [[{ id: '1', hidden: false }], '1', ['LAST_VISIBLE_VERSION']],
    [[{ id: '1', hidden: true }, { id: '2', hidden: false }], '1', []],
  ])('versions %j, hiding %s → %j', (versions, id, expected) => {
    expect(rules(checkHide(versions, id))).toEqual(expected);
  });

  it('a version may be deleted before the product is first listed, never after', () => {
    expect(checkDelete(false)).toEqual([]);
    expect(rules(checkDelete(true))).toEqual(['NEVER_DELETED_ONCE_LISTED']);
  });

  it('a reorder lists every version exactly once', () => {
    expect(checkReorder(['1', '2', '3'], ['3', '1', '2'])).toEqual([]);
    expect(rules(checkReorder(['1', '2', '3'], ['3', '1']))).toEqual(['NOT_A_PERMUTATION']);
    expect(rules(checkReorder(['1', '2'], ['1', '1']))).toEqual(['NOT_A_PERMUTATION']);
  });
});

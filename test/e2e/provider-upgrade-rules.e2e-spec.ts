/**
 * Upgrade rules by providers (004 §4.2.8; issue 18 part 5), over HTTP against a fresh database.
 * Rules checked: the provider configures upgrade paths between versions of its own product once it
 * is LISTED (not on a draft); a foreign provider is NOT_FOUND; an operator keeps the power to
 * override (its rules the provider cannot remove); buyers upgrade along the provider's rule, and the
 * refusals stay as before (no rule, hidden version).
 */
import { Role } from '../../src/domain/common/role';
import { data, errorCode, TestApp } from '../support/test-app';

let t: TestApp;
let operator: string;
beforeAll(async () => {
  t = await TestApp.start();
  operator = await t.token(Role.OPERATOR, 'operator-1');
});
afterAll(() => t?.stop());

const gql = async <T>(query: string, variables: Record<string, unknown>, token: string): Promise<T> => data<T>(await t.post({ query, variables }, token));

async function product(provider: { token: string }) {
  const { createMarketProduct } = await gql<{ createMarketProduct: { id: string } }>('mutation { createMarketProduct(input: { name: "Upgradable ERP", saleMode: BY_CYCLE }) { ... on MarketProduct { id } } }', {}, provider.token);
  const version = async (name: string, yearNew: string) =>
    (
      await gql<{ addMarketVersion: { id: string } }>(
        'mutation($p: ID!, $i: MarketVersionInput!) { addMarketVersion(productId: $p, input: $i) { ... on MarketVersion { id } } }',
        { p: createMarketProduct.id, i: { name, prices: { monthNew: '1', monthRenew: '1', yearNew, yearRenew: yearNew } } },
        provider.token,
      )
    ).addMarketVersion.id;
  return { id: createMarketProduct.id, std: await version('Standard', '12'), adv: await version('Advanced', '50') };
}
// NOTE: listing goes through the endpoint check and a review (test/e2e/market.e2e-spec.ts); here the state is set directly.
const list = (productId: string) => t.ds.query("UPDATE market_product SET status = 'LISTED', listed_at = NOW(3) WHERE id = ?", [productId]);

const RULE = (op: 'setUpgradeRule' | 'removeUpgradeRule') =>
  `mutation($f: ID!, $to: ID!) { ${op}(fromVersionId: $f, toVersionId: $to) { __typename ... on MarketProduct { upgradeRules { fromVersionId toVersionId setByRole } } ... on InvalidState { currentState action } ... on InvalidInput { violations { field rule } } } }`;
const setRule = (f: string, to: string, token: string) => t.post({ query: RULE('setUpgradeRule'), variables: { f, to } }, token);
const removeRule = (f: string, to: string, token: string) => t.post({ query: RULE('removeUpgradeRule'), variables: { f, to } }, token);

describe("a provider's own upgrade rules", () => {
  it('refused on a draft; once listed the provider sets Standard → Advanced and a buyer upgrades along it; removed, the upgrade is refused again', async () => {
    const provider = await t.developer('Provider Soft');
    const p = await product(provider);
    expect(data<{ setUpgradeRule: unknown }>(await setRule(p.std, p.adv, provider.token)).setUpgradeRule).toEqual({ __typename: 'InvalidState', currentState: 'DRAFT', action: 'setUpgradeRule' });
    await list(p.id);
    expect(data<{ setUpgradeRule: unknown }>(await setRule(p.std, p.adv, provider.token)).setUpgradeRule).toEqual({
      __typename: 'MarketProduct',
      upgradeRules: [{ fromVersionId: p.std, toVersionId: p.adv, setByRole: 'PROVIDER' }],
    });

    const buyer = await t.developer('Buyer Shop');
    // Paid orders are charged to the prepaid balance (issue 18 part 6).
    data(await t.post({ query: 'mutation { recharge(amount: "100.00", idempotencyKey: "upgrade-buyer") { __typename } }' }, buyer.token));
    const bought = await gql<{ placeOrder: { subscriptionId: string } }>('mutation($v: ID!) { placeOrder(input: { type: NEW, versionId: $v, cycle: YEAR, length: 1 }) { ... on MarketOrder { subscriptionId } } }', { v: p.std }, buyer.token);
    const quote = (versionId: string) =>
      gql<{ quoteUpgrade: { __typename: string; charged?: string; violations?: { field: string; rule: string }[] } }>(
        'query($s: ID!, $v: ID) { quoteUpgrade(input: { subscriptionId: $s, versionId: $v }) { __typename ... on UpgradeQuote { charged } ... on InvalidInput { violations { field rule } } } }',
        { s: bought.placeOrder.subscriptionId, v: versionId },
        buyer.token,
      );
    // A full year left: 50 − 12 = 38.00.
    expect((await quote(p.adv)).quoteUpgrade).toEqual({ __typename: 'UpgradeQuote', charged: '38.00' });
    // The reverse path is no rule: refused as before.
    expect(data<{ setUpgradeRule: unknown }>(await setRule(p.std, p.std, provider.token)).setUpgradeRule).toEqual({ __typename: 'InvalidInput', violations: [{ field: 'toVersionId', rule: 'SAME_VERSION' }] });

    // Hidden versions are refused as today, the provider's rule notwithstanding.
    data(await t.post({ query: 'mutation($v: ID!) { hideMarketVersion(versionId: $v) { __typename } }', variables: { v: p.adv } }, provider.token));
    expect((await quote(p.adv)).quoteUpgrade.violations).toEqual([{ field: 'versionId', rule: 'HIDDEN_VERSION' }]);
    data(await t.post({ query: 'mutation($v: ID!) { showMarketVersion(versionId: $v) { __typename } }', variables: { v: p.adv } }, provider.token));

    expect(data<{ removeUpgradeRule: unknown }>(await removeRule(p.std, p.adv, provider.token)).removeUpgradeRule).toEqual({ __typename: 'MarketProduct', upgradeRules: [] });
    expect((await quote(p.adv)).quoteUpgrade.violations).toEqual([{ field: 'versionId', rule: 'NO_UPGRADE_RULE' }]);

    const audit = await gql<{ auditLog: { edges: { node: { action: string; actorRole: string; actorId: string } }[] } }>('query($e: ID) { auditLog(first: 5, entityId: $e) { edges { node { action actorRole actorId } } } }', { e: `${p.std}->${p.adv}` }, operator);
    expect(audit.auditLog.edges.map((e) => `${e.node.action} ${e.node.actorRole} ${e.node.actorId}`)).toEqual([`removeUpgradeRule DEVELOPER ${provider.id}`, `setUpgradeRule DEVELOPER ${provider.id}`]);
  });

  it('a foreign provider is NOT_FOUND, like a version that does not exist; staff other than operators are FORBIDDEN', async () => {
    const provider = await t.developer('Provider Soft');
    const p = await product(provider);
    await list(p.id);
    const rival = await t.developer('Rival Soft');
    expect(errorCode(await setRule(p.std, p.adv, rival.token))).toBe('NOT_FOUND');
    expect(errorCode(await removeRule(p.std, p.adv, rival.token))).toBe('NOT_FOUND');
    // Its own version as the target does not let it reach into another's product either.
    const own = await product(rival);
    expect(errorCode(await setRule(own.std, p.adv, rival.token))).toBe('NOT_FOUND');
    expect(errorCode(await setRule(p.std, p.adv, await t.token(Role.REVIEWER, 'r')))).toBe('FORBIDDEN');
    expect(errorCode(await setRule(p.std, p.adv, await t.token(Role.GATEWAY, 'g')))).toBe('FORBIDDEN');
    const [{ n }] = await t.ds.query('SELECT COUNT(*) AS n FROM market_upgrade_rule WHERE product_id = ?', [p.id]);
    expect(Number(n)).toBe(0);
  });

  it("the operator overrides: it sets rules on any product at any time, takes a provider's rule over, and the provider cannot remove an operator's rule", async () => {
    const provider = await t.developer('Provider Soft');
    const p = await product(provider);
    // On a draft, an operator may (as before).
    expect(data<{ setUpgradeRule: unknown }>(await setRule(p.adv, p.std, operator)).setUpgradeRule).toMatchObject({ upgradeRules: [{ fromVersionId: p.adv, toVersionId: p.std, setByRole: 'OPERATOR' }] });
    await list(p.id);
    expect(data<{ removeUpgradeRule: unknown }>(await removeRule(p.adv, p.std, provider.token)).removeUpgradeRule).toEqual({ __typename: 'InvalidState', currentState: 'OPERATOR_RULE', action: 'removeUpgradeRule' });
    // The provider's rule, then the operator sets the same path: it is the operator's now.
    data(await setRule(p.std, p.adv, provider.token));
    const taken = data<{ setUpgradeRule: { upgradeRules: { fromVersionId: string; setByRole: string }[] } }>(await setRule(p.std, p.adv, operator)).setUpgradeRule;
    expect(taken.upgradeRules.find((r) => r.fromVersionId === p.std)).toMatchObject({ setByRole: 'OPERATOR' });
    expect(data<{ removeUpgradeRule: unknown }>(await removeRule(p.std, p.adv, provider.token)).removeUpgradeRule).toMatchObject({ __typename: 'InvalidState', currentState: 'OPERATOR_RULE' });
    // Setting an operator's path again as provider changes nothing; the operator removes any rule.
    expect(data<{ setUpgradeRule: { upgradeRules: { setByRole: string }[] } }>(await setRule(p.std, p.adv, provider.token)).setUpgradeRule.upgradeRules.map((r) => r.setByRole)).toEqual(['OPERATOR', 'OPERATOR']);
    expect(data<{ removeUpgradeRule: { upgradeRules: unknown[] } }>(await removeRule(p.std, p.adv, operator)).removeUpgradeRule.upgradeRules).toHaveLength(1);
  });
});

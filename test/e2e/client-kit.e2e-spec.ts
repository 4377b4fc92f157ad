/**
 * The client kit (client/generated/): what a front-end team gets when it builds on this API with
 * Apollo Client 4 and its InMemoryCache. Each test goes through a real ApolloClient over HTTP.
 *
 * - Refusals are read through the `Refusal` interface: without `possibleTypes` the cache cannot
 *   tell that `InvalidInput` implements it and silently drops `code` and `message`.
 * - Apps are normalised by id: a mutation's answer updates the app wherever it is shown.
 * - Connections page with `relayStylePagination`: `fetchMore` appends the next page's edges.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { executeCodegen, loadCodegenConfig } from '@graphql-codegen/cli';
import possibleTypesResult from '../../client/generated/possible-types';
import { typePolicies } from '../../client/generated/type-policies';
import { TestApp } from '../support/test-app';

let t: TestApp;

beforeAll(async () => {
  t = await TestApp.start();
});
afterAll(async () => {
  await t.stop();
});

/** An Apollo Client 4 as a portal front end configures it: the kit's cache settings, a bearer token. */
function client(token: string, kit = true): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri: t.server.url, headers: { authorization: `Bearer ${token}` } }),
    cache: kit ? new InMemoryCache({ possibleTypes: possibleTypesResult.possibleTypes, typePolicies }) : new InMemoryCache(),
  });
}

const CREATE_APP = gql`
  mutation KitCreateApp($input: CreateAppInput!) {
    createApp(input: $input) {
      __typename
      ... on App { id name status }
      ... on Refusal { code message }
      ... on InvalidInput { violations { field rule } }
    }
  }
`;

const UPDATE_APP = gql`
  mutation KitUpdateApp($id: ID!, $input: UpdateAppInput!) {
    updateApp(id: $id, input: $input) {
      __typename
      ... on App { id name status }
      ... on Refusal { code message }
    }
  }
`;

const MY_APPS = gql`
  query KitMyApps($first: Int, $after: String) {
    myApps(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id name status tag { code name } } }
    }
  }
`;

const appInput = (name: string) => ({
  name,
  description: 'Syncs orders for merchants',
  logoUrl: 'https://cdn.example.com/logo.png',
  callbackUrl: 'https://example.com/callback',
  tagCode: 'MERCHANT_BACKEND',
  inCloud: true,
  declaredFunctions: ['ORDER_MANAGEMENT'],
});

interface CreateAppAnswer {
  createApp: { __typename: string; id?: string; code?: string; message?: string; violations?: { field: string; rule: string }[] };
}

describe('client kit: Apollo Client 4 with the generated possibleTypes and type policies', () => {
  it('reads a refusal code and message through the Refusal interface (an app name of 1 character: name / TOO_SHORT, names are 2–50)', async () => {
    const dev = await t.developer('Kit Refusals');
    const res = await client(dev.token).mutate<CreateAppAnswer>({ mutation: CREATE_APP, variables: { input: appInput('x') } });
    expect(res.data?.createApp.__typename).toBe('InvalidInput');
    expect(res.data?.createApp.code).toBe('INVALID_INPUT');
    expect(res.data?.createApp.message).toEqual(expect.stringContaining('name'));
    expect(res.data?.createApp.violations).toContainEqual({ __typename: 'Violation', field: 'name', rule: 'TOO_SHORT' });
  });

  it('without the kit the same refusal loses code and message (why the kit ships possibleTypes)', async () => {
    const dev = await t.developer('Kit Without');
    const res = await client(dev.token, false).mutate<CreateAppAnswer>({ mutation: CREATE_APP, variables: { input: appInput('x') } });
    expect(res.data?.createApp.__typename).toBe('InvalidInput');
    expect(res.data?.createApp.code).toBeUndefined();
    expect(res.data?.createApp.message).toBeUndefined();
  });

  it('normalises an app by id: renaming it updates the cached list without refetching it', async () => {
    const dev = await t.developer('Kit Normalise');
    const c = client(dev.token);
    const created = await c.mutate<CreateAppAnswer>({ mutation: CREATE_APP, variables: { input: appInput('Order Helper') } });
    const id = created.data!.createApp.id!;
    const list = await c.query<{ myApps: { edges: { node: { id: string; name: string } }[] } }>({ query: MY_APPS, variables: { first: 10 } });
    expect(list.data?.myApps.edges.map((e) => e.node.name)).toEqual(['Order Helper']);

    await c.mutate({ mutation: UPDATE_APP, variables: { id, input: { name: 'Order Helper Pro' } } });
    const cached = c.readQuery<{ myApps: { edges: { node: { id: string; name: string } }[] } }>({ query: MY_APPS, variables: { first: 10 } });
    expect(cached?.myApps.edges.map((e) => e.node.name)).toEqual(['Order Helper Pro']);
    expect(c.cache.identify({ __typename: 'App', id })).toBe(`App:${id}`);
    // Tags carry an id (their code, issue 13), so every app's tag is one cache entry.
    expect(c.cache.identify({ __typename: 'Tag', id: 'MERCHANT_BACKEND' })).toBe('Tag:MERCHANT_BACKEND');
  });

  it('pages through myApps: five apps, pages of two, each next page merges into one cached list of five', async () => {
    const dev = await t.developer('Kit Pages');
    const c = client(dev.token);
    for (const n of [1, 2, 3, 4, 5]) {
      const res = await c.mutate<CreateAppAnswer>({ mutation: CREATE_APP, variables: { input: appInput(`Paged App ${n}`) } });
      expect(res.data?.createApp.__typename).toBe('App');
    }
    type Page = { myApps: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { name: string } }[] } };
    const first = await c.query<Page>({ query: MY_APPS, variables: { first: 2 } });
    expect(first.data?.myApps.edges).toHaveLength(2);
    expect(first.data?.myApps.totalCount).toBe(5);

    let page = first.data!.myApps;
    let rounds = 0;
    while (page.pageInfo.hasNextPage) {
      const more = await c.query<Page>({ query: MY_APPS, variables: { first: 2, after: page.pageInfo.endCursor }, fetchPolicy: 'network-only' });
      page = more.data!.myApps;
      rounds++;
      expect(rounds).toBeLessThanOrEqual(3);
    }
    // The relay-style merge: every page written under the same field (keyArgs false) lands in one list.
    const merged = c.readQuery<Page>({ query: MY_APPS, variables: { first: 2 } });
    const names = merged!.myApps.edges.map((e) => e.node.name).sort();
    expect(names).toEqual(['Paged App 1', 'Paged App 2', 'Paged App 3', 'Paged App 4', 'Paged App 5']);
    expect(merged!.myApps.pageInfo.hasNextPage).toBe(false);
  });
});

describe('client kit: the shipped files are what codegen makes of the committed schema', () => {
  it('possible-types.ts and type-policies.ts are fresh (run `npm run codegen` after a schema change)', async () => {
    const root = path.join(__dirname, '../..');
    const { config } = await loadCodegenConfig({ configFilePath: path.join(root, 'codegen.yml') });
    const { result: outputs } = await executeCodegen({ ...config, cwd: root, silent: true });
    for (const name of ['client/generated/possible-types.ts', 'client/generated/type-policies.ts']) {
      const output = outputs.find((o) => path.relative(root, path.resolve(root, o.filename)) === name);
      expect(output).toBeDefined();
      expect(readFileSync(path.join(root, name), 'utf8')).toBe(output!.content);
    }
  });
});

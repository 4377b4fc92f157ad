/**
 * Issue 11, item 8: the offline explorer. A real browser (Debian's chromium driven by
 * playwright-core) opens GET /graphql, runs `{ tags { edges { node { code } } } }` and sees the result in the page;
 * with a token in GraphiQL's Headers editor it runs `{ me { id } }` as that developer; and no request
 * the page made left 127.0.0.1 (no CDN, no outside font).
 */
import { BrowserContext, Page } from 'playwright-core';
import { Role } from '../../src/domain/common/role';
import { ensureChromium, launchChromium } from '../support/chromium';
import { TestApp } from '../support/test-app';

/** The page's `document`, as far as the functions evaluated in the browser use it (no DOM lib in this tsconfig). */
declare const document: { querySelector(selector: string): unknown };

let t: TestApp;
let browser: { context: BrowserContext; close(): Promise<void> };
const requested: string[] = [];
const failed: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  ensureChromium();
  t = await TestApp.start();
  browser = await launchChromium();
  browser.context.on('request', (r) => requested.push(r.url()));
  browser.context.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));
}, 15 * 60_000);
afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

/** The CodeMirror 5 editor inside `selector` (GraphiQL 3's editors), read or written through its API. */
const setEditor = (page: Page, selector: string, text: string) =>
  page.evaluate(([sel, value]) => (document.querySelector(`${sel} .CodeMirror`) as unknown as { CodeMirror: { setValue(v: string): void } }).CodeMirror.setValue(value), [selector, text] as const);
const editorText = (page: Page, selector: string) =>
  page.evaluate((sel) => (document.querySelector(`${sel} .CodeMirror`) as unknown as { CodeMirror: { getValue(): string } } | null)?.CodeMirror.getValue() ?? '', selector);

async function run(page: Page, query: string): Promise<unknown> {
  await setEditor(page, '.graphiql-query-editor', query);
  await setEditor(page, '.graphiql-response', '');
  await page.click('.graphiql-execute-button');
  await page.waitForFunction(() => {
    const text = (document.querySelector('.graphiql-response .CodeMirror') as unknown as { CodeMirror: { getValue(): string } } | null)?.CodeMirror.getValue() ?? '';
    return text.trim().startsWith('{');
  });
  return JSON.parse(await editorText(page, '.graphiql-response'));
}

describe('GET /graphql in a browser: GraphiQL served by this server, offline', () => {
  it('runs { tags { edges { node { code } } } }, then { me { id } } with an Authorization header, and loads nothing from outside 127.0.0.1', async () => {
    const page = await browser.context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    const origin = new URL(t.server.url).origin;
    const res = await page.goto(`${origin}/graphql`);
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-security-policy']).toContain("default-src 'none'");
    await page.waitForSelector('.graphiql-query-editor .CodeMirror', { timeout: 30_000 });

    const tags = (await run(page, '{ tags { edges { node { code } } } }')) as { data: { tags: { edges: { node: { code: string } }[] } } };
    expect(tags.data.tags.edges.map((e) => e.node.code)).toEqual(expect.arrayContaining(['MERCHANT_BACKEND', 'ISV_BACKEND']));
    // The result is in the page as the user sees it, not only in the editor's model.
    expect(await page.locator('.graphiql-response').innerText()).toContain('MERCHANT_BACKEND');

    const dev = await t.developer();
    await page.click('button[data-name="headers"]');
    await setEditor(page, '.graphiql-editor-tool .graphiql-editor:not(.hidden)', JSON.stringify({ Authorization: `Bearer ${dev.token}` }));
    expect(await run(page, '{ me { id } }')).toEqual({ data: { me: { id: dev.id } } });

    // Without the header the same query is anonymous: `me` is for signed-in developers only (401).
    await setEditor(page, '.graphiql-editor-tool .graphiql-editor:not(.hidden)', '{}');
    const anonymous = (await run(page, '{ me { id } }')) as { errors?: { extensions: { code: string } }[] };
    expect(anonymous.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');

    const outside = requested.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:'));
    expect(outside).toEqual([]);
    expect(requested).toEqual(expect.arrayContaining([`${origin}/explorer/graphiql.min.js`, `${origin}/explorer/graphiql.min.css`, `${origin}/explorer/react.production.min.js`]));
    expect(failed).toEqual([]);
    // The one error the console shows is the anonymous `me` answered 401 above; no CSP violation, no script error.
    expect(consoleErrors.filter((e) => !/status of 401/.test(e))).toEqual([]);
    await page.close();
  });
});

describe('the explorer switch', () => {
  it('GRAPHQL_EXPLORER=false: a browser GET /graphql gets no page, and no asset is served', async () => {
    const off = await TestApp.start({ env: { GRAPHQL_EXPLORER: 'false' } });
    try {
      const page = await fetch(off.server.url, { headers: { accept: 'text/html' } });
      expect(page.headers.get('content-type') ?? '').not.toContain('text/html');
      expect(await page.text()).not.toContain('graphiql');
      expect((await fetch(new URL('/explorer/graphiql.min.js', off.server.url))).status).toBe(404);
    } finally {
      await off.stop();
    }
  });

  it('a GraphQL GET (with ?query=) is still GraphQL when the explorer is on', async () => {
    const res = await fetch(`${t.server.url}?query=${encodeURIComponent('{ tags { edges { node { code } } } }')}`, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data: { tags: { edges: unknown[] } } }).data.tags.edges.length).toBeGreaterThan(0);
  });
});

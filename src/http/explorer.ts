/**
 * The offline explorer: GET /graphql from a browser serves GraphiQL, whose scripts and styles come
 * from the installed packages (graphiql 3's UMD bundle with React 18's UMD builds), served by this
 * server under /explorer/. Nothing loads from elsewhere: the page's Content-Security-Policy allows
 * this origin only (GraphiQL's fonts are inlined as data: URLs in its stylesheet).
 */
import path from 'node:path';
import { Request, Response, Router } from 'express';
import { recordOf } from './observability';

/** The package directory of an installed dependency (its `exports` may hide subpaths from require.resolve). */
function packageDir(name: string): string {
  return path.dirname(require.resolve(`${name}/package.json`, { paths: [__dirname] }));
}

function resolveAssets(): Map<string, string> {
  const react = path.dirname(require.resolve('react', { paths: [__dirname] }));
  const reactDom = path.dirname(require.resolve('react-dom', { paths: [__dirname] }));
  const graphiql = packageDir('graphiql');
  return new Map([
    ['react.production.min.js', path.join(react, 'umd/react.production.min.js')],
    ['react-dom.production.min.js', path.join(reactDom, 'umd/react-dom.production.min.js')],
    ['graphiql.min.js', path.join(graphiql, 'graphiql.min.js')],
    ['graphiql.min.css', path.join(graphiql, 'graphiql.min.css')],
  ]);
}

const DEFAULT_QUERY = `# Signed in: in "Headers" below, set
#   { "Authorization": "Bearer <JWT>" }
# (locally: npm run token -- DEVELOPER).
# No header: anonymous, the public catalog.
{
  tags {
    code
    name
  }
}
`;

/** Starts GraphiQL against this origin's /graphql. Headers are not persisted in localStorage (tokens). */
const INIT_SCRIPT = `(function () {
  var fetcher = GraphiQL.createFetcher({ url: new URL('/graphql', window.location.href).toString(), enableIncrementalDelivery: false });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: ${JSON.stringify(DEFAULT_QUERY)},
      defaultHeaders: '{}',
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false,
      defaultEditorToolsVisibility: 'headers'
    })
  );
})();
`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Portal GraphQL explorer</title>
<link rel="stylesheet" href="/explorer/graphiql.min.css">
<link rel="icon" href="data:,">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading the explorer…</div>
<script src="/explorer/react.production.min.js"></script>
<script src="/explorer/react-dom.production.min.js"></script>
<script src="/explorer/graphiql.min.js"></script>
<script src="/explorer/explorer.js"></script>
</body>
</html>
`;

/** This origin only; inline styles for the page's own rule and the editors' injected ones. */
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Whether a GET /graphql is a browser asking for a page (not a GraphQL GET, which carries `query`). */
export function wantsExplorer(req: Request): boolean {
  if (req.method !== 'GET' || (req.query as Record<string, unknown>).query !== undefined) return false;
  return req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';
}

/** GET /graphql (browser) → the page; GET /explorer/<asset> → the bundled files. Mount before /graphql. */
export function explorerRouter(): Router {
  const assets = resolveAssets();
  const router = Router();
  router.get('/graphql', (req: Request, res: Response, next) => {
    if (!wantsExplorer(req)) return next();
    const rec = recordOf(res);
    if (rec) rec.graphql = false;
    res.set({ 'content-security-policy': CSP, 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'cache-control': 'no-store' }).type('html').send(PAGE);
  });
  router.get('/explorer/explorer.js', (_req, res) => {
    res.set({ 'x-content-type-options': 'nosniff', 'cache-control': 'no-cache' }).type('application/javascript').send(INIT_SCRIPT);
  });
  router.get('/explorer/:asset', (req, res, next) => {
    const file = assets.get(String(req.params.asset));
    if (!file) return next();
    res.set('x-content-type-options', 'nosniff');
    res.sendFile(file, { maxAge: '1h' });
  });
  return router;
}

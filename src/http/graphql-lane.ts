import { IncomingMessage, ServerResponse } from 'node:http';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { Request, RequestHandler, Response } from 'express';
import { Viewer } from '../domain/common/role';
import { requestErrorAnswer } from './request-guard';
import { Lifecycle } from './shutdown';

/** Bytes of a body limit as the config writes it (`100kb`, `2mb`, `512b`; 1 kb = 1,024 bytes, as express reads it). */
export function limitBytes(limit: string): number {
  const m = /^(\d+)(b|kb|mb)$/i.exec(limit);
  if (!m) throw new Error(`not a body limit: ${limit}`);
  return Number(m[1]) * { b: 1, kb: 1024, mb: 1024 ** 2 }[m[2].toLowerCase() as 'b' | 'kb' | 'mb'];
}

/** `application/json`, with no parameter or utf-8 as its charset: the only body this lane reads. */
const PLAIN_JSON = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

export interface GraphqlLaneOptions<C extends object> {
  apollo: ApolloServer<C>;
  /** The same context function express's GraphQL route uses (it reads `req.body`, `req.ip`, `req.headers`). */
  context: (args: { req: Request; res: Response }) => Promise<C>;
  /** The caller's credential, verified (and cached) once per request; remembered for the context. */
  viewerOf: (req: IncomingMessage) => Promise<Viewer>;
  /** The body limit for this caller (the gateway's is larger). */
  bodyLimitOf: (viewer: Viewer) => string;
  lifecycle: Lifecycle;
  /** The request logger and metrics middleware (requestObservability). */
  observe: RequestHandler;
  /** Everything this lane does not take: the express app. */
  fallback: (req: IncomingMessage, res: ServerResponse) => void;
  log: (err: unknown) => void;
}

/**
 * The HTTP listener: the common GraphQL request — POST /graphql, a JSON body of a stated length
 * within the caller's limit, a valid credential or none, not while draining — is read and handed to
 * Apollo here, and everything else goes to express, which answers it exactly as before (other
 * routes, GET, other content types or encodings, chunked bodies, bodies over the limit, bad
 * credentials, shutdown).
 *
 * NOTE (why): express 5 cost 0.27 ms of a 0.61 ms `{ __typename }` (bench:ingest, same run:
 * 0.34 ms through this lane) — its router walks every layer, body-parser negotiates type and
 * charset, and each request's objects get express's prototypes. The lane does the same work for
 * this one shape: the same request record and log line, in-flight counting, body limit by role,
 * strict JSON (an object or an array, like express.json), and on failure the same answers
 * (`requestErrorAnswer`).
 */
export function graphqlLane<C extends object>(o: GraphqlLaneOptions<C>): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const length = Number(req.headers['content-length']);
    const encoding = req.headers['content-encoding'];
    if (
      req.method !== 'POST' ||
      req.url !== '/graphql' ||
      o.lifecycle.draining ||
      !PLAIN_JSON.test(req.headers['content-type'] ?? '') ||
      (encoding !== undefined && encoding.toLowerCase() !== 'identity') ||
      !Number.isInteger(length) ||
      length <= 0
    ) {
      o.fallback(req, res);
      return;
    }
    o.viewerOf(req).then(
      (viewer) => {
        const limit = o.bodyLimitOf(viewer);
        if (length > limitBytes(limit)) o.fallback(req, res);
        else take(o, req, res, length, limit);
      },
      // A credential that does not verify: express's route answers 401 as before.
      () => o.fallback(req, res),
    );
  };
}

function take<C extends object>(o: GraphqlLaneOptions<C>, req: IncomingMessage, res: ServerResponse, length: number, limit: string): void {
  const ereq = req as unknown as Request;
  const eres = res as unknown as Response;
  o.observe(ereq, eres, () => undefined);
  o.lifecycle.track(res);
  const answerError = (err: { status?: number; type?: string }) => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const answer = requestErrorAnswer(err, limit);
    if (answer.status >= 500) o.log(err);
    const body = JSON.stringify({ errors: [{ message: answer.message, extensions: { code: answer.code } }] });
    res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  };
  const chunks: Buffer[] = [];
  let received = 0;
  req.on('data', (chunk: Buffer) => {
    received += chunk.length;
    chunks.push(chunk);
  });
  req.on('error', () => answerError({ status: 400, type: 'request.aborted' }));
  req.on('end', () => {
    if (received !== length) return answerError({ status: 400, type: 'request.size.invalid' });
    let text = Buffer.concat(chunks, received).toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    // Strict, like express.json: an object or an array.
    const first = /\S/.exec(text)?.[0];
    let body: unknown;
    try {
      if (first !== '{' && first !== '[') throw new SyntaxError('not an object or an array');
      body = JSON.parse(text);
    } catch {
      return answerError({ status: 400, type: 'entity.parse.failed' });
    }
    ereq.body = body;
    Object.defineProperty(ereq, 'ip', { value: req.socket.remoteAddress, configurable: true });
    execute(o, ereq, eres).catch(answerError);
  });
}

async function execute<C extends object>(o: GraphqlLaneOptions<C>, req: Request, res: Response): Promise<void> {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  const answer = await o.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: 'POST', headers, search: '', body: req.body },
    context: () => o.context({ req, res }),
  });
  for (const [key, value] of answer.headers) res.setHeader(key, value);
  res.statusCode = answer.status ?? 200;
  if (answer.body.kind === 'complete') {
    res.setHeader('content-length', Buffer.byteLength(answer.body.string));
    res.end(answer.body.string);
    return;
  }
  for await (const chunk of answer.body.asyncIterator) res.write(chunk);
  res.end();
}

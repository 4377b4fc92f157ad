import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import mysql from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { Config, configFrom } from '../../src/config';
import { FixedClock } from '../../src/domain/common/clock';
import { Role } from '../../src/domain/common/role';
import { dataSourceOptions } from '../../src/db/data-source';
import { migrateAndSeed } from '../../src/db/migrate';
import { mintToken } from '../../src/graphql/auth/token';
import { RunningServer, startServer } from '../../src/http/server';
import { Logger } from '../../src/observability/logger';
import { OutboundHttpClient } from '../../src/outbound';
import { QueryCounter } from './query-counter';
import { serverOptions, testDatabaseName, withDatabase } from './test-databases';

export interface GqlResponse<T> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; [k: string]: unknown } }[];
}

type Variables<V> = V extends Record<string, never> ? undefined | V : V;

/**
 * One e2e fixture per test file: a fresh database on the configured server (migrated and seeded),
 * the real HTTP server on a free port, a fixed clock, and a SQL statement counter.
 */
export class TestApp {
  private constructor(
    readonly config: Config,
    readonly ds: DataSource,
    readonly server: RunningServer,
    readonly clock: FixedClock,
    readonly queries: QueryCounter,
    /** This file's own database, for tools run as separate processes (the billing CLI). */
    readonly databaseUrl: string,
    private readonly dropDatabase: () => Promise<void>,
  ) {}

  /**
   * `env` overrides configuration variables (limits, switches). The rate limit is generous unless
   * overridden: the suites make many requests from one credential on purpose. `outbound` replaces
   * the server's outbound HTTP client (a test resolver or connector). `databasePort`: the
   * server's DataSource connects to 127.0.0.1 on that port (a `DbProxy` in front of the
   * database) while creating and dropping the database goes direct. `logger` receives the
   * server's lines (default: one made from the configuration, silent under NODE_ENV=test).
   */
  static async start(opts: { now?: string; env?: Record<string, string>; outbound?: OutboundHttpClient; databasePort?: number; logger?: Logger } = {}): Promise<TestApp> {
    const base = configFrom({ ...process.env, NODE_ENV: 'test', PORT: '0', RATE_LIMIT_POINTS: '1000000', RATE_LIMIT_ANONYMOUS_POINTS: '1000000', ...opts.env });
    const dbName = testDatabaseName(base.databaseUrl);
    const url = new URL(withDatabase(base.databaseUrl, dbName));
    const admin = await mysql.createConnection({ ...serverOptions(base.databaseUrl), connectTimeout: 5000 });
    if (opts.databasePort !== undefined) {
      url.hostname = '127.0.0.1';
      url.port = String(opts.databasePort);
    }
    const databaseUrl = url.toString();
    const drop = async () => {
      try {
        await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
      } finally {
        await admin.end().catch(() => admin.destroy());
      }
    };
    // A start that fails half-way closes what it opened, so no handle keeps Jest alive.
    let ds: DataSource | undefined;
    try {
      await admin.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      const queries = new QueryCounter();
      ds = new DataSource({ ...dataSourceOptions(base, databaseUrl), logger: queries, logging: ['query'] } as never);
      await ds.initialize();
      await migrateAndSeed(ds);
      const clock = new FixedClock(new Date(opts.now ?? '2026-11-20T04:00:00Z'));
      const server = await startServer({ config: base, dataSource: ds, clock, outbound: opts.outbound, logger: opts.logger });
      return new TestApp(base, ds, server, clock, queries, databaseUrl, drop);
    } catch (err) {
      if (ds?.isInitialized) await ds.destroy().catch(() => undefined);
      await drop().catch(() => undefined);
      throw err;
    }
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.ds.destroy();
    await this.dropDatabase();
  }

  token(role: Exclude<Role, Role.ANONYMOUS>, subjectId: string = randomUUID()): Promise<string> {
    return mintToken(this.config, role, subjectId);
  }

  /** Sends a typed document over HTTP, as a client would. */
  async gql<R, V>(doc: TypedDocumentNode<R, V>, variables?: Variables<V>, token?: string, headers: Record<string, string> = {}): Promise<GqlResponse<R>> {
    return this.post({ query: print(doc), variables }, token, headers) as Promise<GqlResponse<R>>;
  }

  /**
   * Sends a persisted operation by hash only (Apollo's `extensions.persistedQuery`), as an
   * integration partner does. `doc` is a generated document carrying `__meta__.hash`.
   */
  async persisted<R, V>(doc: TypedDocumentNode<R, V>, variables?: Variables<V>, token?: string): Promise<GqlResponse<R>> {
    const hash = (doc as unknown as { __meta__?: { hash?: string } }).__meta__?.hash;
    if (!hash) throw new Error('persisted(): the document carries no __meta__.hash (generate it with persistedDocuments)');
    return this.post({ variables, extensions: { persistedQuery: { version: 1, sha256Hash: hash.replace(/^sha256:/, '') } } }, token) as Promise<GqlResponse<R>>;
  }

  /** Sends a raw body (for malformed requests, persisted-query extensions and the like). */
  async post(body: unknown, token?: string, headers: Record<string, string> = {}): Promise<GqlResponse<unknown>> {
    const res = await fetch(this.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token !== undefined ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    try {
      return { status: res.status, ...JSON.parse(text) };
    } catch {
      return { status: res.status, errors: [{ message: text }] };
    }
  }

  /** A registered developer with a token. */
  async developer(name = 'Acme Soft', kind: 'ISV' | 'SELF_DEVELOPING_MERCHANT' = 'ISV'): Promise<{ id: string; token: string }> {
    const id = randomUUID();
    const token = await this.token(Role.DEVELOPER, id);
    const res = await this.post(
      { query: 'mutation($i: RegisterDeveloperInput!) { registerDeveloper(input: $i) { __typename } }', variables: { i: { name, kind } } },
      token,
    );
    if ((res.data as { registerDeveloper: { __typename: string } })?.registerDeveloper.__typename !== 'Developer') throw new Error(`registerDeveloper failed: ${JSON.stringify(res)}`);
    return { id, token };
  }
}

/** A response's data, for a call that must succeed: its errors, if any, fail the test with their text. */
export const data = <T>(res: GqlResponse<unknown>): T => {
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as T;
};

/** The first error's code, for assertions. */
export const errorCode = (res: GqlResponse<unknown>): string | undefined => res.errors?.[0]?.extensions?.code;

/**
 * The code a role gets for an operation it may not run: FORBIDDEN, except for PARTNER, whose
 * text documents are refused by the persisted-document allowlist before any role check.
 */
export const refusedCode = (role: Role): string => (role === Role.PARTNER ? 'PERSISTED_DOCUMENT_REQUIRED' : 'FORBIDDEN');

/** The nodes of a connection's page, in order. */
export const nodes = <N>(connection: { edges: readonly { node: N }[] }): N[] => connection.edges.map((e) => e.node);

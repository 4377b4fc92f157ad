/**
 * The layers (README "Layout"): a request flows resolver → service → rules, and each layer may
 * import only what lies below it. Read from the code with the TypeScript parser, so a new file is
 * checked without editing this test.
 *
 * - Rules (src/domain, src/billing) are pure: no TypeORM, no driver, no GraphQL, no HTTP, and
 *   nothing from the layers above them (db, services, graphql, http, config).
 * - Services know nothing of GraphQL or HTTP.
 * - Resolvers run no query: no TypeORM or driver import, no query builder, repository, manager
 *   or raw `query` call (data comes through services and per-request loaders).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const SRC = __dirname;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return filesUnder(full);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [full] : [];
  });
}

interface Parsed {
  file: string;
  imports: string[];
  calledMembers: string[];
}

function parse(file: string): Parsed {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const imports: string[] = [];
  const calledMembers: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const spec = node.moduleSpecifier.text;
      imports.push(spec.startsWith('.') ? path.relative(SRC, path.resolve(path.dirname(file), spec)) : spec);
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) calledMembers.push(node.expression.name.text);
    if (ts.isPropertyAccessExpression(node) && node.name.text === 'manager') calledMembers.push('manager');
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { file: path.relative(SRC, file), imports, calledMembers };
}

const isPackage = (spec: string, names: string[]) => names.some((n) => spec === n || spec.startsWith(`${n}/`));
const isLayer = (spec: string, layers: string[]) => layers.some((l) => spec === l || spec.startsWith(`${l}/`));

const PERSISTENCE = ['typeorm', 'mysql2'];
const TRANSPORT = ['graphql', 'type-graphql', 'graphql-scalars', '@apollo/server', '@as-integrations/express5', 'express'];

function violations(dirs: string[], check: (p: Parsed) => string[]): string[] {
  return dirs.flatMap((d) => filesUnder(path.join(SRC, d))).map(parse).flatMap((p) => check(p).map((v) => `${p.file}: ${v}`));
}

describe('layers: each imports only what lies below it', () => {
  it('rules (src/domain, src/billing) import no persistence, no transport and no upper layer', () => {
    const found = violations(['domain', 'billing'], (p) =>
      p.imports.filter((spec) => isPackage(spec, [...PERSISTENCE, ...TRANSPORT]) || isLayer(spec, ['db', 'services', 'graphql', 'http', 'config', 'cli'])),
    );
    expect(found).toEqual([]);
  });

  it('services import no GraphQL and no HTTP transport', () => {
    const found = violations(['services'], (p) => p.imports.filter((spec) => isPackage(spec, TRANSPORT) || isLayer(spec, ['graphql', 'http'])));
    expect(found).toEqual([]);
  });

  it('resolvers run no query: no persistence import, no query builder, repository, manager or raw query', () => {
    const found = violations(['graphql/resolvers'], (p) => [
      ...p.imports.filter((spec) => isPackage(spec, PERSISTENCE)),
      ...p.calledMembers.filter((m) => ['query', 'createQueryBuilder', 'getRepository', 'manager', 'transaction'].includes(m)).map((m) => `calls ${m}`),
    ]);
    expect(found).toEqual([]);
  });

  it('the check itself sees imports: this repository has services importing typeorm and resolvers importing services', () => {
    const services = filesUnder(path.join(SRC, 'services')).map(parse);
    expect(services.some((p) => p.imports.includes('typeorm'))).toBe(true);
    const resolvers = filesUnder(path.join(SRC, 'graphql/resolvers')).map(parse);
    expect(resolvers.some((p) => p.imports.some((spec) => spec.startsWith('services/')))).toBe(true);
  });
});

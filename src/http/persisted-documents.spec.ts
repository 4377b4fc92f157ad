import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'graphql';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadPersistedDocuments, normalizeHash, sha256Hex } from './persisted-documents';

const write = (content: unknown): string => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'manifest-')), 'm.json');
  writeFileSync(file, JSON.stringify(content));
  return file;
};

describe('persisted-documents manifest: hash → document, checked at start', () => {
  const doc = 'query A { tags { code } }';

  it('accepts codegen\'s "sha256:<hex>" keys and Apollo\'s bare hex hashes alike', () => {
    const manifest = loadPersistedDocuments([write({ [`sha256:${sha256Hex(doc)}`]: doc })]);
    expect(manifest.get(normalizeHash(`sha256:${sha256Hex(doc)}`)!)).toBe(doc);
    expect(manifest.get(normalizeHash(sha256Hex(doc).toUpperCase())!)).toBe(doc);
  });

  it.each([
    ['a key that is not the sha256 of its document (a swapped document)', { [`sha256:${sha256Hex(doc)}`]: 'mutation { evil }' }, /does not hash to its document/],
    ['a key that is not a sha256 at all', { sha1abc: doc }, /is not "sha256:<hex>"/],
  ])('refuses to start on %s', (_why, content, message) => {
    expect(() => loadPersistedDocuments([write(content)])).toThrow(message);
  });

  it('refuses to start when the manifest is missing, naming the command that writes it', () => {
    expect(() => loadPersistedDocuments(['/nonexistent/persisted-documents.json'])).toThrow(/npm run codegen/);
  });

  it('loads the committed partner manifest, every entry hashing to its document', () => {
    const manifest = loadPersistedDocuments(['src/partner-operations/generated/persisted-documents.json']);
    expect(manifest.size).toBeGreaterThanOrEqual(2);
  });

  it('the committed manifest is current: it holds exactly the operations of src/partner-operations/*.graphql (run `npm run codegen` after editing them)', () => {
    const dir = path.join(__dirname, '..', 'partner-operations');
    const names = (text: string) => parse(text).definitions.flatMap((d) => (d.kind === 'OperationDefinition' && d.name ? [d.name.value] : []));
    const inFiles = readdirSync(dir).filter((f) => f.endsWith('.graphql')).flatMap((f) => names(readFileSync(path.join(dir, f), 'utf8')));
    const manifest = loadPersistedDocuments(['src/partner-operations/generated/persisted-documents.json']);
    expect([...manifest.values()].flatMap(names).sort()).toEqual(inFiles.sort());
  });

  it.each([[42], ['sha256:xyz'], ['abc']])('normalizeHash(%p) is null', (input) => {
    expect(normalizeHash(input)).toBeNull();
  });
});

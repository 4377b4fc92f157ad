import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The project root, to resolve relative manifest paths the same from `src/` and from tests. */
const ROOT = path.resolve(__dirname, '..', '..');

/** A persisted-documents manifest: sha256 hex (lower case, no prefix) → document text. */
export type PersistedDocuments = ReadonlyMap<string, string>;

/** `sha256:<hex>` (codegen's and GraphQL-over-HTTP's form) or a bare hex (Apollo's) → bare hex. */
export function normalizeHash(hash: unknown): string | null {
  if (typeof hash !== 'string') return null;
  const hex = hash.startsWith('sha256:') ? hash.slice('sha256:'.length) : hash;
  return /^[0-9a-f]{64}$/i.test(hex) ? hex.toLowerCase() : null;
}

export const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * Loads the manifests (`npm run codegen` writes the partner one) and checks every entry: each key
 * must be the sha256 of its document, so a hand-edited manifest cannot smuggle another document
 * under a known hash. A missing or broken manifest stops the server from starting.
 */
export function loadPersistedDocuments(paths: readonly string[]): PersistedDocuments {
  const out = new Map<string, string>();
  for (const p of paths) {
    const file = path.isAbsolute(p) ? p : path.join(ROOT, p);
    if (!existsSync(file)) throw new Error(`persisted-documents manifest ${file} is missing: run \`npm run codegen\``);
    const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    for (const [key, doc] of Object.entries(json)) {
      const hex = normalizeHash(key);
      if (hex === null || typeof doc !== 'string') throw new Error(`persisted-documents manifest ${file}: entry "${key}" is not "sha256:<hex>": "<document>"`);
      if (sha256Hex(doc) !== hex) throw new Error(`persisted-documents manifest ${file}: entry ${key} does not hash to its document`);
      out.set(hex, doc);
    }
  }
  return out;
}

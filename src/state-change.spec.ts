/**
 * One way to change state (issue 13, docs/review.md §3 "The state-change helper"): a service
 * method that changes state does it through `change()` (src/services/common/change.ts): lock →
 * pure rule → save → audit entry, in one transaction. This test reads the services with the
 * TypeScript parser and fails when a method opens a transaction of its own (`.transaction(`,
 * `withRetryableTransaction(`, `retryOnLockConflict(`, the driver's `transactionInOneRoundTrip(`) unless the method is listed below with the
 * reason it may. A listed method that no longer opens one fails too, so the list stays exact.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const SERVICES = path.join(__dirname, 'services');

/** `file#method` → why it opens its own transaction. */
const ALLOWED: Readonly<Record<string, string>> = {
  // The helper itself and the retry it builds on.
  'common/change.ts#change': 'the state-change helper: the one place a state change opens its transaction',
  'common/transaction.ts#withRetryableTransaction': 'the retry primitive change() and the batch paths share',
  // Batch jobs: many rows in chunks or shards, each chunk its own transaction; one summary audit entry per run (AuditService.recordSummary).
  'billing/billing-run.service.ts#start': 'billing run: opens a run and its shards (batch job; the run is audited once, runBilling)',
  'billing/billing-run.service.ts#lane': "billing run: a worker's shard loop finishes a shard (batch job)",
  'billing/billing-run.service.ts#writeChunk': "billing run: a shard's bills written in chunks over the driver (batch job)",
  'billing/bill-adjustment.service.ts#adjust': 're-rating billed days after a price change, chunk by chunk (batch job; the price change itself is audited)',
  'billing/account.service.ts#collectArrears': 'arrears collection over every developer in arrears, 200 a chunk (batch job; audited once, collectArrears)',
  'market/order.service.ts#runExpiry': 'the subscription expiry worker: one transaction per due subscription (batch job, no actor)',
  'notification/notification-sweep.service.ts#sweep': 'the notification sweep: due reminders, each its own transaction (batch job, no actor)',
  'notification/notification-sweep.service.ts#balanceEvents': 'the low-balance sweep (batch job, no actor)',
  'notification/outbound.service.ts#claim': 'the delivery worker claims due outbound messages (a queue, not a state change of the portal)',
  'notification/outbound.service.ts#attempt': 'the delivery worker records an attempt (a queue, not a state change of the portal)',
  'common/secret-reseal.service.ts#reseal': 'key rotation re-seals every stored secret, batch by batch (an operations tool)',
  // Ingestion's raw path and the gateway.
  'usage/usage.service.ts#recordUsage': "ingestion's raw path: the gateway's usage batches, merged with raw statements at volume (no actor, no audit by design)",
  'usage/usage.service.ts#applyBatch': "ingestion's raw path, one batch (see recordUsage)",
  'usage/usage.service.ts#grantEmergencyTrafficWhereDue': 'the emergency grant after a usage batch: its own record, notifies the owner (as reportQuotaExhausted)',
  'common/driver-sql.ts#transactionInOneRoundTrip': "the driver-level transaction of ingestion's raw path (one round trip)",
  'quota/quota.service.ts#reportQuotaExhausted': 'the gateway reports an exhausted quota; the emergency grant it may make is its own record and notifies the owner',
};

const OPENERS = new Set(['transaction', 'withRetryableTransaction', 'retryOnLockConflict', 'withDriverTransaction', 'transactionInOneRoundTrip', 'beginTransaction']);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return filesUnder(full);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [full] : [];
  });
}

/** Every `file#method` whose body opens a transaction (the innermost named function or method around the call). */
function transactionOpeners(): string[] {
  const found = new Set<string>();
  for (const file of filesUnder(SERVICES)) {
    const rel = path.relative(SERVICES, file).split(path.sep).join('/');
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node, owner: string | null): void => {
      let here = owner;
      if ((ts.isMethodDeclaration(node) || ts.isFunctionDeclaration(node)) && node.name && ts.isIdentifier(node.name)) here = node.name.text;
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : null;
        // `x.transaction(` on a DataSource; the helpers by name. (`change(` itself is the way in.)
        const opens = name !== null && OPENERS.has(name) && (name !== 'transaction' || ts.isPropertyAccessExpression(callee));
        if (opens) found.add(`${rel}#${here ?? '(top level)'}`);
      }
      // A raw `START TRANSACTION` sent through the driver opens one too.
      if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && /\bSTART TRANSACTION\b/i.test(node.text)) found.add(`${rel}#${here ?? '(top level)'}`);
      ts.forEachChild(node, (child) => visit(child, here));
    };
    visit(source, null);
  }
  return [...found].sort();
}

describe('state changes go through change(): lock → pure rule → save → audit', () => {
  const openers = transactionOpeners();

  it('no service method opens its own transaction unless it is listed with its reason', () => {
    expect(openers.filter((m) => !(m in ALLOWED))).toEqual([]);
  });

  it('every listed method still opens one (the list names no method that was converted or removed)', () => {
    expect(Object.keys(ALLOWED).filter((m) => !openers.includes(m))).toEqual([]);
  });

  it('the check itself sees a transaction: change() opens one and the converted services call it', () => {
    expect(openers).toContain('common/change.ts#change');
    const product = readFileSync(path.join(SERVICES, 'market/product.service.ts'), 'utf8');
    expect(product).toMatch(/change\(this\.ds, this\.audit/);
    expect(openers.some((m) => m.startsWith('market/product.service.ts#'))).toBe(false);
  });
});

import { ProbeOutcome } from '../../domain/market/endpoint.rule';
import { describeOutcome, OutboundHttpClient } from '../../outbound';

/**
 * The market's two outbound calls, both through the guarded outbound client (src/outbound):
 * the HEAD check of a production endpoint when it is saved, and each notification delivery.
 */

/** HEAD `url`, as the endpoint rule sees it. */
export async function probeEndpoint(client: OutboundHttpClient, url: string, timeoutMs: number): Promise<ProbeOutcome> {
  const outcome = await client.send({ method: 'HEAD', url, timeoutMs });
  switch (outcome.kind) {
    case 'ANSWERED':
      return { kind: 'STATUS', status: outcome.status, elapsedMs: outcome.elapsedMs };
    case 'REFUSED':
      return outcome.reason === 'NOT_PUBLIC' ? { kind: 'NOT_PUBLIC' } : { kind: 'UNRESOLVED' };
    case 'FAILED':
      return outcome.reason === 'TIMEOUT' ? { kind: 'TIMEOUT' } : { kind: 'NO_ANSWER' };
  }
}

/**
 * POSTs a notification as JSON. Null when the endpoint answered 2xx; otherwise the text kept as
 * the notification's last error, which the provider reads (`answered 503: <start of its body>`,
 * `no answer within 10 s`, `... not a public address`): never an address or a system error.
 */
export async function deliverJson(client: OutboundHttpClient, url: string, payload: unknown, headers: Record<string, string>, timeoutMs: number): Promise<string | null> {
  const outcome = await client.send({ method: 'POST', url, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(payload), timeoutMs });
  if (outcome.kind !== 'ANSWERED') return describeOutcome(outcome, timeoutMs);
  if (outcome.status >= 200 && outcome.status <= 299) return null;
  return `answered ${outcome.status}${outcome.body ? `: ${outcome.body.slice(0, 300)}` : ''}`;
}

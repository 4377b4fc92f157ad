import { ProbeOutcome } from '../../domain/market/endpoint.rule';
import { describeOutcome, OutboundHttpClient } from '../../outbound';

/**
 * The market's HEAD check of a production endpoint when it is saved, through the guarded outbound
 * client (src/outbound). Notification deliveries go through the outbox (OutboundService).
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

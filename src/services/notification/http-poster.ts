import { describeOutcome, OutboundHttpClient } from '../../outbound';
import { OutboundPoster, PostOutcome } from './outbound.service';
import { EndpointChecker } from './webhook.service';

/** Webhook POSTs through the guarded outbound client: checked at every delivery, no redirect, outcomes without addresses. */
export class HttpPoster implements OutboundPoster, EndpointChecker {
  constructor(private readonly client: OutboundHttpClient) {}

  async post(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<PostOutcome> {
    const outcome = await this.client.send({ method: 'POST', url, headers, body, timeoutMs });
    switch (outcome.kind) {
      case 'ANSWERED':
        return { kind: 'ANSWERED', status: outcome.status, body: outcome.body };
      case 'REFUSED':
        return { kind: 'REFUSED', detail: describeOutcome(outcome, timeoutMs) };
      case 'FAILED':
        return { kind: outcome.reason === 'TIMEOUT' ? 'TIMEOUT' : 'NETWORK', detail: describeOutcome(outcome, timeoutMs) };
    }
  }

  async refusal(url: string): Promise<string | null> {
    const refused = await this.client.refusal(url);
    if (!refused) return null;
    return refused.reason === 'NOT_PUBLIC' ? 'not a public address' : describeOutcome(refused, 0);
  }

  isConfiguredTestHost(hostname: string): boolean {
    return this.client.allowsPrivate(hostname);
  }
}

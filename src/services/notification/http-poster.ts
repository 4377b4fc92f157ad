import { MarketHttpClient } from '../market/market-http';
import { OutboundPoster, PostOutcome } from './outbound.service';
import { EndpointChecker } from './webhook.service';

/** Webhook POSTs through the product's outbound HTTP client; failures in words a developer can act on. */
export class HttpPoster implements OutboundPoster, EndpointChecker {
  constructor(private readonly http: MarketHttpClient) {}

  async post(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<PostOutcome> {
    try {
      // The body is this product's own JSON.stringify output: parsing and re-serialising gives the same bytes that were signed.
      const answer = await this.http.postJson(url, JSON.parse(body), headers, timeoutMs);
      return { kind: 'ANSWERED', status: answer.status };
    } catch (err) {
      if ((err as Error).name === 'TimeoutError') return { kind: 'TIMEOUT', detail: `no answer within ${timeoutMs / 1000} s` };
      return { kind: 'NETWORK', detail: 'could not connect' };
    }
  }

  async refusal(url: string): Promise<string | null> {
    return this.http.publicAddressRefusal(url);
  }

  isConfiguredTestHost(hostname: string): boolean {
    return this.http.isMappedHost(hostname);
  }
}

import { Config } from '../config';
import { mappedResolver, OutboundHttpClient, OutboundOptions } from './outbound-client';

export * from './outbound-client';
export { isPublicAddress } from './address-policy';

/** The process's outbound client from configuration (host overrides, private-host allowlist); `overrides` for tests. */
export function outboundClientFrom(cfg: Config['outbound'], overrides: OutboundOptions = {}): OutboundHttpClient {
  return new OutboundHttpClient({
    resolver: cfg.hostOverrides.size > 0 ? mappedResolver(cfg.hostOverrides) : undefined,
    allowPrivateHosts: cfg.allowPrivateHosts,
    ...overrides,
  });
}

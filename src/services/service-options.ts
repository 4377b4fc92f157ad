import { Config } from '../config';
import { outboundClientFrom } from '../outbound';
import { SecretCipher } from './app/secret-cipher';
import { scheduleOptionsFrom } from './billing/billing-schedule.service';
import { SecretBox } from './common/secret-box';
import { ServiceOptions } from './index';

/**
 * The services' collaborators and settings from the configuration: one place, so the server and
 * the worker process (`npm run worker`) build the same services. `overrides` replaces any of them
 * (the tests pass their own outbound client).
 */
export function serviceOptionsFrom(cfg: Config, overrides: Partial<ServiceOptions> = {}): ServiceOptions {
  return {
    outbound: outboundClientFrom(cfg.outbound),
    // Both keys derive from the one SECRETS_KEY; the older keys open rows sealed before it (docs/platform.md).
    secretBox: new SecretBox(cfg.secrets.webhookKey, cfg.secrets.webhookKeyId, { v1Key: cfg.secrets.key }),
    secretCipher: new SecretCipher(cfg.appSecrets.key, cfg.appSecrets.keyId, cfg.appSecrets.older),
    reviewAtRiskWorkingHours: cfg.review.atRiskWorkingHours,
    quotaSnapshotTtlSeconds: cfg.quotaSnapshotTtlSeconds,
    usageLateWindowDays: cfg.usage.lateRefusals ? cfg.usage.lateWindowDays : null,
    usageQuotaStateMaxAgeSeconds: cfg.usage.quotaStateMaxAgeSeconds,
    billing: cfg.billing,
    schedule: scheduleOptionsFrom(cfg.schedule),
    ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)),
  };
}

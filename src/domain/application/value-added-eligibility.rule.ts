import { AppStatus } from '../app/app.enums';
import { ApplicationChannel } from '../catalog/catalog.enums';
import { check, RuleCheck } from './eligibility';

export interface ValueAddedEligibilityInput {
  appStatus: AppStatus;
  declaredFunctions: readonly string[];
  packageCode: string;
  channel: ApplicationChannel;
  /** The function an app must declare to apply (Wangwang chat history: PERFORMANCE_APPRAISAL). */
  requiredFunction: string | null;
  /** The package is listed as applicable for the app's tag. */
  applicableToTag: boolean;
  /** The app has the package already (tag default or granted). */
  alreadyHeld: boolean;
  /** Pending applications of the app for this package. */
  pendingApplications: number;
}

/**
 * Value-added package eligibility (DOMAIN §2.4): applied for online only when its channel is
 * ONLINE (EMAIL-channel packages are refused separately with the channel and materials); listed
 * as applicable for the app's tag; the app declares the package's required function
 * (Wangwang chat history: PERFORMANCE_APPRAISAL); not held already; none pending; app not SUSPENDED.
 */
export function valueAddedEligibility(input: ValueAddedEligibilityInput): { eligible: boolean; checks: RuleCheck[] } {
  const checks: RuleCheck[] = [
    check('ONLINE_CHANNEL', input.channel === ApplicationChannel.ONLINE, input.channel, 'ONLINE', input.channel === ApplicationChannel.NONE ? 'this package is not applied for: it comes with the tag' : 'applied for in the portal'),
    check('APPLICABLE_TO_TAG', input.applicableToTag, input.applicableToTag ? 'listed' : 'not listed', 'listed for the tag', "the package must be listed as applicable for the app's tag"),
    check(
      'REQUIRED_FUNCTION',
      input.requiredFunction === null || input.declaredFunctions.includes(input.requiredFunction),
      input.declaredFunctions.length ? input.declaredFunctions.join(', ') : 'none declared',
      input.requiredFunction ?? 'none',
      input.requiredFunction ? `only apps declaring ${input.requiredFunction} may apply for ${input.packageCode}` : 'no function required',
    ),
    check('NOT_ALREADY_HELD', !input.alreadyHeld, input.alreadyHeld ? 'held' : 'not held', 'not held', 'the app has this package already'),
    check('NO_PENDING_APPLICATION', input.pendingApplications === 0, String(input.pendingApplications), '0', 'one pending application per package'),
    check('APP_NOT_SUSPENDED', input.appStatus !== AppStatus.SUSPENDED, input.appStatus, 'not SUSPENDED', 'a suspended app applies for nothing'),
  ];
  return { eligible: checks.every((c) => c.passed), checks };
}

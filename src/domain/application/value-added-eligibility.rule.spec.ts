import { AppStatus } from '../app/app.enums';
import { ApplicationChannel } from '../catalog/catalog.enums';
import { valueAddedEligibility, ValueAddedEligibilityInput } from './value-added-eligibility.rule';

// Wangwang chat history (DOMAIN §2.4): online, only for apps declaring PERFORMANCE_APPRAISAL.
const wangwang: ValueAddedEligibilityInput = {
  appStatus: AppStatus.ONLINE,
  declaredFunctions: ['PERFORMANCE_APPRAISAL'],
  packageCode: 'WANGWANG_CHAT_HISTORY',
  channel: ApplicationChannel.ONLINE,
  requiredFunction: 'PERFORMANCE_APPRAISAL',
  applicableToTag: true,
  alreadyHeld: false,
  pendingApplications: 0,
};
const failed = (patch: Partial<ValueAddedEligibilityInput>) =>
  valueAddedEligibility({ ...wangwang, ...patch })
    .checks.filter((c) => !c.passed)
    .map((c) => c.rule);

describe('value-added package eligibility (DOMAIN §2.4)', () => {
  it.each<[string, Partial<ValueAddedEligibilityInput>, string[]]>([
    ['an app declaring PERFORMANCE_APPRAISAL applies for Wangwang chat history', {}, []],
    ['an app not declaring it is refused at once', { declaredFunctions: ['ORDER_MANAGEMENT'] }, ['REQUIRED_FUNCTION']],
    ['a package that comes with the tag (channel NONE)', { channel: ApplicationChannel.NONE, requiredFunction: null }, ['ONLINE_CHANNEL']],
    ['a package not applicable to the tag (XTAO_SITE lists none)', { applicableToTag: false }, ['APPLICABLE_TO_TAG']],
    ['a package held already', { alreadyHeld: true }, ['NOT_ALREADY_HELD']],
    ['a pending application for it', { pendingApplications: 1 }, ['NO_PENDING_APPLICATION']],
    ['a suspended app', { appStatus: AppStatus.SUSPENDED }, ['APP_NOT_SUSPENDED']],
  ])('%s', (_why, patch, expected) => {
    expect(failed(patch)).toEqual(expected);
  });
});

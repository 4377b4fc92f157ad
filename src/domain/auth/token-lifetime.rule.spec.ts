import { checkTokenTimes, formatDuration, parseDuration } from './token-lifetime.rule';

const NOW = 1_795_000_000; // 2026-11-19T…Z, any fixed second
const H = 3_600;
const DAY = 86_400;
const TOL = 30;

describe('token times: exp required, lifetime capped per role, nbf not in the future (tolerance 30 s)', () => {
  it.each<[string, { exp?: unknown; iat?: unknown; nbf?: unknown }, number, RegExp | null]>([
    ['12 h token, cap 24 h', { iat: NOW, exp: NOW + 12 * H }, DAY, null],
    ['exactly the 24 h cap', { iat: NOW, exp: NOW + DAY }, DAY, null],
    ['24 h + 30 s (within tolerance)', { iat: NOW, exp: NOW + DAY + 30 }, DAY, null],
    ['24 h + 31 s over a 24 h cap', { iat: NOW, exp: NOW + DAY + 31 }, DAY, /longer than the 24h this role allows/],
    ['30 days for a 30-day cap (partner, gateway)', { iat: NOW, exp: NOW + 30 * DAY }, 30 * DAY, null],
    ['31 days for a 30-day cap', { iat: NOW, exp: NOW + 31 * DAY }, 30 * DAY, /longer than the 30d/],
    ['issued 20 h ago, 4 h left of 24', { iat: NOW - 20 * H, exp: NOW + 4 * H }, DAY, null],
    ['no iat: counted from now (10 h left)', { exp: NOW + 10 * H }, DAY, null],
    ['no iat: a year from now', { exp: NOW + 365 * DAY }, DAY, /longer than/],
    ['no exp', { iat: NOW }, DAY, /"exp" is required/],
    ['exp not a number', { iat: NOW, exp: '2099-01-01' }, DAY, /"exp" is required/],
    ['expired 31 s ago', { iat: NOW - H, exp: NOW - 31 }, DAY, /expired/],
    ['expired 10 s ago (within tolerance)', { iat: NOW - H, exp: NOW - 10 }, DAY, null],
    ['nbf in 31 s', { iat: NOW, nbf: NOW + 31, exp: NOW + H }, DAY, /not valid yet/],
    ['nbf in 20 s (within tolerance)', { iat: NOW, nbf: NOW + 20, exp: NOW + H }, DAY, null],
    ['nbf an hour ago', { iat: NOW - H, nbf: NOW - H, exp: NOW + H }, DAY, null],
    ['iat in the future (would shorten the measured lifetime)', { iat: NOW + 10 * DAY, exp: NOW + 10 * DAY + H }, DAY, /"iat" lies in the future/],
    ['nbf late does not stretch the cap: iat now, nbf +23 h, exp +25 h', { iat: NOW, nbf: NOW + 23 * H, exp: NOW + 25 * H }, DAY, /not valid yet/],
  ])('%s', (_what, times, cap, expected) => {
    const reason = checkTokenTimes(times, NOW, cap, TOL);
    if (expected === null) expect(reason).toBeNull();
    else expect(reason).toMatch(expected);
  });

  it('durations: seconds, minutes, hours, days', () => {
    expect([parseDuration('90'), parseDuration('90s'), parseDuration('15m'), parseDuration('24h'), parseDuration('30d'), parseDuration('1w'), parseDuration('-1h')]).toEqual([90, 90, 900, 86_400, 2_592_000, null, null]);
    expect([formatDuration(86_400), formatDuration(2_592_000), formatDuration(90), formatDuration(43_200)]).toEqual(['24h', '30d', '90s', '12h']);
  });
});

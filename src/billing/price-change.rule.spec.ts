import { checkPriceChange } from './retroactive.rule';

describe('a price change and the days already billed (issue 17)', () => {
  it('a Taobao list from 2026-11-15 when 2026-11-19 is billed is refused ALREADY_BILLED, unless re-rated', () => {
    const c = { firstAffected: '2026-11-15', lastBilled: [{ platform: 'TAOBAO', day: '2026-11-19' }], field: 'effectiveFrom' };
    expect(checkPriceChange({ ...c, rerate: false })).toMatchObject({ ok: false, refusal: { kind: 'ALREADY_BILLED', field: 'effectiveFrom', platform: 'TAOBAO', firstAffectedDay: '2026-11-15', lastBilledDay: '2026-11-19' } });
    expect(checkPriceChange({ ...c, rerate: true })).toEqual({ ok: true, value: { firstAffectedDay: '2026-11-15', lastBilledDay: '2026-11-19' } });
  });

  it('a change after the last billed day, or with nothing billed, reaches nothing', () => {
    expect(checkPriceChange({ firstAffected: '2026-11-20', lastBilled: [{ platform: 'TAOBAO', day: '2026-11-19' }], field: 'effectiveFrom', rerate: false })).toEqual({ ok: true, value: null });
    expect(checkPriceChange({ firstAffected: '2026-11-01', lastBilled: [{ platform: 'DOUYIN', day: null }], field: 'validFrom', rerate: false })).toEqual({ ok: true, value: null });
  });

  it('a coupon moved from Taobao to Douyin is checked on both; the re-rate reaches back to the later billed day', () => {
    const lastBilled = [
      { platform: 'DOUYIN', day: '2026-10-31' },
      { platform: 'TAOBAO', day: '2026-11-19' },
    ];
    expect(checkPriceChange({ firstAffected: '2026-10-01', lastBilled, field: 'validFrom', rerate: false })).toMatchObject({ ok: false, refusal: { platform: 'DOUYIN' } });
    expect(checkPriceChange({ firstAffected: '2026-10-01', lastBilled, field: 'validFrom', rerate: true })).toEqual({ ok: true, value: { firstAffectedDay: '2026-10-01', lastBilledDay: '2026-11-19' } });
  });
});

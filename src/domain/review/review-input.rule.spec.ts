import { checkMessage, checkSubmission } from './review-input.rule';
import { ReviewDecision } from './review.enums';

const clean = { name: 'Order Helper', description: 'Syncs orders', logoUrl: 'https://cdn.example.com/logo.png', callbackUrl: 'https://example.com/cb' };
const rules = (v: { field: string; rule: string }[]) => v.map((x) => `${x.field}:${x.rule}`);

describe('checkSubmission (DOMAIN §3): brand words taobao/alibaba/hitao/tmall in any case, in any of four fields; http(s) callback', () => {
  it('a clean app passes', () => expect(checkSubmission(clean)).toEqual([]));
  it.each([
    [{ name: 'TaoBao Helper' }, 'name:BRAND_WORD', 'mixed case in the name'],
    [{ description: 'works with TMALL stores' }, 'description:BRAND_WORD', 'upper case in the description'],
    [{ logoUrl: 'https://alibaba-cdn.example.com/x.png' }, 'logoUrl:BRAND_WORD', 'inside the logo host'],
    [{ callbackUrl: 'https://example.com/hitao/cb' }, 'callbackUrl:BRAND_WORD', 'inside the callback path'],
    [{ callbackUrl: 'ftp://example.com/cb' }, 'callbackUrl:NOT_HTTP_URL', 'non-http(s) scheme'],
    [{ callbackUrl: 'javascript:alert(1)' }, 'callbackUrl:NOT_HTTP_URL', 'script scheme'],
  ])('%j → %s (%s)', (patch, expected, _why) => {
    expect(rules(checkSubmission({ ...clean, ...patch }))).toEqual([expected]);
  });
  it('every failing field is named at once', () => {
    expect(rules(checkSubmission({ name: 'Tmall tool', description: 'taobao', logoUrl: null, callbackUrl: 'ftp://alibaba.com' }))).toEqual([
      'name:BRAND_WORD',
      'description:BRAND_WORD',
      'callbackUrl:BRAND_WORD',
      'callbackUrl:NOT_HTTP_URL',
    ]);
  });
  it('no callback URL is not refused (DOMAIN names only its scheme)', () => expect(checkSubmission({ ...clean, callbackUrl: null })).toEqual([]));
});

describe('checkMessage: 1 to 2,000 characters after trimming', () => {
  it.each([
    ['I cannot understand the reason', []],
    ['  ', ['message:REQUIRED']],
    ['x'.repeat(2001), ['message:TOO_LONG']],
  ])('%#', (body, expected) => expect(rules(checkMessage(body))).toEqual(expected));
});

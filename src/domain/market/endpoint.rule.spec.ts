import { checkEndpointUrl, checkProbe, ProbeOutcome } from './endpoint.rule';

const rules = (vs: { rule: string }[]) => vs.map((v) => v.rule);

describe('production endpoint, static part (http/https, a domain, not an IP)', () => {
  it.each([
    ['https://isv.example.com/produce', []],
    ['http://isv.example.com:8080/produce', []],
    ['ftp://isv.example.com/produce', ['NOT_HTTP_URL']],
    ['isv.example.com/produce', ['NOT_HTTP_URL']],
    ['http://10.1.2.3/produce', ['IP_ADDRESS']],
    ['http://127.0.0.1:8080/produce', ['IP_ADDRESS']],
    ['http://[::1]:8080/produce', ['IP_ADDRESS']],
    ['https://[2001:db8::1]/produce', ['IP_ADDRESS']],
    ['http://intranet/produce', ['NOT_A_DOMAIN']],
  ])('%s → %j', (url, expected) => {
    expect(rules(checkEndpointUrl(url))).toEqual(expected);
  });
});

describe('production endpoint, live part (HEAD answers 200–500 within 2 s)', () => {
  it.each<[ProbeOutcome, string[]]>([
    [{ kind: 'STATUS', status: 200, elapsedMs: 30 }, []],
    [{ kind: 'STATUS', status: 302, elapsedMs: 30 }, []],
    [{ kind: 'STATUS', status: 404, elapsedMs: 30 }, []],
    [{ kind: 'STATUS', status: 500, elapsedMs: 1999 }, []],
    [{ kind: 'STATUS', status: 501, elapsedMs: 30 }, ['ENDPOINT_BAD_STATUS']],
    [{ kind: 'STATUS', status: 503, elapsedMs: 30 }, ['ENDPOINT_BAD_STATUS']],
    [{ kind: 'STATUS', status: 199, elapsedMs: 30 }, ['ENDPOINT_BAD_STATUS']],
    [{ kind: 'STATUS', status: 200, elapsedMs: 2001 }, ['ENDPOINT_TIMEOUT']],
    [{ kind: 'TIMEOUT' }, ['ENDPOINT_TIMEOUT']],
    [{ kind: 'NO_ANSWER' }, ['ENDPOINT_UNREACHABLE']],
    [{ kind: 'NOT_PUBLIC' }, ['ENDPOINT_NOT_PUBLIC']],
    [{ kind: 'UNRESOLVED' }, ['ENDPOINT_UNRESOLVED']],
  ])('%j → %j', (outcome, expected) => {
    expect(rules(checkProbe(outcome))).toEqual(expected);
  });
});

describe('production endpoint refusals carry no address, port state or system error', () => {
  it.each<ProbeOutcome>([{ kind: 'NO_ANSWER' }, { kind: 'NOT_PUBLIC' }, { kind: 'UNRESOLVED' }, { kind: 'TIMEOUT' }])('%j', (outcome) => {
    const [v] = checkProbe(outcome) as { message: string }[];
    expect(v.message).not.toMatch(/\d+\.\d+\.\d+\.\d+|::|ECONN|EHOST|ENOTFOUND|EAI_|refused|:\d{2,5}\b/i);
  });
});

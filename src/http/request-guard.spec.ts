import { requestErrorAnswer } from './request-guard';

describe('requestErrorAnswer: every body-parser failure answers a status and a code (never an HTML page)', () => {
  it.each<[string, { status?: number; type?: string }, number, string]>([
    ['body over the limit', { status: 413, type: 'entity.too.large' }, 413, 'PAYLOAD_TOO_LARGE'],
    ['malformed JSON', { status: 400, type: 'entity.parse.failed' }, 400, 'BAD_REQUEST'],
    ['content-encoding: br2', { status: 415, type: 'encoding.unsupported' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['charset=latin1', { status: 415, type: 'charset.unsupported' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['aborted upload', { status: 400, type: 'request.aborted' }, 400, 'BAD_REQUEST'],
    ['content-length mismatch', { status: 400, type: 'request.size.invalid' }, 400, 'BAD_REQUEST'],
    ['another 4xx', { status: 404 }, 404, 'BAD_REQUEST'],
    ['a bug', {}, 500, 'INTERNAL_SERVER_ERROR'],
  ])('%s → %d %s', (_name, err, status, code) => {
    expect(requestErrorAnswer(err, '100kb')).toMatchObject({ status, code });
  });
});

import { describe, expect, it } from 'vitest';
import {
  errorFromResponse,
  FieldError,
  InvalidSessionError,
  NotFoundError,
  PreconditionFailedError,
  ProtocolError,
  RequestLimitExceededError,
  TransientError,
} from './errors.ts';
import { parseLimitInfo } from './limits.ts';

const item = (errorCode: string, fields: string[] = []) => [{ message: `m ${errorCode}`, errorCode, fields }];

describe('errors from Salesforce answers', () => {
  it('maps the documented status codes to typed errors', () => {
    expect(errorFromResponse(401, item('INVALID_SESSION_ID'), undefined)).toBeInstanceOf(InvalidSessionError);
    const limited = errorFromResponse(403, item('REQUEST_LIMIT_EXCEEDED'), { used: 15000, max: 15000 });
    expect(limited).toBeInstanceOf(RequestLimitExceededError);
    expect((limited as RequestLimitExceededError).limits).toEqual({ used: 15000, max: 15000 });
    expect(errorFromResponse(412, item('PRECONDITION_FAILED'), undefined)).toBeInstanceOf(PreconditionFailedError);
    expect(errorFromResponse(404, item('NOT_FOUND'), undefined)).toMatchObject({ deleted: false });
    expect(errorFromResponse(404, item('ENTITY_IS_DELETED'), undefined)).toEqual(expect.objectContaining({ deleted: true }));
    expect(errorFromResponse(404, item('ENTITY_IS_DELETED'), undefined)).toBeInstanceOf(NotFoundError);
    expect(errorFromResponse(503, '<html>down</html>', undefined)).toMatchObject({ retryable: true, maybeCommitted: false });
    expect(errorFromResponse(503, undefined, undefined)).toBeInstanceOf(TransientError);
    expect(errorFromResponse(302, '', undefined)).toBeInstanceOf(ProtocolError);
  });

  it('keeps every field of a field or permission error', () => {
    const error = errorFromResponse(400, [...item('REQUIRED_FIELD_MISSING', ['ContactId']), ...item('INVALID_FIELD', ['Role', 'ContactId'])], undefined);
    expect(error).toBeInstanceOf(FieldError);
    expect(error).toMatchObject({ errorCode: 'REQUIRED_FIELD_MISSING', fields: ['ContactId', 'Role'], retryable: false });
    expect(errorFromResponse(403, item('INSUFFICIENT_ACCESS'), undefined)).toMatchObject({ errorCode: 'INSUFFICIENT_ACCESS' });
  });

  it('reads Sforce-Limit-Info', () => {
    expect(parseLimitInfo('api-usage=18/15000')).toEqual({ used: 18, max: 15000 });
    expect(parseLimitInfo('api-usage=18/15000, per-app-api-usage=17/250(appName=x)')).toEqual({ used: 18, max: 15000 });
    expect(parseLimitInfo(null)).toBeUndefined();
  });
});

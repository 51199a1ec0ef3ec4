// Typed errors from Salesforce answers, so callers (the outbox sender, the read-back) decide by
// class: refresh / sign in again, back off, park for the user, show a conflict, mark deleted,
// retry later. [Status Codes and Error Responses] error bodies are `[{message, errorCode, fields}]`.
import { z } from '@/lib/zod/mini';
import type { ApiLimits } from './limits.ts';

export const errorBodySchema = z.array(z.object({ message: z.string(), errorCode: z.string(), fields: z.optional(z.array(z.string())) }));
export type SalesforceErrorItem = z.infer<typeof errorBodySchema>[number];

export abstract class SalesforceError extends Error {
  abstract readonly retryable: boolean;
}

/** 401 INVALID_SESSION_ID (after one refresh), or a refresh that failed: the user must sign in again. */
export class InvalidSessionError extends SalesforceError {
  override readonly name = 'InvalidSessionError';
  readonly retryable = false;
}

/** 403 REQUEST_LIMIT_EXCEEDED: the org's API allowance is spent; back off (for hours, not seconds). */
export class RequestLimitExceededError extends SalesforceError {
  override readonly name = 'RequestLimitExceededError';
  readonly retryable = true;
  constructor(message: string, readonly limits: ApiLimits | undefined) {
    super(message);
  }
}

/**
 * A 400 or 403 the user (or an admin) must fix: a field, picklist, permission or duplicate
 * error. `errorCode` and `fields` are the first error's; `errors` has them all.
 */
export class FieldError extends SalesforceError {
  override readonly name = 'FieldError';
  readonly retryable = false;
  readonly errorCode: string;
  readonly fields: string[];
  constructor(readonly status: number, readonly errors: SalesforceErrorItem[]) {
    super(errors.map((e) => e.message).join(' ') || `Salesforce answered ${status}`);
    this.errorCode = errors[0]?.errorCode ?? 'UNKNOWN';
    this.fields = [...new Set(errors.flatMap((e) => e.fields ?? []))];
  }
}

/** 412 on If-Unmodified-Since: someone changed the record since it was read; show a conflict. */
export class PreconditionFailedError extends SalesforceError {
  override readonly name = 'PreconditionFailedError';
  readonly retryable = false;
}

/** 404: the record does not exist or is not visible; `deleted` when Salesforce says ENTITY_IS_DELETED. */
export class NotFoundError extends SalesforceError {
  override readonly name = 'NotFoundError';
  readonly retryable = false;
  constructor(message: string, readonly deleted: boolean) {
    super(message);
  }
}

/**
 * 5xx, a timeout or a network failure: try again later. `maybeCommitted` when a write was sent
 * but no answer came back — it may have been committed, so look for it before resending.
 */
export class TransientError extends SalesforceError {
  override readonly name = 'TransientError';
  readonly retryable = true;
  constructor(message: string, readonly status: number | undefined, readonly maybeCommitted: boolean, options?: ErrorOptions) {
    super(message, options);
  }
}

/** An answer that is not what the documented API gives (wrong shape, a redirect): a bug, not data. */
export class ProtocolError extends SalesforceError {
  override readonly name = 'ProtocolError';
  readonly retryable = false;
}

/** An OAuth endpoint's `{error, error_description}`: `invalid_grant` means sign in again. */
export class OAuthError extends SalesforceError {
  override readonly name = 'OAuthError';
  readonly retryable = false;
  constructor(readonly error: string, readonly description: string, readonly status: number) {
    super(`${error}: ${description}`);
  }
}

/** The typed error for a non-2xx data API answer. */
export function errorFromResponse(status: number, body: unknown, limits: ApiLimits | undefined): SalesforceError {
  const parsed = errorBodySchema.safeParse(body);
  const errors = parsed.success ? parsed.data : [];
  const first = errors[0];
  const message = first?.message ?? `Salesforce answered ${status}`;
  if (status === 401) return new InvalidSessionError(message);
  if (status === 403 && first?.errorCode === 'REQUEST_LIMIT_EXCEEDED') return new RequestLimitExceededError(message, limits);
  if (status === 412) return new PreconditionFailedError(message);
  if (status === 404) return new NotFoundError(message, errors.some((e) => e.errorCode === 'ENTITY_IS_DELETED'));
  if (status >= 500 || status === 408 || status === 429) return new TransientError(message, status, false);
  if ((status === 400 || status === 403) && errors.length > 0) return new FieldError(status, errors);
  return new ProtocolError(`Unexpected Salesforce answer ${status}: ${message}`);
}

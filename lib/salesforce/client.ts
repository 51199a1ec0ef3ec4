// A small Salesforce REST client: create / get / update (with If-Unmodified-Since) / delete /
// describe / query with paging / composite, over an injected fetch and a token source. It
// refreshes once on 401 INVALID_SESSION_ID and retries once [Query for User Information]; it
// keeps the last Sforce-Limit-Info [Limit Info Header]; every other failure becomes a typed
// error (errors.ts). No retry loops: the outbox sender owns backoff.
import { z } from '@/lib/zod/mini';
import { SALESFORCE_API_VERSION } from './api-version.ts';
import { httpDate, parseApiDateTime } from './datetime.ts';
import {
  errorBodySchema,
  errorFromResponse,
  InvalidSessionError,
  OAuthError,
  ProtocolError,
  TransientError,
  type SalesforceError,
} from './errors.ts';
import { instanceOrigin } from './hosts.ts';
import { assertSalesforceId, assertSObjectType } from '@/lib/domain/salesforce-ids';
import { parseLimitInfo, type ApiLimits } from './limits.ts';

export interface AccessGrant {
  accessToken: string;
  /** The org's instance origin; checked again before each call (it may come from storage). */
  instanceUrl: string;
}

/** Where the client gets tokens; storage and sharing one refresh between concurrent calls are its job. */
export interface TokenSource {
  current(): Promise<AccessGrant>;
  /** A new access token (the refresh grant). Throws OAuthError `invalid_grant` when the user must sign in again. */
  refresh(): Promise<AccessGrant>;
}

export interface ClientOptions {
  fetch: typeof fetch;
  tokens: TokenSource;
  /** A call that takes longer is abandoned as transient (default 60 s). */
  timeoutMs?: number;
}

const recordSchema = z.record(z.string(), z.unknown());
export type SObjectRecord = z.infer<typeof recordSchema>;

const createdSchema = z.object({ id: z.string(), success: z.literal(true) });
const queryPageSchema = z.object({
  totalSize: z.number(),
  done: z.boolean(),
  nextRecordsUrl: z.optional(z.string()),
  records: z.array(recordSchema),
});
export type QueryPage = z.infer<typeof queryPageSchema>;

const describeSchema = z.object({
  name: z.string(),
  fields: z.array(z.object({
    name: z.string(),
    type: z.string(),
    picklistValues: z._default(z.array(z.object({ value: z.string(), label: z.string(), active: z.boolean() })), []),
  })),
});
export type SObjectDescribe = z.infer<typeof describeSchema>;

const compositeSchema = z.object({
  compositeResponse: z.array(z.object({
    body: z.unknown(),
    httpHeaders: z._default(z.record(z.string(), z.string()), {}),
    httpStatusCode: z.number(),
    referenceId: z.string(),
  })),
});

export interface CompositeSubrequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** A data API path, e.g. `${dataPath}/sobjects/ContentNote`; `@{ref.id}` refers to an earlier subrequest. */
  url: string;
  referenceId: string;
  body?: unknown;
  httpHeaders?: Record<string, string>;
}

export interface CompositeResult {
  referenceId: string;
  status: number;
  body: unknown;
  /** The typed error for a failed subrequest (PROCESSING_HALTED ones included). */
  error: SalesforceError | undefined;
}

/** The data API's base path for the pinned version. */
export const dataPath = `/services/data/${SALESFORCE_API_VERSION}`;

// [Query More Results] nextRecordsUrl is a path on the instance; anything else is refused so a
// hostile answer cannot point the next call (with the token) at another host.
const NEXT_RECORDS = /^\/services\/data\/v\d+\.\d\/query\/[A-Za-z0-9-]+$/;

// [Composite] at most 25 subrequests.
const COMPOSITE_MAX = 25;

interface SendInit {
  body?: unknown;
  headers?: Record<string, string>;
}

export class SalesforceClient {
  #limits: ApiLimits | undefined;

  constructor(private readonly options: ClientOptions) {}

  /** The org's API usage from the last answer that carried Sforce-Limit-Info. */
  get limits(): ApiLimits | undefined {
    return this.#limits;
  }

  /** Creates a record; resolves with its id. */
  async create(type: string, fields: Record<string, unknown>): Promise<string> {
    const res = await this.#send('POST', `${dataPath}/sobjects/${assertSObjectType(type)}`, { body: fields });
    return parse(createdSchema, await res.json()).id;
  }

  async get(type: string, id: string, fields?: string[]): Promise<SObjectRecord> {
    const query = fields ? `?fields=${encodeURIComponent(fields.join(','))}` : '';
    const res = await this.#send('GET', `${this.#recordPath(type, id)}${query}`);
    return parse(recordSchema, await res.json());
  }

  /**
   * Updates a record. With `ifUnmodifiedSince` (the LastModifiedDate read earlier) a concurrent
   * change answers 412 → PreconditionFailedError instead of being overwritten.
   * [Conditional Request Headers] the header is an HTTP-date, not the API's ISO format.
   */
  async update(type: string, id: string, fields: Record<string, unknown>, { ifUnmodifiedSince }: { ifUnmodifiedSince?: string } = {}): Promise<void> {
    const headers = ifUnmodifiedSince ? { 'if-unmodified-since': httpDate(parseApiDateTime(ifUnmodifiedSince)) } : undefined;
    await this.#send('PATCH', this.#recordPath(type, id), { body: fields, headers });
  }

  async delete(type: string, id: string): Promise<void> {
    await this.#send('DELETE', this.#recordPath(type, id));
  }

  async describe(type: string): Promise<SObjectDescribe> {
    const res = await this.#send('GET', `${dataPath}/sobjects/${assertSObjectType(type)}/describe`);
    return parse(describeSchema, await res.json());
  }

  /** [ContentNote] a note's body (HTML); reading `Content` through a query only gives this URL. */
  async contentNoteBody(id: string): Promise<string> {
    const res = await this.#send('GET', `${this.#recordPath('ContentNote', id)}/Content`);
    return res.text();
  }

  /**
   * Every page of a query, one call each [Query More Results]. `batchSize` (200–2000) is a hint
   * Salesforce may not follow exactly.
   */
  async *queryPages(soql: string, { batchSize }: { batchSize?: number } = {}): AsyncGenerator<QueryPage> {
    const headers = batchSize ? { 'sforce-query-options': `batchSize=${batchSize}` } : undefined;
    let path: string | undefined = `${dataPath}/query?q=${encodeURIComponent(soql)}`;
    while (path) {
      const res = await this.#send('GET', path, { headers });
      const page = parse(queryPageSchema, await res.json());
      yield page;
      if (page.done) return;
      if (!page.nextRecordsUrl || !NEXT_RECORDS.test(page.nextRecordsUrl)) throw new ProtocolError('A query page without a usable nextRecordsUrl');
      path = page.nextRecordsUrl;
    }
  }

  /** All records of a query, following nextRecordsUrl until done. */
  async query(soql: string, options: { batchSize?: number } = {}): Promise<SObjectRecord[]> {
    const records: SObjectRecord[] = [];
    for await (const page of this.queryPages(soql, options)) records.push(...page.records);
    return records;
  }

  /**
   * One call for up to 25 subrequests [Composite]. With `allOrNone` one failure rolls back all
   * (the others answer PROCESSING_HALTED); without it, each result stands alone. Per-subrequest
   * failures are in the results, not thrown; the request as a whole fails as any call does.
   */
  async composite(subrequests: CompositeSubrequest[], { allOrNone }: { allOrNone: boolean }): Promise<CompositeResult[]> {
    if (subrequests.length === 0 || subrequests.length > COMPOSITE_MAX) throw new RangeError(`A composite request has 1–${COMPOSITE_MAX} subrequests`);
    for (const sub of subrequests) {
      if (!sub.url.startsWith(`${dataPath}/`)) throw new RangeError(`A composite subrequest stays on ${dataPath}: ${sub.url}`);
    }
    const res = await this.#send('POST', `${dataPath}/composite`, { body: { allOrNone, compositeRequest: subrequests } });
    return parse(compositeSchema, await res.json()).compositeResponse.map((r) => ({
      referenceId: r.referenceId,
      status: r.httpStatusCode,
      body: r.body,
      error: r.httpStatusCode >= 400 ? errorFromResponse(r.httpStatusCode, r.body, this.#limits) : undefined,
    }));
  }

  #recordPath(type: string, id: string): string {
    return `${dataPath}/sobjects/${assertSObjectType(type)}/${assertSalesforceId(id)}`;
  }

  async #send(method: string, path: string, init: SendInit = {}): Promise<Response> {
    let res = await this.#fetchOnce(await this.options.tokens.current(), method, path, init);
    if (res.status === 401 && (await isInvalidSession(res))) {
      res = await this.#fetchOnce(await this.#refresh(), method, path, init);
    }
    if (res.ok) return res;
    const body: unknown = await res.json().catch(() => undefined);
    throw errorFromResponse(res.status, body, this.#limits);
  }

  async #refresh(): Promise<AccessGrant> {
    try {
      return await this.options.tokens.refresh();
    } catch (error) {
      if (error instanceof OAuthError && error.error === 'invalid_grant') throw new InvalidSessionError('Sign in to Salesforce again', { cause: error });
      throw error;
    }
  }

  async #fetchOnce(grant: AccessGrant, method: string, path: string, { body, headers }: SendInit): Promise<Response> {
    // Checked outside the try: a host that is not Salesforce is refused, not "transient".
    const url = instanceOrigin(grant.instanceUrl) + path;
    let res: Response;
    try {
      res = await this.options.fetch(url, {
        method,
        headers: {
          authorization: `Bearer ${grant.accessToken}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        // The data API does not redirect: a redirect is answered as a protocol error, never followed.
        redirect: 'manual',
        credentials: 'omit',
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 60_000),
      });
    } catch (error) {
      // A write whose answer never came may have been committed ("a POST whose reply was lost").
      throw new TransientError(`Salesforce could not be reached (${method})`, undefined, method !== 'GET', { cause: error });
    }
    this.#limits = parseLimitInfo(res.headers.get('sforce-limit-info')) ?? this.#limits;
    return res;
  }
}

async function isInvalidSession(res: Response): Promise<boolean> {
  const parsed = errorBodySchema.safeParse(await res.clone().json().catch(() => undefined));
  return parsed.success && parsed.data.some((e) => e.errorCode === 'INVALID_SESSION_ID');
}

function parse<T>(schema: z.ZodMiniType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ProtocolError('A Salesforce answer is not in the documented shape');
  return parsed.data;
}

// A local stand-in for the parts of Salesforce the extension talks to (issue 15): OAuth
// authorize / token / revoke with PKCE, sObject create / get / update / delete / describe,
// SOQL for the read-back shapes, paging, composite. It follows Salesforce's documented
// behaviour as collected in the team's CRM references (crm-references.md, "Salesforce
// write-back"); each piece names the Salesforce page it follows in brackets. Anything not listed answers 404 like an unknown resource.
//
// Host names: under the e2e host-resolver mapping the browser sends the real Host header.
// Node's fetch cannot set Host, so the unit tests' fetch (`server.fetch`) rewrites the URL to
// this server and passes the original host in X-Forwarded-Host, which the server then treats
// as the Host. The data API answers only on the org's instance host; OAuth answers on the
// login hosts and on the instance (My Domain) host.
import http from 'node:http';
import https from 'node:https';
import { createHash, randomBytes } from 'node:crypto';

// The platform's fetch, taken at load: a test may put `server.fetch` in the global's place.
const platformFetch = globalThis.fetch;

const DEFAULT_INSTANCE = 'https://iron-triangle-dev.my.salesforce.com';
const LOGIN_HOSTS = ['login.salesforce.com', 'test.salesforce.com'];
const DEFAULT_PAGE = 2000;

// [Status Codes and Error Responses] the common bodies, as Salesforce words them.
const INVALID_SESSION = { message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' };
const NOT_FOUND = { message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' };

// 18-character ids: a 15-character case-sensitive id plus the documented 3-character
// case-insensitive suffix (one bit per upper-case letter in each block of five).
const KEY_PREFIX = {
  ContentNote: '069', ContentDocumentLink: '06A', OpportunityContactRole: '00K', OpportunityTeamMember: '00q',
  Opportunity: '006', Contact: '003', User: '005', Organization: '00D', QueryLocator: '01g',
};
const ID_SUFFIX_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
let idCounter = 0;
function makeId(type) {
  const serial = (++idCounter).toString(36).padStart(6, '0');
  const base = (KEY_PREFIX[type] + 'Rs0' + 'Zx' + serial).slice(0, 15).padEnd(15, '0');
  let suffix = '';
  for (let block = 0; block < 3; block++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) if (/[A-Z]/.test(base[block * 5 + i])) bits |= 1 << i;
    suffix += ID_SUFFIX_CHARS[bits];
  }
  return base + suffix;
}

// The objects the stand-in knows. `create` lists the fields a client may set; `update` the
// ones it may change; `required` must be present on create; `refs` are lookups whose target
// must exist. Read-only types (User, Contact, Opportunity) are seeded by the tests.
const SCHEMA = {
  // [ContentNote] only Title and Content can be updated; FileType is always SNOTE.
  ContentNote: {
    create: ['Title', 'Content', 'OwnerId'], update: ['Title', 'Content'], required: ['Title'],
    read: ['FileType', 'TextPreview', 'LatestPublishedVersionId', 'ContentSize'],
  },
  // [ContentDocumentLink] no CreatedDate / LastModifiedDate; SystemModstamp only.
  ContentDocumentLink: {
    create: ['ContentDocumentId', 'LinkedEntityId', 'ShareType', 'Visibility'], update: ['ShareType', 'Visibility'],
    required: ['ContentDocumentId', 'LinkedEntityId'], refs: { ContentDocumentId: 'ContentNote', LinkedEntityId: null },
    noAuditDates: true,
  },
  OpportunityContactRole: {
    create: ['OpportunityId', 'ContactId', 'Role', 'IsPrimary'], update: ['Role', 'IsPrimary'],
    required: ['OpportunityId', 'ContactId'], refs: { OpportunityId: 'Opportunity', ContactId: 'Contact' },
    picklists: { Role: 'OpportunityContactRole.Role' },
  },
  // [OpportunityTeamMember] OpportunityAccessLevel Read / Edit / All.
  OpportunityTeamMember: {
    create: ['OpportunityId', 'UserId', 'TeamMemberRole', 'OpportunityAccessLevel'], update: ['TeamMemberRole', 'OpportunityAccessLevel'],
    required: ['OpportunityId', 'UserId'], refs: { OpportunityId: 'Opportunity', UserId: 'User' },
    picklists: { TeamMemberRole: 'OpportunityTeamMember.TeamMemberRole', OpportunityAccessLevel: 'OpportunityTeamMember.OpportunityAccessLevel' },
  },
  // [User] [Contact] the standard fields the extension reads (Email to find a person, Title, IsActive).
  User: { create: [], update: [], read: ['Name', 'Username', 'Email', 'IsActive'] },
  Contact: { create: [], update: [], read: ['Name', 'AccountId', 'Email', 'Title'] },
  Opportunity: { create: [], update: [], read: ['Name', 'StageName'] },
};
const SYSTEM_FIELDS = ['Id', 'IsDeleted', 'CreatedDate', 'CreatedById', 'LastModifiedDate', 'LastModifiedById', 'SystemModstamp'];
const AUDIT_FREE_FIELDS = ['Id', 'IsDeleted', 'SystemModstamp'];

function fieldsOf(type) {
  const s = SCHEMA[type];
  return new Set([...(s.noAuditDates ? AUDIT_FREE_FIELDS : SYSTEM_FIELDS), ...s.create, ...(s.read ?? [])]);
}

// [OpportunityContactRole] the standard roles; [OpportunityTeamMember] the standard team roles.
function defaultPicklists() {
  return {
    'OpportunityContactRole.Role': ['Business User', 'Decision Maker', 'Economic Buyer', 'Economic Decision Maker', 'Evaluator', 'Executive Sponsor', 'Influencer', 'Technical Buyer', 'Other'],
    'OpportunityTeamMember.TeamMemberRole': ['Account Manager', 'Channel Manager', 'Executive Sponsor', 'Lead Qualifier', 'Pre-Sales Consultant', 'Sales Manager', 'Sales Rep'],
    'OpportunityTeamMember.OpportunityAccessLevel': ['Read', 'Edit', 'All'],
  };
}

// [Conditional Request Headers] API datetimes look like 2026-12-04T10:00:00.000+0000, to the second.
function apiDateTime(ms) {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('Z', '+0000');
}
function parseApiDateTime(text) {
  return Date.parse(text.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
}
// RFC 7231 IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT" (the obsolete forms are not accepted).
const HTTP_DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT$/;

// A client may send back the `attributes` it read; they are not fields.
function withoutAttributes(body) {
  return Object.fromEntries(Object.entries(body).filter(([name]) => name !== 'attributes'));
}

function errorBody(errorCode, message, fields) {
  return [{ message, errorCode, fields: fields ?? [] }];
}
function reply(status, body, headers = {}) {
  return { status, body, headers };
}

/**
 * @param {{ https?: { key: string | Buffer, cert: string | Buffer }, port?: number, instanceUrl?: string, apiLimit?: number }} [options]
 */
export async function startSalesforceServer(options = {}) {
  const instanceUrl = options.instanceUrl ?? DEFAULT_INSTANCE;
  const instanceHost = new URL(instanceUrl).host;
  const orgId = makeId('Organization');
  // URLs in answers (attributes.url, nextRecordsUrl) use the version the request named.
  let apiVersion = 'v66.0';

  const state = {
    instanceUrl,
    orgId,
    /** Records by type, then by id. Deleted records stay with IsDeleted = true (the recycle bin). */
    records: Object.fromEntries(Object.keys(SCHEMA).map((t) => [t, {}])),
    picklists: defaultPicklists(),
    /** [OpportunityTeamMember] exists only when team selling is on. */
    teamSelling: true,
    /** [Web Server Flow / PKCE] off by default: the refresh grant returns no new refresh token. */
    rotateRefreshTokens: false,
    apiUsage: 0,
    apiLimit: options.apiLimit ?? 15000,
    /** Added to the wall clock, so tests can make "a second later" happen without waiting. */
    clockOffsetMs: 0,
    /** Every request: method, path (with query), the host it was addressed to. */
    requests: [],
    codes: new Map(),
    accessTokens: new Map(),
    refreshTokens: new Map(),
    defaultUserId: '',
    /** The user the login page signs in (a test's second person), when set. */
    signInAs: '',
    /** Records a test puts in place (users, contacts, opportunities), under `fields.Id` if given: returns the id. */
    seed(type, fields) {
      return insert(type, fields, state.defaultUserId).Id;
    },
    /** Another user's edit in Salesforce: changes fields and LastModifiedDate. */
    touch(type, id, fields = {}) {
      const record = state.records[type][id];
      Object.assign(record, fields, stamp(record.LastModifiedById));
    },
    /** Records of one type that are not deleted. */
    list(type) {
      return Object.values(state.records[type]).filter((r) => !r.IsDeleted);
    },
    /** The decoded body of a ContentNote. */
    noteBody(id) {
      return Buffer.from(state.records.ContentNote[id].Content, 'base64').toString('utf8');
    },
  };
  state.defaultUserId = state.seed('User', { Name: 'Ada Rep', Username: 'ada@example.com', Email: 'ada@example.com', IsActive: true });

  const queue = [];
  let limitExceededCalls = 0;
  const faults = {
    /**
     * Queue a fault for the next request whose path matches `match` (all requests if absent).
     * kind 'drop': the connection closes before the request is handled;
     * 'dropAfterCommit': the request is handled (a write is committed), then the connection closes
     *   without a reply ("A POST whose reply was lost may have been committed");
     * 'status': answer `status` with `body` (and `headers`) without handling the request — also a
     *   subrequest of a composite request whose path `match` names, inside the composite answer
     *   (as Salesforce reports a subrequest's own error there);
     * 'delay': handle it normally. Any kind waits `delayMs` first.
     */
    next(fault) {
      queue.push(fault);
    },
    /** Every access token issued so far stops working (refresh tokens keep working). */
    expireTokens() {
      for (const token of state.accessTokens.values()) token.expired = true;
    },
    /** The next `n` data calls answer 403 REQUEST_LIMIT_EXCEEDED. */
    limitExceeded(n = 1) {
      limitExceededCalls += n;
    },
    clear() {
      queue.length = 0;
      limitExceededCalls = 0;
    },
  };

  function now() {
    return Date.now() + state.clockOffsetMs;
  }
  function stamp(userId) {
    const at = apiDateTime(now());
    return { LastModifiedDate: at, LastModifiedById: userId, SystemModstamp: at };
  }
  function findById(id) {
    for (const [type, byId] of Object.entries(state.records)) if (byId[id]) return { type, record: byId[id] };
    return undefined;
  }
  function insert(type, fields, userId) {
    const at = apiDateTime(now());
    // A test may seed a record under the id its fixture page shows.
    const id = fields.Id ?? makeId(type);
    const audit = SCHEMA[type].noAuditDates
      ? { SystemModstamp: at }
      : { CreatedDate: at, CreatedById: userId, LastModifiedDate: at, LastModifiedById: userId, SystemModstamp: at };
    const record = { Id: id, IsDeleted: false, ...audit, ...fields };
    state.records[type][id] = record;
    return record;
  }

  // ---- OAuth ----------------------------------------------------------------------------

  function oauthError(status, error, description) {
    return reply(status, { error, error_description: description });
  }

  // [Web Server Flow / PKCE] the stand-in approves at once (no login page) and redirects with
  // the code and the caller's state; `login_hint` picks a seeded user by Username.
  function authorize(url) {
    const q = url.searchParams;
    const redirectUri = q.get('redirect_uri');
    if (!redirectUri || !/^https:\/\//.test(redirectUri)) return oauthError(400, 'redirect_uri_mismatch', 'redirect_uri must match configuration');
    const back = new URL(redirectUri);
    const fail = (error, description) => {
      back.searchParams.set('error', error);
      back.searchParams.set('error_description', description);
      if (q.has('state')) back.searchParams.set('state', q.get('state'));
      return reply(302, '', { location: back.href });
    };
    if (q.get('response_type') !== 'code') return fail('unsupported_response_type', 'response type not supported');
    if (!q.get('client_id')) return fail('invalid_client_id', 'client identifier invalid');
    if (!q.get('code_challenge')) return fail('invalid_request', 'missing required code challenge');
    if ((q.get('code_challenge_method') ?? 'S256') !== 'S256') return fail('invalid_request', 'unsupported code challenge method');
    const hint = q.get('login_hint');
    // Who is signed in at the login page: the hinted user, else the one a test chose (`signInAs`), else the default.
    const user = hint ? state.list('User').find((u) => u.Username === hint) : state.records.User[state.signInAs || state.defaultUserId];
    if (!user) return fail('access_denied', 'end-user denied authorization');
    const code = 'aPrx' + randomBytes(24).toString('base64url');
    state.codes.set(code, {
      clientId: q.get('client_id'), redirectUri, challenge: q.get('code_challenge'),
      scope: (q.get('scope') ?? 'api refresh_token').split(/\s+/).filter(Boolean), userId: user.Id, used: false,
    });
    back.searchParams.set('code', code);
    if (q.has('state')) back.searchParams.set('state', q.get('state'));
    return reply(302, '', { location: back.href });
  }

  function issueAccessToken(userId, scope) {
    const token = orgId.slice(0, 15) + '!' + randomBytes(36).toString('base64url');
    state.accessTokens.set(token, { userId, scope, expired: false, revoked: false });
    return token;
  }
  function tokenBody(accessToken, grant, refreshToken) {
    return {
      access_token: accessToken,
      ...(refreshToken ? { refresh_token: refreshToken } : {}),
      signature: randomBytes(32).toString('base64'),
      scope: grant.scope.join(' '),
      instance_url: state.instanceUrl,
      id: `https://login.salesforce.com/id/${orgId}/${grant.userId}`,
      token_type: 'Bearer',
      issued_at: String(now()),
    };
  }

  // [Web Server Flow / PKCE] form-encoded; a wrong verifier is invalid_request, a bad or used
  // code invalid_grant; a refresh token only with the refresh_token / offline_access scope.
  function token(contentType, rawBody) {
    if (!/^application\/x-www-form-urlencoded/i.test(contentType ?? '')) return oauthError(400, 'unsupported_grant_type', 'grant type not supported');
    const form = new URLSearchParams(rawBody);
    const grantType = form.get('grant_type');
    if (grantType === 'authorization_code') {
      const grant = state.codes.get(form.get('code') ?? '');
      if (!grant || grant.used) return oauthError(400, 'invalid_grant', 'invalid authorization code');
      if (form.get('client_id') !== grant.clientId) return oauthError(400, 'invalid_client_id', 'client identifier invalid');
      if (form.get('redirect_uri') !== grant.redirectUri) return oauthError(400, 'redirect_uri_mismatch', 'redirect_uri must match configuration');
      const verifier = form.get('code_verifier') ?? '';
      if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier) || createHash('sha256').update(verifier).digest('base64url') !== grant.challenge) {
        return oauthError(400, 'invalid_request', 'invalid code verifier');
      }
      grant.used = true;
      const refreshable = grant.scope.includes('refresh_token') || grant.scope.includes('offline_access');
      let refresh;
      if (refreshable) {
        refresh = '5Aep' + randomBytes(36).toString('base64url');
        state.refreshTokens.set(refresh, { clientId: grant.clientId, userId: grant.userId, scope: grant.scope, revoked: false });
      }
      return reply(200, tokenBody(issueAccessToken(grant.userId, grant.scope), grant, refresh));
    }
    if (grantType === 'refresh_token') {
      const grant = state.refreshTokens.get(form.get('refresh_token') ?? '');
      if (!grant || grant.revoked) return oauthError(400, 'invalid_grant', 'expired access/refresh token');
      if (form.get('client_id') !== grant.clientId) return oauthError(400, 'invalid_client_id', 'client identifier invalid');
      let rotated;
      if (state.rotateRefreshTokens) {
        grant.revoked = true;
        rotated = '5Aep' + randomBytes(36).toString('base64url');
        state.refreshTokens.set(rotated, { ...grant, revoked: false });
      }
      return reply(200, tokenBody(issueAccessToken(grant.userId, grant.scope), grant, rotated));
    }
    return oauthError(400, 'unsupported_grant_type', 'grant type not supported');
  }

  // Revoking a refresh token revokes the access tokens issued from it too; an unknown token is
  // a 400 (the client treats that as already gone).
  function revoke(url, rawBody) {
    const tokenValue = new URLSearchParams(rawBody).get('token') ?? url.searchParams.get('token') ?? '';
    const refresh = state.refreshTokens.get(tokenValue);
    const access = state.accessTokens.get(tokenValue);
    if (refresh && !refresh.revoked) {
      refresh.revoked = true;
      for (const t of state.accessTokens.values()) if (t.userId === refresh.userId) t.revoked = true;
      return reply(200, '');
    }
    if (access && !access.revoked) {
      access.revoked = true;
      return reply(200, '');
    }
    return oauthError(400, 'unsupported_token_type', 'this token type is not supported');
  }

  // ---- Data API -------------------------------------------------------------------------

  function authenticate(headers) {
    const match = /^(?:Bearer|OAuth) (\S+)$/.exec(headers.authorization ?? '');
    const t = match && state.accessTokens.get(match[1]);
    return t && !t.expired && !t.revoked ? t : undefined;
  }

  function supported(type) {
    return Object.hasOwn(SCHEMA, type) && (type !== 'OpportunityTeamMember' || state.teamSelling);
  }

  function validateFields(type, body, allowed, isCreate) {
    const s = SCHEMA[type];
    if (body === null || typeof body !== 'object' || Array.isArray(body)) return errorBody('JSON_PARSER_ERROR', 'Expected a JSON object');
    for (const name of Object.keys(body)) {
      if (name === 'attributes') continue;
      if (!fieldsOf(type).has(name)) return errorBody('INVALID_FIELD', `No such column '${name}' on sobject of type ${type}`);
      if (!allowed.includes(name)) return errorBody('INVALID_FIELD_FOR_INSERT_UPDATE', `Unable to create/update fields: ${name}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`, [name]);
    }
    if (isCreate) {
      const missing = (s.required ?? []).filter((f) => body[f] === undefined || body[f] === null || body[f] === '');
      if (missing.length) return errorBody('REQUIRED_FIELD_MISSING', `Required fields are missing: [${missing.join(', ')}]`, missing);
    }
    for (const [field, target] of Object.entries(s.refs ?? {})) {
      if (body[field] === undefined) continue;
      const found = findById(String(body[field]));
      if (!found || found.record.IsDeleted || (target && found.type !== target)) {
        return errorBody('INVALID_CROSS_REFERENCE_KEY', `invalid cross reference id`, [field]);
      }
    }
    // The stand-in treats these picklists as restricted, so a value the org does not have is a
    // field error the user can see, not silently stored.
    for (const [field, key] of Object.entries(s.picklists ?? {})) {
      if (body[field] !== undefined && body[field] !== null && !state.picklists[key].includes(body[field])) {
        return errorBody('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', `bad value for restricted picklist field: ${body[field]}`, [field]);
      }
    }
    if (type === 'ContentNote' && body.Content !== undefined) {
      if (typeof body.Content !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(body.Content)) {
        return errorBody('INVALID_TYPE_ON_FIELD_IN_RECORD', 'Content: value not of required type', ['Content']);
      }
      // [ContentNote] `&` only as one of the named entities or a numeric one; `&apos;` refused.
      const html = Buffer.from(body.Content, 'base64').toString('utf8');
      if (/&(?!(?:amp|lt|gt|quot|#\d+);)/.test(html)) {
        return errorBody('FIELD_INTEGRITY_EXCEPTION', "Note can't be saved because it contains HTML tags or unescaped characters that are not allowed in a Note.", ['Content']);
      }
    }
    return undefined;
  }

  function createRecord(type, body, user) {
    const invalid = validateFields(type, body, SCHEMA[type].create, true);
    if (invalid) return reply(400, invalid);
    const fields = withoutAttributes(body);
    if (type === 'ContentDocumentLink') {
      // [ContentDocumentLink] linking the same document twice answers DUPLICATE_VALUE.
      const dup = state.list(type).find((l) => l.ContentDocumentId === fields.ContentDocumentId && l.LinkedEntityId === fields.LinkedEntityId);
      if (dup) return reply(400, errorBody('DUPLICATE_VALUE', `duplicate value found: <unknown> duplicates value on record with id: <unknown>`));
      fields.ShareType ??= 'V';
      fields.Visibility ??= 'AllUsers';
    }
    if (type === 'OpportunityContactRole') {
      fields.IsPrimary ??= false;
      if (fields.IsPrimary) clearPrimary(fields.OpportunityId);
    }
    if (type === 'OpportunityTeamMember') fields.OpportunityAccessLevel ??= 'Read';
    if (type === 'ContentNote') {
      fields.OwnerId ??= user.userId;
      fields.FileType = 'SNOTE';
      fields.Content ??= '';
    }
    const record = insert(type, fields, user.userId);
    if (type === 'ContentNote') {
      // [ContentNote] creating a note also links it to its owner (ShareType I).
      insert('ContentDocumentLink', { ContentDocumentId: record.Id, LinkedEntityId: record.OwnerId, ShareType: 'I', Visibility: 'AllUsers' }, user.userId);
    }
    return reply(201, { id: record.Id, success: true, errors: [] });
  }

  // [OpportunityContactRole] one primary per opportunity: a new primary clears the others.
  function clearPrimary(opportunityId) {
    for (const r of state.list('OpportunityContactRole')) if (r.OpportunityId === opportunityId) r.IsPrimary = false;
  }

  function attributes(type, id) {
    return { type, url: `/services/data/${apiVersion}/sobjects/${type}/${id}` };
  }

  // A record as the API shows it: `attributes`, then the asked fields; a path such as
  // `ContentDocument.Title` becomes a nested object, as in Salesforce's query results.
  function present(type, record, fieldNames) {
    const out = { attributes: attributes(type, record.Id) };
    for (const name of fieldNames) place(out, type, record, name.split('.'));
    return out;
  }
  function place(out, type, record, [head, ...rest]) {
    if (rest.length === 0) {
      // [ContentNote] reading Content gives a URL; the body is at .../Content.
      out[head] = type === 'ContentNote' && head === 'Content' ? `${attributes(type, record.Id).url}/Content` : (record[head] ?? null);
      return;
    }
    const target = findById(record[`${head}Id`] ?? '');
    if (!target) {
      out[head] = null;
      return;
    }
    out[head] ??= { attributes: attributes(target.type, target.record.Id) };
    place(out[head], target.type, target.record, rest);
  }

  function recordRequest(method, type, id, headers, body, user) {
    const record = state.records[type][id];
    if (!record) return reply(404, [NOT_FOUND]);
    if (record.IsDeleted) {
      // A record in the recycle bin: reads do not find it; writes name it deleted.
      return method === 'GET' ? reply(404, [NOT_FOUND]) : reply(404, errorBody('ENTITY_IS_DELETED', 'entity is deleted'));
    }
    // [Conditional Request Headers] If-Unmodified-Since is an HTTP-date; a later LastModifiedDate
    // answers 412. The stand-in refuses other formats so a client sending ISO 8601 finds out here.
    const since = headers['if-unmodified-since'];
    if (since !== undefined) {
      if (!HTTP_DATE.test(since)) return reply(400, errorBody('INVALID_HEADER_TYPE', `If-Unmodified-Since: not an HTTP-date: ${since}`));
      const changed = parseApiDateTime(record.LastModifiedDate ?? record.SystemModstamp);
      if (changed > Date.parse(since)) {
        return reply(412, errorBody('PRECONDITION_FAILED', 'The requested resource has been modified since the If-Unmodified-Since date'));
      }
    }
    if (method === 'GET') return reply(200, present(type, record, fieldsOf(type)));
    if (method === 'DELETE') {
      record.IsDeleted = true;
      if (type === 'ContentNote') for (const link of state.list('ContentDocumentLink')) if (link.ContentDocumentId === id) link.IsDeleted = true;
      return reply(204, '');
    }
    if (method === 'PATCH') {
      const invalid = validateFields(type, body, SCHEMA[type].update, false);
      if (invalid) return reply(400, invalid);
      const fields = withoutAttributes(body);
      if (type === 'OpportunityContactRole' && fields.IsPrimary) clearPrimary(record.OpportunityId);
      Object.assign(record, fields, SCHEMA[type].noAuditDates ? { SystemModstamp: apiDateTime(now()) } : stamp(user.userId));
      return reply(204, '');
    }
    return reply(405, errorBody('METHOD_NOT_ALLOWED', `HTTP Method '${method}' not allowed. Allowed are GET,PATCH,DELETE`));
  }

  function describe(type) {
    const s = SCHEMA[type];
    const fields = [...fieldsOf(type)].map((name) => {
      const key = s.picklists?.[name];
      return {
        name,
        type: key ? 'picklist' : name.endsWith('Id') ? 'reference' : 'string',
        createable: s.create.includes(name),
        updateable: s.update.includes(name),
        nillable: !(s.required ?? []).includes(name),
        picklistValues: key ? state.picklists[key].map((value) => ({ value, label: value, active: true, defaultValue: false })) : [],
        restrictedPicklist: Boolean(key),
      };
    });
    return reply(200, { name: type, label: type, createable: s.create.length > 0, updateable: s.update.length > 0, fields });
  }

  // ---- SOQL (the read-back shapes only; small regexes, not a SOQL engine) -----------------

  // `Contact.Name` follows ContactId, `ContentDocument.Title` follows ContentDocumentId.
  function valueAt(type, record, path) {
    const [head, ...rest] = path.split('.');
    if (rest.length === 0) return record[head] ?? null;
    const target = findById(record[`${head}Id`] ?? '');
    return target ? valueAt(target.type, target.record, rest.join('.')) : null;
  }
  function pathExists(type, path) {
    const [head, ...rest] = path.split('.');
    if (rest.length === 0) return fieldsOf(type).has(head);
    const idField = `${head}Id`;
    if (!fieldsOf(type).has(idField)) return false;
    const targetType = { ContentDocument: 'ContentNote', CreatedBy: 'User', LastModifiedBy: 'User', Owner: 'User', LinkedEntity: 'Opportunity' }[head] ?? head;
    return Object.hasOwn(SCHEMA, targetType) && pathExists(targetType, rest.join('.'));
  }

  const QUERY = /^SELECT\s+(.+?)\s+FROM\s+(\w+)(?:\s+WHERE\s+(.+?))?(?:\s+ORDER\s+BY\s+([\w.]+)(?:\s+(ASC|DESC))?)?(?:\s+LIMIT\s+(\d+))?\s*$/is;
  const CONDITION = /^([\w.]+)\s*(=|>=|<=|>|<|IN)\s*(.+)$/i;
  const DATETIME_LITERAL = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)$/;

  function parseValue(field, raw) {
    const text = raw.trim();
    const quoted = /^'((?:[^'\\]|\\.)*)'$/.exec(text);
    if (field.endsWith('Date') || field.endsWith('Modstamp')) {
      // [SOQL date formats] datetime literals are unquoted.
      if (quoted || !DATETIME_LITERAL.test(text)) {
        throw errorBody('INVALID_FIELD', `value of filter criterion for field '${field}' must be of type dateTime and should not be enclosed in quotes`);
      }
      return { date: Date.parse(text.replace(/([+-]\d\d)(\d\d)$/, '$1:$2')) };
    }
    if (quoted) return { value: quoted[1].replace(/\\(.)/g, '$1') };
    if (/^(true|false)$/i.test(text)) return { value: text.toLowerCase() === 'true' };
    throw errorBody('MALFORMED_QUERY', `unexpected token: ${text}`);
  }

  function parseWhere(where) {
    if (!where) return [];
    // [SOQL date formats] mixing AND and OR needs parentheses; the stand-in supports AND only.
    if (/\sOR\s/i.test(where)) throw errorBody('MALFORMED_QUERY', 'the stand-in supports AND conditions only');
    return where.split(/\s+AND\s+/i).map((part) => {
      const m = CONDITION.exec(part.trim());
      if (!m) throw errorBody('MALFORMED_QUERY', `unexpected token: ${part}`);
      const [, field, op, raw] = m;
      if (op.toUpperCase() === 'IN') {
        const list = /^\((.*)\)$/.exec(raw.trim());
        if (!list) throw errorBody('MALFORMED_QUERY', `unexpected token: ${raw}`);
        return { field, op: 'IN', values: list[1].split(',').map((v) => parseValue(field, v).value) };
      }
      return { field, op, ...parseValue(field, raw) };
    });
  }

  function matches(type, record, cond) {
    const actual = valueAt(type, record, cond.field);
    if (cond.op === 'IN') return cond.values.includes(actual);
    if (cond.date !== undefined) {
      const at = actual === null ? NaN : parseApiDateTime(actual);
      return { '=': at === cond.date, '>': at > cond.date, '>=': at >= cond.date, '<': at < cond.date, '<=': at <= cond.date }[cond.op];
    }
    return cond.op === '=' && actual === cond.value;
  }

  const cursors = new Map();

  function runQuery(soql, headers) {
    const m = QUERY.exec(soql.trim());
    if (!m) return reply(400, errorBody('MALFORMED_QUERY', `unexpected token: ${soql.slice(0, 40)}`));
    const [, selectList, type, where, orderBy, direction, limit] = m;
    if (!supported(type)) return reply(400, errorBody('INVALID_TYPE', `sObject type '${type}' is not supported.`));
    const fields = selectList.split(',').map((f) => f.trim());
    const unknown = [...fields, ...(orderBy ? [orderBy] : [])].find((f) => !pathExists(type, f));
    if (unknown) return reply(400, errorBody('INVALID_FIELD', `No such column '${unknown}' on entity '${type}'.`));
    let conditions;
    try {
      conditions = parseWhere(where);
    } catch (body) {
      return reply(400, body);
    }
    for (const c of conditions) {
      if (!pathExists(type, c.field)) return reply(400, errorBody('INVALID_FIELD', `No such column '${c.field}' on entity '${type}'.`));
    }
    // [ContentDocumentLink] a query needs LinkedEntityId / ContentDocumentId / Id with = or IN.
    if (type === 'ContentDocumentLink' && !conditions.some((c) => ['LinkedEntityId', 'ContentDocumentId', 'Id'].includes(c.field) && (c.op === '=' || c.op === 'IN'))) {
      return reply(400, errorBody('MALFORMED_QUERY', 'Implementation restriction: ContentDocumentLink requires a filter by a single Id on ContentDocumentId or LinkedEntityId using the equals operator or multiple Id\'s using the IN operator.'));
    }
    let rows = state.list(type).filter((r) => conditions.every((c) => matches(type, r, c)));
    if (orderBy) {
      const sign = direction?.toUpperCase() === 'DESC' ? -1 : 1;
      const key = (r) => String(valueAt(type, r, orderBy) ?? '');
      rows.sort((a, b) => sign * (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    }
    if (limit) rows = rows.slice(0, Number(limit));
    const records = rows.map((r) => present(type, r, fields));
    // [Query More Results] Sforce-Query-Options: batchSize between 200 and 2000 (default 2000).
    const option = /batchSize=(\d+)/.exec(headers['sforce-query-options'] ?? '');
    const size = option ? Math.min(Math.max(Number(option[1]), 200), 2000) : DEFAULT_PAGE;
    return page(makeId('QueryLocator'), records, 0, size);
  }

  function page(locator, records, offset, size) {
    const slice = records.slice(offset, offset + size);
    const done = offset + size >= records.length;
    if (!done) cursors.set(locator, { records, size });
    return reply(200, {
      totalSize: records.length,
      done,
      ...(done ? {} : { nextRecordsUrl: `/services/data/${apiVersion}/query/${locator}-${offset + size}` }),
      records: slice,
    });
  }

  // ---- Composite ------------------------------------------------------------------------

  // [Composite] at most 25 subrequests (at most 5 queries); `@{ref.path}` reads an earlier
  // subrequest's body; with allOrNone a failure rolls back all and the others answer
  // PROCESSING_HALTED.
  function composite(body, headers, user) {
    const subrequests = body?.compositeRequest;
    if (!Array.isArray(subrequests) || subrequests.length === 0) return reply(400, errorBody('JSON_PARSER_ERROR', 'compositeRequest is required'));
    if (subrequests.length > 25) return reply(400, errorBody('LIMIT_EXCEEDED', 'Composite request may contain at most 25 subrequests'));
    if (subrequests.filter((s) => /\/query\b/.test(s.url ?? '')).length > 5) return reply(400, errorBody('LIMIT_EXCEEDED', 'Composite request may contain at most 5 queries'));
    const allOrNone = body.allOrNone === true;
    const snapshot = allOrNone ? structuredClone(state.records) : undefined;
    const results = {};
    const responses = [];
    let failed = false;
    for (const sub of subrequests) {
      if (failed && allOrNone) {
        responses.push({ body: errorBody('PROCESSING_HALTED', 'The transaction was rolled back since another operation in the same transaction failed.'), httpHeaders: {}, httpStatusCode: 400, referenceId: sub.referenceId });
        continue;
      }
      let res;
      try {
        const resolved = resolveReferences(sub, results);
        const url = new URL(resolved.url, 'http://composite.invalid');
        const fault = takeFault(url.pathname, (f) => f.kind === 'status');
        res = fault
          ? reply(fault.status, fault.body ?? '', fault.headers)
          : dataRequest(resolved.method ?? 'GET', url, { ...headers, ...lowerKeys(resolved.httpHeaders ?? {}) }, resolved.body, user);
      } catch (message) {
        res = reply(400, errorBody('PROCESSING_HALTED', String(message)));
      }
      responses.push({ body: res.body === '' ? null : res.body, httpHeaders: res.headers, httpStatusCode: res.status, referenceId: sub.referenceId });
      if (res.status >= 400) failed = true;
      else results[sub.referenceId] = res.body;
    }
    if (failed && allOrNone) {
      state.records = snapshot;
      // Subrequests that had succeeded were rolled back too.
      for (const r of responses) {
        if (r.httpStatusCode < 400) Object.assign(r, { body: errorBody('PROCESSING_HALTED', 'The transaction was rolled back since another operation in the same transaction failed.'), httpStatusCode: 400 });
      }
    }
    return reply(200, { compositeResponse: responses });
  }

  function resolveReferences(sub, results) {
    const substitute = (text) => text.replace(/@\{([\w]+)((?:\.\w+|\[\d+\])*)\}/g, (_, ref, path) => {
      if (!Object.hasOwn(results, ref)) throw `Invalid reference specified. No value for ${ref}${path} found in ${ref}.`;
      let value = results[ref];
      for (const step of path.match(/\.\w+|\[\d+\]/g) ?? []) value = value?.[step.startsWith('.') ? step.slice(1) : Number(step.slice(1, -1))];
      if (value === undefined) throw `Invalid reference specified. No value for ${ref}${path} found in ${ref}.`;
      return String(value);
    });
    return JSON.parse(substitute(JSON.stringify(sub)));
  }

  function lowerKeys(headers) {
    return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  }

  // One data request, already authenticated; used by HTTP and by composite subrequests.
  function dataRequest(method, url, headers, body, user) {
    const m = /^\/services\/data\/(v\d+\.\d)(\/.*)$/.exec(url.pathname);
    if (!m) return reply(404, [NOT_FOUND]);
    apiVersion = m[1];
    const rest = m[2];
    if (rest === '/query' || rest === '/query/') {
      if (method !== 'GET') return reply(405, errorBody('METHOD_NOT_ALLOWED', `HTTP Method '${method}' not allowed. Allowed are GET`));
      return runQuery(url.searchParams.get('q') ?? '', headers);
    }
    const more = /^\/query\/(\w+)-(\d+)$/.exec(rest);
    if (more) {
      const cursor = cursors.get(more[1]);
      if (!cursor) return reply(400, errorBody('INVALID_QUERY_LOCATOR', 'invalid query locator'));
      return page(more[1], cursor.records, Number(more[2]), cursor.size);
    }
    if (rest === '/composite') {
      if (method !== 'POST') return reply(405, errorBody('METHOD_NOT_ALLOWED', `HTTP Method '${method}' not allowed. Allowed are POST`));
      return composite(body, headers, user);
    }
    const sobject = /^\/sobjects\/(\w+)(?:\/(\w+))?(?:\/(Content))?\/?$/.exec(rest);
    if (!sobject) return reply(404, [NOT_FOUND]);
    const [, type, idOrDescribe, content] = sobject;
    if (!supported(type)) return reply(404, [NOT_FOUND]);
    if (!idOrDescribe) {
      if (method !== 'POST' || SCHEMA[type].create.length === 0) return reply(405, errorBody('METHOD_NOT_ALLOWED', `HTTP Method '${method}' not allowed. Allowed are HEAD,GET,POST`));
      return createRecord(type, body, user);
    }
    if (idOrDescribe === 'describe') return method === 'GET' ? describe(type) : reply(405, errorBody('METHOD_NOT_ALLOWED', 'Allowed are GET'));
    if (content) {
      if (type !== 'ContentNote') return reply(404, [NOT_FOUND]);
      const note = state.records.ContentNote[idOrDescribe];
      if (!note || note.IsDeleted) return reply(404, [NOT_FOUND]);
      return reply(200, Buffer.from(note.Content, 'base64').toString('utf8'), { 'content-type': 'text/html; charset=UTF-8' });
    }
    if (SCHEMA[type].create.length === 0 && method !== 'GET') return reply(405, errorBody('METHOD_NOT_ALLOWED', 'Allowed are GET'));
    return recordRequest(method, type, idOrDescribe, headers, body, user);
  }

  // ---- HTTP -----------------------------------------------------------------------------

  async function handle(req, res) {
    const host = String(req.headers['x-forwarded-host'] ?? req.headers.host ?? '').toLowerCase();
    const url = new URL(req.url ?? '/', `https://${host}`);
    state.requests.push({ method: req.method, path: url.pathname + url.search, host });
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const rawBody = Buffer.concat(chunks).toString('utf8');

    const fault = takeFault(url.pathname);
    if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (fault?.kind === 'drop') return void req.socket.destroy();
    if (fault?.kind === 'status') return send(res, reply(fault.status, fault.body ?? '', fault.headers));

    const answer = route(req.method ?? 'GET', url, host, req.headers, rawBody);
    if (fault?.kind === 'dropAfterCommit') return void req.socket.destroy();
    send(res, answer);
  }

  /** The first queued fault for `pathname` (that `accepts`), taken off the queue. */
  function takeFault(pathname, accepts = () => true) {
    const index = queue.findIndex((f) => accepts(f) && (!f.match || (f.match instanceof RegExp ? f.match.test(pathname) : pathname.includes(f.match))));
    return index >= 0 ? queue.splice(index, 1)[0] : undefined;
  }

  function route(method, url, host, headers, rawBody) {
    const onLoginHost = LOGIN_HOSTS.includes(host);
    if (url.pathname.startsWith('/services/oauth2/')) {
      if (!onLoginHost && host !== instanceHost) return reply(404, 'Not Found');
      if (url.pathname === '/services/oauth2/authorize' && method === 'GET') return authorize(url);
      if (url.pathname === '/services/oauth2/token' && method === 'POST') return token(headers['content-type'], rawBody);
      if (url.pathname === '/services/oauth2/revoke') return revoke(url, method === 'POST' ? rawBody : '');
      return reply(404, 'Not Found');
    }
    if (!url.pathname.startsWith('/services/data/')) return reply(404, [NOT_FOUND]);
    const user = authenticate(headers);
    // A token is valid only on its org's instance host.
    if (!user || host !== instanceHost) return withLimits(reply(401, [INVALID_SESSION], { 'www-authenticate': 'Token' }));
    // [Limit Info Header] every data call counts; over the limit answers 403.
    state.apiUsage++;
    if (limitExceededCalls > 0) {
      limitExceededCalls--;
      state.apiUsage = Math.max(state.apiUsage, state.apiLimit);
      return withLimits(reply(403, errorBody('REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.')));
    }
    let body;
    if (rawBody) {
      try {
        body = JSON.parse(rawBody);
      } catch {
        return withLimits(reply(400, errorBody('JSON_PARSER_ERROR', 'Unexpected character: was expecting a JSON value')));
      }
    }
    return withLimits(dataRequest(method, url, lowerKeys(headers), body, user));
  }

  function withLimits(answer) {
    answer.headers = { ...answer.headers, 'sforce-limit-info': `api-usage=${state.apiUsage}/${state.apiLimit}` };
    return answer;
  }

  function send(res, { status, body, headers = {} }) {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    const type = typeof body === 'string' ? 'text/plain; charset=UTF-8' : 'application/json;charset=UTF-8';
    res.writeHead(status, { ...(status === 204 || status === 302 ? {} : { 'content-type': type }), ...headers });
    res.end(status === 204 ? undefined : text);
  }

  const onRequest = (req, res) => {
    handle(req, res).catch((error) => {
      if (!res.headersSent) send(res, reply(500, errorBody('UNKNOWN_EXCEPTION', String(error))));
    });
  };
  const server = options.https ? https.createServer(options.https, onRequest) : http.createServer(onRequest);
  await new Promise((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = server.address().port;
  const url = `${options.https ? 'https' : 'http'}://127.0.0.1:${port}`;

  /**
   * A fetch for unit tests (no DNS here): requests to the Salesforce hosts go to this server with
   * the original host in X-Forwarded-Host; any other host fails as an unresolvable name would.
   */
  function fetchThroughServer(input, init) {
    const request = new Request(input, init);
    const target = new URL(request.url);
    const salesforce = target.protocol === 'https:' && (LOGIN_HOSTS.includes(target.hostname) || target.hostname.endsWith('.my.salesforce.com'));
    if (!salesforce) return Promise.reject(new TypeError(`fetch failed: getaddrinfo ENOTFOUND ${target.hostname}`));
    const headers = new Headers(request.headers);
    headers.set('x-forwarded-host', target.host);
    return platformFetch(url + target.pathname + target.search, {
      method: request.method,
      headers,
      body: request.method === 'GET' || request.method === 'HEAD' ? undefined : request.body,
      duplex: 'half',
      redirect: request.redirect,
      signal: request.signal,
    });
  }

  return {
    url,
    port,
    state,
    faults,
    fetch: fetchThroughServer,
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

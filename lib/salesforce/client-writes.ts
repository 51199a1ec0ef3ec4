// The outbox sender's port (writes.ts) over the REST client (client.ts). Each method is one
// client call (a note and its link are one composite call); every typed error the client throws becomes the `WriteFault` the sender decides
// by, so the sender never sees HTTP. Errors that are not Salesforce's (a RangeError for an id of
// the wrong shape, a host that is not Salesforce) pass through unchanged: the sender treats them
// as transient, which is safe because every port call can be repeated.
import { dataPath, type SalesforceClient, type SObjectRecord } from './client.ts';
import { parseApiDateTime } from './datetime.ts';
import {
  FieldError,
  InvalidSessionError,
  NotFoundError,
  PreconditionFailedError,
  ProtocolError,
  RequestLimitExceededError,
  SalesforceError,
} from './errors.ts';
import { assertSalesforceId } from '@/lib/domain/salesforce-ids';
import type { ContentDocumentLinkFields, ContentNoteFields } from './mapping.ts';
import { WriteFault, type SalesforceWrites } from './writes.ts';

// ---- Errors -------------------------------------------------------------------------------

/** The sender's view of a client error, as writes.ts defines the kinds; anything else is returned as it is. */
export function toWriteFault(error: unknown): unknown {
  const fault = faultOf(error);
  // Kept as the cause so a log shows the HTTP status and the full Salesforce error list.
  if (fault) fault.cause = error;
  return fault ?? error;
}

function faultOf(error: unknown): WriteFault | undefined {
  if (!(error instanceof SalesforceError)) return undefined;
  if (error instanceof InvalidSessionError) return new WriteFault('invalid-session', error.message);
  if (error instanceof RequestLimitExceededError) return new WriteFault('limit-exceeded', error.message);
  // The sender parks with errorCode and fields; DUPLICATE_VALUE on a link also means "already linked".
  if (error instanceof FieldError) return new WriteFault('field', error.message, error.errorCode, error.fields);
  if (error instanceof PreconditionFailedError) return new WriteFault('precondition-failed', error.message);
  if (error instanceof NotFoundError) return new WriteFault('not-found', error.message);
  // TransientError and ProtocolError (an answer in a shape we did not expect: a proxy's error
  // page, a half-written body) — and an OAuthError from a server error (a refused refresh the
  // token source already turned into InvalidSessionError) — can only be retried later.
  return new WriteFault('transient', error.message);
}

/** Runs one client call and rethrows its failure as the sender expects it. */
async function faulting<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toWriteFault(error);
  }
}

// ---- SOQL -----------------------------------------------------------------------------------

/**
 * A quoted SOQL string literal [SOQL quoted string escape sequences]: backslash and quote are
 * escaped, and control characters written as their escapes, so a title or an e-mail address
 * taken from a page can never end the literal and change the query.
 */
export function soqlString(value: string): string {
  const escapes: Record<string, string> = { '\\': '\\\\', "'": "\\'", '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };
  return `'${value.replace(/[\\'"\n\r\t\b\f]/g, (c) => escapes[c] as string)}'`;
}

// The port's lookups. Ids are checked (never interpolated raw), text values are escaped.
export const noteIdsByTitleQuery = (title: string) => `SELECT Id FROM ContentNote WHERE Title = ${soqlString(title)}`;
export const contactIdsQuery = (email: string) => `SELECT Id FROM Contact WHERE Email = ${soqlString(email)}`;
export const activeUserIdsQuery = (email: string) => `SELECT Id FROM User WHERE Email = ${soqlString(email)} AND IsActive = true`;
export const contactRoleQuery = (opportunityId: string, contactId: string) =>
  `SELECT Id, Role FROM OpportunityContactRole WHERE OpportunityId = '${assertSalesforceId(opportunityId)}' AND ContactId = '${assertSalesforceId(contactId)}'`;
export const teamMemberQuery = (opportunityId: string, userId: string) =>
  `SELECT Id, TeamMemberRole FROM OpportunityTeamMember WHERE OpportunityId = '${assertSalesforceId(opportunityId)}' AND UserId = '${assertSalesforceId(userId)}'`;

// ---- Reading answers ------------------------------------------------------------------------

/** A field that must be a string in a documented answer; otherwise the answer is not what the API gives. */
function stringField(record: SObjectRecord, field: string): string {
  const value = record[field];
  if (typeof value !== 'string') throw new ProtocolError(`A Salesforce record without a string ${field}`);
  return value;
}

/** A picklist value may be empty (null) on a row another tool created. */
function optionalString(record: SObjectRecord, field: string): string | null {
  const value = record[field];
  return typeof value === 'string' ? value : null;
}

/** A composite subrequest that did not fail itself but was rolled back with the one that did. */
const isHalted = (error: SalesforceError) => error instanceof FieldError && error.errorCode === 'PROCESSING_HALTED';

const idsOf = (records: SObjectRecord[]) => records.map((r) => stringField(r, 'Id'));
const rolesOf = (records: SObjectRecord[], field: string) => records.map((r) => ({ id: stringField(r, 'Id'), role: optionalString(r, field) }));

/**
 * The port hands over If-Unmodified-Since as an HTTP-date; the client takes the API datetime it
 * was derived from and writes the HTTP-date itself. The same instant in ISO form goes through
 * the client unchanged (HTTP-dates are whole seconds, so nothing is rounded twice).
 */
function apiDateTimeOfHttpDate(httpDate: string): string {
  const ms = Date.parse(httpDate);
  if (Number.isNaN(ms)) throw new RangeError(`Not an HTTP-date: ${httpDate}`);
  return new Date(ms).toISOString();
}

function safeParse(apiDateTime: string): number {
  try {
    return parseApiDateTime(apiDateTime);
  } catch {
    return NaN;
  }
}

// ---- The port -------------------------------------------------------------------------------

export function clientWrites(client: SalesforceClient): SalesforceWrites {
  return {
    findNotesByTitle: (title) => faulting(async () => idsOf(await client.query(noteIdsByTitleQuery(title)))),
    createNote: (fields: ContentNoteFields) => faulting(() => client.create('ContentNote', { ...fields })),
    createLinkedNote: (fields, link) =>
      faulting(async () => {
        const results = await client.composite(
          [
            { method: 'POST', url: `${dataPath}/sobjects/ContentNote`, referenceId: 'note', body: { ...fields } },
            { method: 'POST', url: `${dataPath}/sobjects/ContentDocumentLink`, referenceId: 'link', body: { ...link, ContentDocumentId: '@{note.id}' } },
          ],
          { allOrNone: true },
        );
        // The subrequest that failed says why; the others only say they were rolled back.
        const failed = results.find((result) => result.error && !isHalted(result.error)) ?? results.find((result) => result.error);
        if (failed?.error) throw failed.error;
        return stringField(results[0]!.body as SObjectRecord, 'id');
      }),
    updateNote: (id, fields, ifUnmodifiedSince) =>
      faulting(() => client.update('ContentNote', id, { ...fields }, { ifUnmodifiedSince: apiDateTimeOfHttpDate(ifUnmodifiedSince) })),
    noteLastModified: (id) =>
      faulting(async () => {
        const modified = stringField(await client.get('ContentNote', id, ['LastModifiedDate']), 'LastModifiedDate');
        // The sender stores this as the base of the next conditional update: refuse a value it could not use later.
        if (Number.isNaN(safeParse(modified))) throw new ProtocolError(`Not a Salesforce datetime: ${modified}`);
        return modified;
      }),
    // The note's `Content` field read through the API is only a URL; the body is its own resource.
    noteHtml: (id) => faulting(() => client.contentNoteBody(id)),
    linkDocument: (link: ContentDocumentLinkFields) =>
      faulting(async () => {
        await client.create('ContentDocumentLink', { ...link });
      }),
    findContactIds: (email) => faulting(async () => idsOf(await client.query(contactIdsQuery(email)))),
    findContactRoles: (opportunityId, contactId) =>
      faulting(async () => rolesOf(await client.query(contactRoleQuery(opportunityId, contactId)), 'Role')),
    createContactRole: (fields) => faulting(() => client.create('OpportunityContactRole', { ...fields })),
    findUserIds: (email) => faulting(async () => idsOf(await client.query(activeUserIdsQuery(email)))),
    findTeamMembers: (opportunityId, userId) =>
      faulting(async () => rolesOf(await client.query(teamMemberQuery(opportunityId, userId)), 'TeamMemberRole')),
    createTeamMember: (fields) => faulting(() => client.create('OpportunityTeamMember', { ...fields })),
    updateTeamMemberRole: (id, role) => faulting(() => client.update('OpportunityTeamMember', id, { TeamMemberRole: role })),
  };
}

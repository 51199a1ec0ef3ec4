import type { ContentDocumentLinkFields, ContentNoteFields } from './mapping';

// What the outbox sender needs from Salesforce, and nothing more. The REST
// client (client.ts) is wrapped into this at wiring time: each method is one
// call (or one SOQL query, built and escaped by the wrapper), and every
// failure the client reports is rethrown as a `WriteFault`. The sender treats
// any other error as transient (a dropped connection), which is safe because
// every step below can be repeated without writing twice.

export interface ContactRoleFields {
  OpportunityId: string;
  ContactId: string;
  Role: string;
}

export interface TeamMemberFields {
  OpportunityId: string;
  UserId: string;
  TeamMemberRole: string;
  OpportunityAccessLevel: 'Read' | 'Edit';
}

export interface SalesforceWrites {
  /** `SELECT Id FROM ContentNote WHERE Title = :title` — finds an earlier write by its marker. */
  findNotesByTitle(title: string): Promise<string[]>;
  /** POST /sobjects/ContentNote; returns the new id (also the ContentDocument id). */
  createNote(fields: ContentNoteFields): Promise<string>;
  /**
   * The note and its link in one call (POST /composite, all or none): returns the note's id. A
   * refused link leaves no note behind; a lost reply may have committed both.
   */
  createLinkedNote(fields: ContentNoteFields, link: Omit<ContentDocumentLinkFields, 'ContentDocumentId'>): Promise<string>;
  /** PATCH /sobjects/ContentNote/{id} with `If-Unmodified-Since: ifUnmodifiedSince` (an HTTP-date); 412 → precondition-failed. */
  updateNote(id: string, fields: ContentNoteFields, ifUnmodifiedSince: string): Promise<void>;
  /** The note's `LastModifiedDate` as Salesforce writes it (`2026-12-04T10:00:00.000+0000`). */
  noteLastModified(id: string): Promise<string>;
  /** The note's body as HTML (GET /sobjects/ContentNote/{id}/Content, not the base64 field). */
  noteHtml(id: string): Promise<string>;
  /** POST /sobjects/ContentDocumentLink; a second link answers a field fault `DUPLICATE_VALUE`. */
  linkDocument(link: ContentDocumentLinkFields): Promise<void>;
  /** `SELECT Id FROM Contact WHERE Email = :email`. */
  findContactIds(email: string): Promise<string[]>;
  /** `SELECT Id, Role FROM OpportunityContactRole WHERE OpportunityId = :o AND ContactId = :c`. */
  findContactRoles(opportunityId: string, contactId: string): Promise<{ id: string; role: string | null }[]>;
  createContactRole(fields: ContactRoleFields): Promise<string>;
  /** `SELECT Id FROM User WHERE Email = :email AND IsActive = true`. */
  findUserIds(email: string): Promise<string[]>;
  /** `SELECT Id, TeamMemberRole FROM OpportunityTeamMember WHERE OpportunityId = :o AND UserId = :u`. */
  findTeamMembers(opportunityId: string, userId: string): Promise<{ id: string; role: string | null }[]>;
  createTeamMember(fields: TeamMemberFields): Promise<string>;
  updateTeamMemberRole(id: string, role: string): Promise<void>;
}

export type WriteFaultKind =
  /** 401 after the client's one token refresh: the user must sign in again. */
  | 'invalid-session'
  /** 403 REQUEST_LIMIT_EXCEEDED: the org's API allocation is used up. */
  | 'limit-exceeded'
  /** 400/403 with `errorCode` and `fields`: a field, validation or permission error. Retrying the same write fails the same way. */
  | 'field'
  /** 412: the record changed since the version named in If-Unmodified-Since. */
  | 'precondition-failed'
  /** 404: the record (or, on a create, the object type) does not exist. */
  | 'not-found'
  /** 5xx, a dropped connection, a timeout: may succeed later. */
  | 'transient';

export class WriteFault extends Error {
  override readonly name = 'WriteFault';
  constructor(
    readonly kind: WriteFaultKind,
    message: string,
    readonly errorCode: string = kind,
    readonly fields: readonly string[] = [],
  ) {
    super(message);
  }
}

// The SOQL the read-back runs on an opportunity: its notes, contact roles and team members,
// each optionally bounded by LastModifiedDate. Ids are checked, never interpolated raw.
// The bound is `>=` to the second (API datetimes have no finer grain): a change in the same
// second as the last one seen comes back again; the caller merges by Id.
import { soqlDateTime } from './datetime.ts';
import { assertSalesforceId } from '@/lib/domain/salesforce-ids';

function since(field: string, ms: number | undefined): string {
  return ms === undefined ? '' : ` AND ${field} >= ${soqlDateTime(ms)}`;
}

/**
 * Notes (ContentNote, FileType SNOTE) linked to a record, with their authors.
 * [ContentDocumentLink] must be filtered by LinkedEntityId with `=`, and has no dates of its
 * own: the bound is on the document.
 */
export function notesOnRecordQuery(recordId: string, modifiedSince?: number): string {
  return (
    'SELECT ContentDocumentId, ContentDocument.Title, ContentDocument.CreatedDate, ContentDocument.LastModifiedDate, ' +
    'ContentDocument.CreatedBy.Name, ContentDocument.LastModifiedBy.Name FROM ContentDocumentLink ' +
    `WHERE LinkedEntityId = '${assertSalesforceId(recordId)}' AND ContentDocument.FileType = 'SNOTE'` +
    since('ContentDocument.LastModifiedDate', modifiedSince) +
    ' ORDER BY ContentDocument.LastModifiedDate'
  );
}

export function contactRolesQuery(opportunityId: string, modifiedSince?: number): string {
  return (
    'SELECT Id, ContactId, Contact.Name, Contact.Email, Contact.Title, Role, IsPrimary, LastModifiedDate, LastModifiedBy.Name FROM OpportunityContactRole ' +
    `WHERE OpportunityId = '${assertSalesforceId(opportunityId)}'` +
    since('LastModifiedDate', modifiedSince) +
    ' ORDER BY LastModifiedDate'
  );
}

/** [OpportunityTeamMember] answers INVALID_TYPE where team selling is off. */
export function teamMembersQuery(opportunityId: string, modifiedSince?: number): string {
  return (
    'SELECT Id, UserId, User.Name, User.Email, TeamMemberRole, OpportunityAccessLevel, LastModifiedDate, LastModifiedBy.Name FROM OpportunityTeamMember ' +
    `WHERE OpportunityId = '${assertSalesforceId(opportunityId)}'` +
    since('LastModifiedDate', modifiedSince) +
    ' ORDER BY LastModifiedDate'
  );
}

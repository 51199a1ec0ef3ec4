// Firefox asks every add-on to declare the data it transmits outside the browser
// (`data_collection_permissions`). Iron Triangle transmits nothing until the user connects a
// Salesforce org; then what the user records about that org's opportunities goes to that org.
// So nothing is required, and these are optional, asked for at connect (Firefox's own consent
// prompt) and given back at disconnect [Firefox built-in consent for data collection].

/** What a connected org receives: notes (often from e-mails), people's names and e-mail addresses, the page a note came from, and what the CRM page shows. */
export const SALESFORCE_DATA_COLLECTION = ['personalCommunications', 'personallyIdentifyingInfo', 'browsingActivity', 'websiteContent'] as const;

/** The permissions connecting asks for: the login host, and in Firefox the consent to transmit that data. */
export function connectPermissions(loginHost: string, firefox: boolean): { origins: string[]; data_collection?: string[] } {
  return { origins: [`https://${loginHost}/*`], ...(firefox ? { data_collection: [...SALESFORCE_DATA_COLLECTION] } : {}) };
}

// The one Salesforce REST API version the extension speaks (Spring '26). Everything it uses
// (ContentNote, composite, PKCE) exists since long before; bump it deliberately, with the tests.
export const SALESFORCE_API_VERSION = 'v66.0';

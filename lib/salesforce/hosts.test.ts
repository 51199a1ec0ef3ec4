import { describe, expect, it } from 'vitest';
import { HostNotAllowedError, instanceOrigin, loginOrigin } from './hosts.ts';

describe('Salesforce hosts', () => {
  it('accepts My Domain, login and test hosts as the sign-in host', () => {
    expect(loginOrigin('acme.my.salesforce.com')).toBe('https://acme.my.salesforce.com');
    expect(loginOrigin(' https://Acme--UAT.sandbox.my.salesforce.com/ ')).toBe('https://acme--uat.sandbox.my.salesforce.com');
    expect(loginOrigin('login.salesforce.com')).toBe('https://login.salesforce.com');
    expect(loginOrigin('https://test.salesforce.com')).toBe('https://test.salesforce.com');
  });

  it.each([
    'http://acme.my.salesforce.com',
    'https://acme.my.salesforce.com:8443',
    'https://user@acme.my.salesforce.com',
    'https://acme.my.salesforce.com.evil.example',
    'https://my.salesforce.com',
    'https://evil.example/acme.my.salesforce.com',
    'https://acme.my.salesforce.com/services',
    'https://acme.lightning.force.com',
    'javascript:alert(1)',
  ])('refuses %s as the sign-in host', (input) => {
    expect(() => loginOrigin(input)).toThrow(HostNotAllowedError);
  });

  it('takes only a My Domain origin as the instance a token response names', () => {
    expect(instanceOrigin('https://acme.my.salesforce.com')).toBe('https://acme.my.salesforce.com');
    for (const hostile of ['https://evil.example', 'https://login.salesforce.com', 'http://acme.my.salesforce.com', 'https://acme.my.salesforce.com@evil.example', 'https://acme.my.salesforce.com.evil.example']) {
      expect(() => instanceOrigin(hostile)).toThrow(HostNotAllowedError);
    }
  });
});

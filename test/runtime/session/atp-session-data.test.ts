import { describe, expect, test } from '@jest/globals';

import {
  copySessionData,
  parseSessionData,
} from '../../../runtime/src/session/atp-session-data.js';

import type { AtpSessionData } from '../../../runtime/src/session/atp-session-data.js';

const SESSION: AtpSessionData = {
  accessJwt: 'access',
  refreshJwt: 'refresh',
  handle: 'alice.test',
  did: 'did:plc:ewvi7nxzyoun6zhxrhs64oiz',
  didDoc: { id: 'did:plc:ewvi7nxzyoun6zhxrhs64oiz', service: [] },
  email: 'alice@example.com',
  emailConfirmed: true,
  emailAuthFactor: false,
  active: false,
  status: 'deactivated',
};

describe(parseSessionData, () => {
  test('keeps the known fields of a raw createSession output and drops the others', () => {
    const parsed = parseSessionData({ ...SESSION, service: 'https://pds.example', extra: [1] });

    expect(parsed).toEqual(SESSION);
    expect(Object.keys(parsed ?? {})).toEqual(Object.keys(SESSION));
  });

  test('accepts an unknown status and no optional field', () => {
    const { accessJwt, refreshJwt, handle, did } = SESSION;

    expect(parseSessionData({ accessJwt, refreshJwt, handle, did, status: 'throttled' })).toEqual({
      accessJwt,
      refreshJwt,
      handle,
      did,
      status: 'throttled',
    });
  });

  test.each([
    { name: 'null', value: null },
    { name: 'a string', value: JSON.stringify(SESSION) },
    { name: 'an empty access token', value: { ...SESSION, accessJwt: '' } },
    { name: 'an empty refresh token', value: { ...SESSION, refreshJwt: '' } },
    { name: 'a missing handle', value: { ...SESSION, handle: undefined } },
    { name: 'a DID that is not one', value: { ...SESSION, did: 'alice' } },
    { name: 'a DID document that is an array', value: { ...SESSION, didDoc: [] } },
    { name: 'a string active flag', value: { ...SESSION, active: 'true' } },
  ])('refuses $name', ({ value }) => {
    expect(parseSessionData(value)).toBeUndefined();
  });
});

describe(copySessionData, () => {
  test('deep-copies the DID document and round-trips through JSON', () => {
    const copy = copySessionData(SESSION);

    expect(copy).toEqual(SESSION);
    expect(copy.didDoc).not.toBe(SESSION.didDoc);
    expect(parseSessionData(JSON.parse(JSON.stringify(copy)))).toEqual(SESSION);
  });
});

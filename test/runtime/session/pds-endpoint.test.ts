import { describe, expect, test } from '@jest/globals';

import { findPdsEndpoint } from '../../../runtime/src/session/pds-endpoint.js';

const DID = 'did:plc:ewvi7nxzyoun6zhxrhs64oiz';

function didDoc(...service: unknown[]): Record<string, unknown> {
  return { id: DID, service };
}

function pds(serviceEndpoint: unknown, id = '#atproto_pds'): Record<string, unknown> {
  return { id, type: 'AtprotoPersonalDataServer', serviceEndpoint };
}

describe(findPdsEndpoint, () => {
  test.each([
    {
      name: 'an https origin',
      doc: didDoc(pds('https://pds.example.com')),
      url: 'https://pds.example.com/',
    },
    {
      name: 'a port and a final slash',
      doc: didDoc(pds('https://pds.example.com:8443/')),
      url: 'https://pds.example.com:8443/',
    },
    {
      name: 'an id prefixed with the DID',
      doc: didDoc(pds('https://a.example', `${DID}#atproto_pds`)),
      url: 'https://a.example/',
    },
    {
      name: 'http on localhost',
      doc: didDoc(pds('http://localhost:2583')),
      url: 'http://localhost:2583/',
    },
    {
      name: 'http on 127.0.0.1',
      doc: didDoc(pds('http://127.0.0.1:2583')),
      url: 'http://127.0.0.1:2583/',
    },
    { name: 'http on [::1]', doc: didDoc(pds('http://[::1]:2583')), url: 'http://[::1]:2583/' },
    {
      name: 'the entry after other services',
      doc: didDoc(
        { id: '#atproto_labeler', type: 'AtprotoLabeler', serviceEndpoint: 'https://l.example' },
        pds('https://b.example'),
      ),
      url: 'https://b.example/',
    },
  ])('finds $name', ({ doc, url }) => {
    expect(findPdsEndpoint(doc, DID)?.href).toBe(url);
  });

  test.each([
    { name: 'no document', doc: undefined },
    {
      name: 'a document of another DID',
      doc: { ...didDoc(pds('https://a.example')), id: 'did:plc:other' },
    },
    { name: 'no service array', doc: { id: DID, service: { id: '#atproto_pds' } } },
    {
      name: 'no PDS entry',
      doc: didDoc({ id: '#atproto_pds', type: 'Other', serviceEndpoint: 'https://a.example' }),
    },
    {
      name: 'an id of another DID',
      doc: didDoc(pds('https://a.example', 'did:plc:other#atproto_pds')),
    },
    { name: 'plain http on a public host', doc: didDoc(pds('http://pds.example.com')) },
    {
      name: 'http on a host that merely starts with localhost',
      doc: didDoc(pds('http://localhost.example.com')),
    },
    { name: 'another scheme', doc: didDoc(pds('ftp://pds.example.com')) },
    { name: 'a path', doc: didDoc(pds('https://pds.example.com/xrpc')) },
    { name: 'a query', doc: didDoc(pds('https://pds.example.com/?a=1')) },
    { name: 'user info', doc: didDoc(pds('https://user:pw@pds.example.com')) },
    { name: 'an endpoint that is not a URL', doc: didDoc(pds('pds.example.com')) },
    { name: 'an endpoint that is not a string', doc: didDoc(pds({ uri: 'https://a.example' })) },
    {
      name: 'a malformed first entry before a good one',
      doc: didDoc(pds('http://evil.example'), pds('https://a.example')),
    },
  ])('ignores $name', ({ doc }) => {
    expect(findPdsEndpoint(doc, DID)).toBeUndefined();
  });
});

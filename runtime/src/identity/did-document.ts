import { custom, exactOptional, safeParse, string, unknown } from 'valibot';

import { lexArray } from '../schema/lex-array.js';
import { lexObject } from '../schema/lex-object.js';
import { DidDocumentInvalidError } from './errors/did-document-invalid-error.js';

import type { BaseIssue } from 'valibot';
import type { Did } from '../syntax/did.js';

/** A service entry of a DID document, e.g. the account's PDS. */
export interface DidService {
  /** A fragment (`#atproto_pds`) or a full DID URL (`did:plc:…#atproto_pds`). */
  readonly id: string;
  readonly type: string | readonly string[];
  /** A URL for the services atproto uses; other services may use maps or lists. */
  readonly serviceEndpoint: unknown;
}

/** A public key of a DID document, e.g. the account's atproto signing key. */
export interface DidVerificationMethod {
  readonly id: string;
  readonly type: string;
  readonly controller: string;
  readonly publicKeyMultibase?: string;
}

/** A DID document, with the members atproto reads; any other members are kept as they came. */
export interface DidDocument {
  readonly id: Did;
  /** URIs the subject is also known as; the handle is the first `at://<handle>`. */
  readonly alsoKnownAs?: readonly string[];
  readonly verificationMethod?: readonly DidVerificationMethod[];
  readonly service?: readonly DidService[];
  readonly [member: string]: unknown;
}

function isServiceType(value: unknown): value is string | string[] {
  return (
    typeof value === 'string' ||
    (Array.isArray(value) && value.every((item) => typeof item === 'string'))
  );
}

const serviceTypeSchema = {
  ...custom<string | string[]>(isServiceType),
  expects: 'string or array of strings',
};

const serviceSchema = lexObject<DidService>({
  id: string(),
  type: serviceTypeSchema,
  serviceEndpoint: unknown(),
});

const verificationMethodSchema = lexObject<DidVerificationMethod>({
  id: string(),
  type: string(),
  controller: string(),
  publicKeyMultibase: exactOptional(string()),
});

const documentSchema = lexObject<DidDocument>({
  id: string(),
  alsoKnownAs: exactOptional(lexArray<string>(string())),
  verificationMethod: exactOptional(lexArray<DidVerificationMethod>(verificationMethodSchema)),
  service: exactOptional(lexArray<DidService>(serviceSchema)),
});

function describeIssue(issue: BaseIssue<unknown>): string {
  const keys = (issue.path ?? []).map(({ key }) =>
    typeof key === 'number' ? `[${key}]` : `.${String(key)}`,
  );

  return `$${keys.join('')}: expected ${issue.expected ?? 'a valid value'}, got ${issue.received}`;
}

/**
 * Checks that a parsed JSON value is a DID document for `did`: an object whose `id` is `did`, with
 * well-formed `alsoKnownAs`, `verificationMethod` and `service` members where present.
 *
 * @throws DidDocumentInvalidError with reason `malformed` when the shape is wrong, or
 *   `id-mismatch` when the document is about another DID
 */
export function parseDidDocument(did: Did, value: unknown): DidDocument {
  const result = safeParse(documentSchema, value);

  if (!result.success) {
    throw new DidDocumentInvalidError(did, 'malformed', describeIssue(result.issues[0]));
  }

  if (result.output.id !== did) {
    throw new DidDocumentInvalidError(did, 'id-mismatch', `id ${result.output.id}`);
  }

  return result.output;
}

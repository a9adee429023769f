import type { LexiconDocuments } from '@lexforge/codegen';

import { lexicon } from '../codegen-fixtures.js';

/** The NSID of the hand-made documents. */
export const NSID = 'com.example.thing';

/** A set holding one document, `com.example.thing`, with the given defs. */
export function docs(defs: Record<string, unknown>): LexiconDocuments {
  return { [NSID]: lexicon(NSID, defs) };
}

/** An object schema with the given properties and extra fields (`required`, `nullable`). */
export function object(
  properties: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { type: 'object', properties, ...extra };
}

/** A set whose `main` def is an object with one property `f` of the given schema. */
export function field(schema: Record<string, unknown>): LexiconDocuments {
  return docs({ main: object({ f: schema }) });
}

/** A set whose `main` def is a method or record, `type` plus the given fields. */
export function main(type: string, fields: Record<string, unknown> = {}): LexiconDocuments {
  return docs({ main: { type, ...fields } });
}

/** A JSON body with an object schema of the given properties. */
export function body(properties: Record<string, unknown> = {}, encoding = 'application/json') {
  return { encoding, schema: object(properties) };
}

/** The NSID of a document that stays the same. */
export const OTHER = 'com.example.other';

/** The NSID of the document that {@link BEFORE} holds and {@link AFTER} lacks. */
export const GONE = 'com.example.gone';

/** The NSID of the document only {@link AFTER} holds. */
export const NEW = 'com.example.new';

/** Two versions of a small set: one document changed, one removed, one added. */
export const BEFORE = {
  [GONE]: lexicon(GONE, { main: { type: 'token' } }),
  [NSID]: lexicon(NSID, {
    kept: object({ a: { type: 'string' } }),
    dropped: object({}),
    view: object({ text: { type: 'string', maxLength: 300 }, old: { type: 'string' } }),
  }),
  [OTHER]: lexicon(OTHER, { main: object({}) }),
};

/** The new version of {@link BEFORE}. */
export const AFTER = {
  [OTHER]: lexicon(OTHER, { main: object({}) }),
  [NSID]: lexicon(NSID, {
    view: object({ text: { type: 'string', maxLength: 3000, description: 'Text.' } }),
    kept: object({ a: { type: 'string' } }),
    added: object({}),
  }),
  [NEW]: lexicon(NEW, { main: { type: 'token' } }),
};

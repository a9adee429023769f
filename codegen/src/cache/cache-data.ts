import type { LexiconDoc } from '@atproto/lexicon';

/** A module as the cache keeps it. */
export interface CachedModule {
  path: string;
  text: string;
  /** The digest of its document. */
  digest: string;
  /** The other documents it was made from, by NSID: where each lived and its digest then. */
  dependencies: Record<string, string>;
}

/** A part of a file the cache keeps, such as one class of the client. */
export interface CachedPart {
  /** The digest of everything the part was made from. */
  key: string;
  text: string;
}

/** The content of a cache file. */
export interface CacheData {
  format: 1;
  /** The digest of the generator and the settings the cache was made with. */
  key: string;
  /** Valid documents by the digest of their text: null when the document is the text's JSON. */
  documents: Record<string, LexiconDoc | null>;
  /** Modules by NSID. */
  modules: Record<string, CachedModule>;
  /** The namespace classes of the client, by namespace. */
  clientClasses: Record<string, CachedPart>;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isDocument(value: unknown): boolean {
  return (
    value === null ||
    (isObject(value) && typeof value['id'] === 'string' && isObject(value['defs']))
  );
}

function isModule(value: unknown): boolean {
  return (
    isObject(value) &&
    typeof value['path'] === 'string' &&
    typeof value['text'] === 'string' &&
    typeof value['digest'] === 'string' &&
    isObject(value['dependencies']) &&
    Object.values(value['dependencies']).every((state) => typeof state === 'string')
  );
}

function isPart(value: unknown): boolean {
  return isObject(value) && typeof value['key'] === 'string' && typeof value['text'] === 'string';
}

/** Whether parsed JSON is cache data of the right format and key, every entry well formed. */
export function isCacheData(data: unknown, key: string): data is CacheData {
  return (
    isObject(data) &&
    data['format'] === 1 &&
    data['key'] === key &&
    isObject(data['documents']) &&
    isObject(data['modules']) &&
    isObject(data['clientClasses']) &&
    Object.values(data['documents']).every(isDocument) &&
    Object.values(data['modules']).every(isModule) &&
    Object.values(data['clientClasses']).every(isPart)
  );
}

/** The entry of a record under `key`, never one it inherits. */
export function ownEntry<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function isComposite(value: unknown): value is Json {
  return typeof value === 'object' && value !== null;
}

/** Whether two JSON values are equal, the order of object keys included. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!isComposite(a) || !isComposite(b) || Array.isArray(a) !== Array.isArray(b)) return false;

  const keys = Object.keys(a);
  const others = Object.keys(b);

  return (
    keys.length === others.length &&
    keys.every((key, index) => key === others[index] && sameJson(a[key], b[key]))
  );
}

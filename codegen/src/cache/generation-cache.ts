import { hash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import type { LexiconDoc } from '@atproto/lexicon';

import type { ClientMemo } from '../emit/emit-client.js';
import type { EmittedModule, GeneratedFile } from '../emit/emit-document.js';
import type { ModuleMemo } from '../emit/emit-tree.js';
import type { LexiconSet } from '../load/lexicon-set.js';
import type { DocumentMemo, SourceDocument } from '../load/read-lexicons.js';
import { writeAtomically } from '../write/write-atomically.js';
import { generatorFingerprint } from './generator-fingerprint.js';
import {
  isCacheData,
  ownEntry,
  sameJson,
  type CacheData,
  type CachedModule,
  type CachedPart,
} from './cache-data.js';

/**
 * Where the cache of a generation into `<out>/<srcDir>` lives: under `<out>/node_modules/.cache`,
 * where build tools keep their caches, so that it is neither committed nor published.
 */
export function cacheFile(out: string, srcDir: string): string {
  const name = srcDir.replaceAll(/[^\w-]+/g, '_');

  return join(out, 'node_modules', '.cache', 'lexforge', `${name}.json`);
}

function digestOf(text: string): string {
  return hash('sha256', text, 'base64url');
}

function readCache(file: string, key: string): CacheData | undefined {
  try {
    const data: unknown = JSON.parse(readFileSync(file, 'utf8'));

    return isCacheData(data, key) ? data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What earlier runs validated and emitted, kept in one JSON file: each valid document by the
 * digest of its text, each module's text with the digests of the documents it was made from, and
 * each namespace class of the client likewise. A cache made by another generator or with other
 * settings is ignored, and so is an unreadable one; saving keeps only what the run used.
 */
export class GenerationCache implements DocumentMemo, ModuleMemo, ClientMemo {
  readonly #file: string;
  readonly #key: string;
  readonly #before: CacheData | undefined;
  readonly #documents = new Map<string, LexiconDoc | null>();
  readonly #modules = new Map<string, CachedModule>();
  readonly #clientClasses = new Map<string, CachedPart>();
  readonly #digests = new WeakMap<LexiconDoc, string>();
  #changed = false;

  /** Opens the cache in `file`; `settings` are the options that shape the output. */
  constructor(file: string, settings: unknown) {
    this.#file = file;
    this.#key = digestOf(JSON.stringify({ generator: generatorFingerprint(), settings }));
    this.#before = readCache(file, this.#key);
  }

  recallDocument(text: string): LexiconDoc | undefined {
    const digest = digestOf(text);
    const stored = this.#before && ownEntry(this.#before.documents, digest);

    if (stored === undefined) return undefined;

    const doc = stored ?? (JSON.parse(text) as LexiconDoc);

    this.#documents.set(digest, stored);
    this.#digests.set(doc, digest);

    return doc;
  }

  rememberDocument(text: string, json: unknown, doc: LexiconDoc): void {
    const digest = digestOf(text);

    // @NOTE Most documents validate to their JSON as is, key order included; only the others are
    // stored, and the rest parsed again from their text
    this.#documents.set(digest, sameJson(json, doc) ? null : doc);
    this.#digests.set(doc, digest);
    this.#changed = true;
  }

  recallModule(source: SourceDocument, set: LexiconSet): GeneratedFile | undefined {
    const cached = this.#before && ownEntry(this.#before.modules, source.nsid);

    if (cached === undefined || cached.digest !== this.#digestOfDoc(source.doc)) return undefined;

    for (const [nsid, state] of Object.entries(cached.dependencies)) {
      if (this.#stateOf(nsid, set) !== state) return undefined;
    }

    this.#modules.set(source.nsid, cached);

    return { path: cached.path, text: cached.text };
  }

  rememberModule(source: SourceDocument, set: LexiconSet, module: EmittedModule): void {
    const dependencies: Record<string, string> = {};

    for (const nsid of module.dependencies) dependencies[nsid] = this.#stateOf(nsid, set);

    this.#modules.set(source.nsid, {
      path: module.path,
      text: module.text,
      digest: this.#digestOfDoc(source.doc),
      dependencies,
    });
    this.#changed = true;
  }

  namespaceClass(
    path: string,
    documents: readonly SourceDocument[],
    shape: unknown,
    make: () => string,
  ): string {
    const digests = documents.map((source) => this.#digestOfDoc(source.doc));
    const key = digestOf(JSON.stringify({ shape, digests }));
    const cached = this.#before && ownEntry(this.#before.clientClasses, path);
    const part = cached?.key === key ? cached : { key, text: make() };

    this.#clientClasses.set(path, part);
    this.#changed ||= part !== cached;

    return part.text;
  }

  /** Writes what this run used to the cache file, unless it holds exactly that already. */
  save(): void {
    const before = this.#before;
    const same =
      before !== undefined &&
      !this.#changed &&
      this.#documents.size === Object.keys(before.documents).length &&
      this.#modules.size === Object.keys(before.modules).length &&
      this.#clientClasses.size === Object.keys(before.clientClasses).length;

    if (same) return;

    const data: CacheData = {
      format: 1,
      key: this.#key,
      documents: Object.fromEntries(this.#documents),
      modules: Object.fromEntries(this.#modules),
      clientClasses: Object.fromEntries(this.#clientClasses),
    };

    mkdirSync(dirname(this.#file), { recursive: true });
    writeAtomically(this.#file, JSON.stringify(data));
  }

  #digestOfDoc(doc: LexiconDoc): string {
    let digest = this.#digests.get(doc);

    if (digest === undefined) {
      digest = digestOf(JSON.stringify(doc));
      this.#digests.set(doc, digest);
    }

    return digest;
  }

  /** What a module made with a document depends on: where it lives and what it says. */
  #stateOf(nsid: string, set: LexiconSet): string {
    const source = set.document(nsid);

    if (source === undefined) return 'missing';

    return `${set.externalModule(nsid) ?? 'local'} ${this.#digestOfDoc(source.doc)}`;
  }
}

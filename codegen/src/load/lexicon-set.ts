import type { CodegenProblem } from '../errors.js';
import type { SourceDocument } from './read-lexicons.js';
import { type LexNode, walkDocument } from './walk.js';

/** A resolved reference to a def of some document. */
export interface DefRef {
  nsid: string;
  def: string;
}

/** Where the documents referenced from outside this set live (e.g. an installed package). */
export interface ExternalLexicons {
  /** Returns the module specifier that provides a document, or undefined if it is unknown. */
  resolve(nsid: string): { module: string; doc: SourceDocument } | undefined;
  /**
   * The package whose `Client` the new one extends: its `client` module, and the namespaces it
   * already has classes for (`com`, `com.atproto`, ...), which the new ones extend.
   */
  client?: { module: string; namespaces: ReadonlySet<string> };
}

/** Splits a lexicon ref (`#x`, `nsid`, `nsid#x`) into the document and def it names. */
export function parseRef(ref: string, fromNsid: string): DefRef {
  const hash = ref.indexOf('#');

  if (hash === -1) return { nsid: ref, def: 'main' };

  return { nsid: hash === 0 ? fromNsid : ref.slice(0, hash), def: ref.slice(hash + 1) };
}

/** The `$type` value of a def: the NSID alone for `main`, else `nsid#def`. */
export function typeId(ref: DefRef): string {
  return ref.def === 'main' ? ref.nsid : `${ref.nsid}#${ref.def}`;
}

const UNION_TARGETS = new Set(['object', 'record']);
const REF_TARGETS = new Set([
  'object',
  'record',
  'array',
  'string',
  'integer',
  'boolean',
  'blob',
  'bytes',
  'cid-link',
]);

/**
 * The documents of one generation, indexed by NSID, with ref resolution. Documents the set does
 * not hold may come from external lexicons (a package generated earlier).
 */
export class LexiconSet {
  readonly documents: ReadonlyMap<string, SourceDocument>;
  readonly #external: ExternalLexicons | undefined;

  constructor(documents: Iterable<SourceDocument>, external?: ExternalLexicons) {
    this.documents = new Map([...documents].map((doc) => [doc.nsid, doc]));
    this.#external = external;
  }

  /** The document of an NSID, local or external. */
  document(nsid: string): SourceDocument | undefined {
    return this.documents.get(nsid) ?? this.#external?.resolve(nsid)?.doc;
  }

  /** The external package whose `Client` the generated one extends, when there is one. */
  get externalClient(): ExternalLexicons['client'] {
    return this.#external?.client;
  }

  /** The module specifier of an external document, or undefined for a local one. */
  externalModule(nsid: string): string | undefined {
    if (this.documents.has(nsid)) return undefined;

    return this.#external?.resolve(nsid)?.module;
  }

  /** The schema node a ref points at, or undefined when it does not resolve. */
  resolve(ref: DefRef): LexNode | undefined {
    const defs = this.document(ref.nsid)?.doc.defs as Record<string, LexNode> | undefined;

    return defs?.[ref.def];
  }

  /** Checks that every ref and union member resolves to a def it may point at. */
  checkRefs(): CodegenProblem[] {
    const problems: CodegenProblem[] = [];

    for (const source of this.documents.values()) {
      for (const visit of walkDocument(source.doc.defs)) {
        for (const [ref, path, allowed] of refsOf(visit.node, visit.path)) {
          const problem = this.#checkRef(ref, source.nsid, allowed);
          const where = { file: source.file, nsid: source.nsid, def: visit.def };

          if (problem !== undefined) problems.push({ ...where, path, message: problem });
        }
      }
    }

    return problems;
  }

  #checkRef(ref: string, fromNsid: string, allowed: ReadonlySet<string>): string | undefined {
    const target = parseRef(ref, fromNsid);
    const node = this.resolve(target);

    if (node === undefined) {
      const missing =
        this.document(target.nsid) === undefined ? 'document not found' : 'no such def';

      return `Unresolvable ref: ${typeId(target)} in ${fromNsid} (${missing})`;
    }

    if (allowed.has(node.type)) return undefined;

    if (allowed !== UNION_TARGETS) {
      return `Ref to a ${node.type} is not allowed: ${typeId(target)} in ${fromNsid}`;
    }

    const member = `${typeId(target)} is a ${node.type}, in ${fromNsid}`;

    return `Union member is not an object or record: ${member}`;
  }
}

type RefUse = [ref: string, path: string, allowed: ReadonlySet<string>];

function refsOf(node: LexNode, path: string): RefUse[] {
  if (node.type === 'ref' && typeof node['ref'] === 'string') {
    return [[node['ref'], `${path}.ref`, REF_TARGETS]];
  }

  if (node.type !== 'union' || !Array.isArray(node['refs'])) return [];

  return (node['refs'] as unknown[]).flatMap((ref, index): RefUse[] =>
    typeof ref === 'string' ? [[ref, `${path}.refs[${index}]`, UNION_TARGETS]] : [],
  );
}

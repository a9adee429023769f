import { posix } from 'node:path';

import type { DefRef, LexiconSet } from '../load/lexicon-set.js';
import type { LexNode } from '../load/walk.js';
import { nsidAlias, schemaName, typeName } from '../names/identifiers.js';

/**
 * The file of a document inside the output `src/`: `app.bsky.feed.post` -> `app/bsky/feed/post.ts`.
 */
export function modulePath(nsid: string): string {
  const segments = nsid.split('.');
  const last = segments.pop() ?? nsid;

  // @NOTE `index.ts` is the namespace index of every folder: a document named `index` moves aside
  return [...segments, last === 'index' ? 'index_' : last].join('/') + '.ts';
}

/** The relative import specifier from one generated file to another, ending in `.js`. */
export function relativeSpecifier(fromFile: string, toFile: string): string {
  const path = posix.relative(posix.dirname(fromFile), toFile).replace(/\.ts$/, '.js');

  return path.startsWith('.') ? path : `./${path}`;
}

/** The runtime import specifier as seen from one generated file. */
export function runtimeSpecifier(options: EmitOptions, fromFile: string): string {
  const module = options.runtimeModule;

  return module.startsWith('.') ? relativeSpecifier(fromFile, posix.normalize(module)) : module;
}

interface ModuleImport {
  alias: string;
  specifier: string;
  usedAsValue: boolean;
}

/** Options that shape every emitted module. */
export interface EmitOptions {
  /**
   * The module specifier of the runtime. A relative path (`./core.ts`) is taken from the root of
   * the generated tree and rewritten for each file. @default '@lexforge/runtime'
   */
  runtimeModule: string;
  /** The runtime class the generated `Client` extends. @default 'AtpClient' */
  clientBase: string;
  /**
   * Extra lines for the root `index.ts`, e.g. re-exports of hand-written modules that live beside
   * the generated tree. @default []
   */
  rootExports: readonly string[];
  /** The command named in the banner of every file. */
  regenerateCommand: string;
}

/**
 * What one generated module needs while it is being emitted: the lexicon set for resolving refs,
 * and the imports its code uses, collected as it goes. It also notes which other documents it
 * looked up, since the module's text depends on them.
 */
export class ModuleContext {
  readonly nsid: string;
  readonly file: string;
  readonly options: EmitOptions;
  readonly #set: LexiconSet;
  readonly #dependencies = new Set<string>();
  readonly #documents = new Map<string, ModuleImport>();
  readonly #runtimeValues = new Set<string>();
  readonly #runtimeTypes = new Set<string>();
  #usesValibot = false;

  constructor(set: LexiconSet, nsid: string, options: EmitOptions) {
    this.#set = set;
    this.nsid = nsid;
    this.file = modulePath(nsid);
    this.options = options;
  }

  /** The NSIDs of the documents looked up so far, this module's own included when it was. */
  get dependencies(): ReadonlySet<string> {
    return this.#dependencies;
  }

  /** The schema node a ref points at, or undefined when it does not resolve. */
  resolve(ref: DefRef): LexNode | undefined {
    this.#dependencies.add(ref.nsid);

    return this.#set.resolve(ref);
  }

  /** Marks valibot as used and returns its namespace alias. */
  valibot(): string {
    this.#usesValibot = true;

    return 'v';
  }

  /** Imports a value from the runtime and returns its name. */
  runtimeValue(name: string): string {
    this.#runtimeValues.add(name);

    return name;
  }

  /** Imports a type from the runtime and returns its name. */
  runtimeType(name: string): string {
    this.#runtimeTypes.add(name);

    return name;
  }

  /** The type name of a def, qualified by its document's import alias when it is elsewhere. */
  typeRef(ref: DefRef): string {
    return this.#qualify(ref.nsid, typeName(ref.def), false);
  }

  /** The schema constant of a def, qualified by its document's alias when it is elsewhere. */
  schemaRef(ref: DefRef): string {
    return this.#qualify(ref.nsid, schemaName(ref.def), true);
  }

  #qualify(nsid: string, name: string, asValue: boolean): string {
    if (nsid === this.nsid) return name;

    const entry = this.#documentImport(nsid);

    entry.usedAsValue ||= asValue;

    return `${entry.alias}.${name}`;
  }

  #documentImport(nsid: string): ModuleImport {
    const known = this.#documents.get(nsid);

    if (known !== undefined) return known;

    this.#dependencies.add(nsid);

    const external = this.#set.externalModule(nsid);
    const specifier = external ?? relativeSpecifier(this.file, modulePath(nsid));
    const entry = { alias: this.#uniqueAlias(nsidAlias(nsid)), specifier, usedAsValue: false };

    this.#documents.set(nsid, entry);

    return entry;
  }

  #uniqueAlias(alias: string): string {
    const taken = new Set([...this.#documents.values()].map((entry) => entry.alias));
    let candidate = alias;

    for (let index = 2; taken.has(candidate); index++) candidate = `${alias}_${index}`;

    return candidate;
  }

  /** The import declarations this module needs, sorted: valibot, runtime, other documents. */
  imports(): string[] {
    const lines: string[] = [];

    if (this.#usesValibot) lines.push(`import * as v from 'valibot';`);
    lines.push(...this.#runtimeImports());

    const documents = [...this.#documents.values()].sort((a, b) =>
      a.specifier < b.specifier ? -1 : a.specifier > b.specifier ? 1 : 0,
    );

    for (const entry of documents) {
      const keyword = entry.usedAsValue ? 'import' : 'import type';

      lines.push(`${keyword} * as ${entry.alias} from '${entry.specifier}';`);
    }

    return lines;
  }

  #runtimeImports(): string[] {
    const module = runtimeSpecifier(this.options, this.file);
    const values = [...this.#runtimeValues].sort();
    const types = [...this.#runtimeTypes].filter((name) => !this.#runtimeValues.has(name)).sort();
    const lines: string[] = [];

    if (values.length > 0) lines.push(`import { ${values.join(', ')} } from '${module}';`);
    if (types.length > 0) lines.push(`import type { ${types.join(', ')} } from '${module}';`);

    return lines;
  }
}

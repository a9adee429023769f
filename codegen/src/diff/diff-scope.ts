import { CHANGE_VERDICTS } from './change-kinds.js';
import type { DiffKind } from './change-kinds.js';
import type { DiffFinding } from './diff-report.js';
import { isSchemaNode, normalizeRef } from './schema-node.js';
import type { SchemaNode } from './schema-node.js';

/** Which version of the lexicons a node comes from. */
export type DiffSide = 'old' | 'new';

/** Compares two versions of one schema node; what it finds goes to `scope`. */
export type CompareSchema = (before: unknown, after: unknown, scope: DiffScope) => void;

/** What every scope of one diff shares: both document sets, the findings, the comparer. */
export interface DiffRun {
  documents: Readonly<Record<DiffSide, Readonly<Record<string, unknown>>>>;
  findings: DiffFinding[];
  compare: CompareSchema;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A place in a document being compared: reports findings there and descends into children. */
export class DiffScope {
  readonly #run: DiffRun;

  constructor(
    run: DiffRun,
    readonly nsid: string,
    readonly def: string | null,
    readonly path: string,
  ) {
    this.#run = run;
  }

  /** The scope of a child, e.g. `at('properties', 'text')`. */
  at(...keys: readonly string[]): DiffScope {
    const path = keys.reduce(
      (out, key) => (IDENTIFIER.test(key) ? `${out}.${key}` : `${out}[${JSON.stringify(key)}]`),
      this.path,
    );

    return new DiffScope(this.#run, this.nsid, this.def, path);
  }

  /** Compares two versions of the child at `keys`. */
  compareAt(before: unknown, after: unknown, ...keys: readonly string[]): void {
    this.#run.compare(before, after, this.at(...keys));
  }

  /** Records a finding of `kind` at this place; the kind decides the verdict. */
  report(kind: DiffKind, message: string): void {
    const { nsid, def, path } = this;

    this.#run.findings.push({ nsid, def, path, kind, verdict: CHANGE_VERDICTS[kind], message });
  }

  /** The ref as written in this document, spelled in full. */
  ref(ref: string): string {
    return normalizeRef(ref, this.nsid);
  }

  /** The def a ref points to in one version of the lexicons; `undefined` when there is none. */
  resolve(side: DiffSide, ref: string): SchemaNode | undefined {
    const [nsid = '', def = 'main'] = this.ref(ref).split('#');
    const doc = this.#run.documents[side][nsid];
    const target = isSchemaNode(doc) && isSchemaNode(doc['defs']) ? doc['defs'][def] : undefined;

    return isSchemaNode(target) ? target : undefined;
  }
}

import { checkNames } from './emit/emit-document.js';
import { modulePath } from './emit/module-context.js';
import { CodegenError, type CodegenProblem } from './errors.js';
import { checkDefs } from './load/check-defs.js';
import type { LexiconSet } from './load/lexicon-set.js';
import type { SourceDocument } from './load/read-lexicons.js';
import { walkDocument } from './load/walk.js';

function checkDuplicates(documents: readonly SourceDocument[]): CodegenProblem[] {
  const byPath = new Map<string, SourceDocument>();
  const problems: CodegenProblem[] = [];

  for (const source of documents) {
    const key = modulePath(source.nsid).toLowerCase();
    const other = byPath.get(key);

    if (other === undefined) byPath.set(key, source);
    else {
      const same = other.nsid === source.nsid ? 'Duplicate NSID' : 'NSIDs map to one module path';

      problems.push({
        file: source.file,
        nsid: source.nsid,
        message: `${same}: ${other.nsid} in ${other.file}`,
      });
    }
  }

  return problems;
}

function checkUnions(set: LexiconSet): CodegenProblem[] {
  const problems: CodegenProblem[] = [];

  for (const source of set.documents.values()) {
    for (const visit of walkDocument(source.doc.defs)) {
      const refs = visit.node['refs'];

      if (
        visit.node.type === 'union' &&
        visit.node['closed'] === true &&
        Array.isArray(refs) &&
        refs.length === 0
      ) {
        problems.push({
          file: source.file,
          nsid: source.nsid,
          def: visit.def,
          path: visit.path,
          message: 'Empty closed union',
        });
      }
    }
  }

  return problems;
}

/**
 * Checks what the document schema leaves open across a generation: unique module paths, named
 * defs, refs, unions and generated names.
 *
 * @throws {CodegenError} with every problem found
 */
export function checkLexicons(set: LexiconSet, documents: readonly SourceDocument[]): void {
  const problems = [
    ...checkDuplicates(documents),
    ...documents.flatMap(checkDefs),
    ...set.checkRefs(),
    ...checkUnions(set),
    ...documents.flatMap(checkNames),
  ];

  if (problems.length > 0) throw new CodegenError(problems);
}

import type { CodegenProblem } from '../errors.js';
import type { SourceDocument } from './read-lexicons.js';
import type { LexNode } from './walk.js';

const PRIMARY = new Set(['record', 'query', 'procedure', 'subscription', 'permission-set']);
const NAMED = new Set([
  ...PRIMARY,
  'object',
  'token',
  'string',
  'integer',
  'boolean',
  'array',
  'blob',
  'bytes',
  'cid-link',
]);

/**
 * Checks the rules about named defs that the document schema leaves open: primary types only as
 * `main`, and no `unknown`, `ref`, `union` or `params` as a named def.
 */
export function checkDefs(source: SourceDocument): CodegenProblem[] {
  const problems: CodegenProblem[] = [];

  for (const [def, node] of Object.entries(source.doc.defs as Record<string, LexNode>)) {
    const where = { file: source.file, nsid: source.nsid, def, path: `$.defs.${def}.type` };

    if (!NAMED.has(node.type)) {
      problems.push({ ...where, message: `Def type not allowed as a named def: ${node.type}` });
    } else if (PRIMARY.has(node.type) && def !== 'main') {
      problems.push({ ...where, message: `Primary type outside main: ${node.type}` });
    }
  }

  return problems;
}

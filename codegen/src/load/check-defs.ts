import type { CodegenProblem } from '../errors.js';
import type { SourceDocument } from './read-lexicons.js';
import { walkDocument, type LexNode } from './walk.js';

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
 * Objects may not declare `$type`: the data model reserves it for the type tag, which the
 * generated object already carries.
 */
function checkReservedFields(source: SourceDocument): CodegenProblem[] {
  return walkDocument(source.doc.defs as Record<string, unknown>)
    .filter(({ node }) => Object.hasOwn((node['properties'] ?? {}) as object, '$type'))
    .map(({ def, path }) => ({
      file: source.file,
      nsid: source.nsid,
      def,
      path: `${path}.properties.$type`,
      message: 'Field name reserved by the data model: $type',
    }));
}

/**
 * Checks the rules about named defs that the document schema leaves open: primary types only as
 * `main`, no `unknown`, `ref`, `union` or `params` as a named def, and no object field named
 * `$type`.
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

  return [...problems, ...checkReservedFields(source)];
}

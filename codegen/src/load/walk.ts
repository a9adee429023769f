/** A schema node of a lexicon document, loosely typed for traversal. */
export interface LexNode {
  type: string;
  [key: string]: unknown;
}

/** A schema node and where it sits in its document. */
export interface NodeVisit {
  node: LexNode;
  def: string;
  /** JSON path from the document root, e.g. `$.defs.main.properties.text`. */
  path: string;
}

function isNode(value: unknown): value is LexNode {
  return typeof value === 'object' && value !== null && typeof (value as LexNode).type === 'string';
}

const CHILD_KEYS = ['record', 'items', 'schema', 'parameters', 'input', 'output', 'message'];

function addChildren(node: LexNode, def: string, path: string, visits: NodeVisit[]): void {
  for (const key of CHILD_KEYS) {
    if (key in node) addNode(node[key], def, `${path}.${key}`, visits);
  }

  const properties = node['properties'];

  if (typeof properties === 'object' && properties !== null) {
    for (const [name, value] of Object.entries(properties)) {
      addNode(value, def, `${path}.properties.${name}`, visits);
    }
  }
}

function addNode(value: unknown, def: string, path: string, visits: NodeVisit[]): void {
  if (isNode(value)) {
    visits.push({ node: value, def, path });
    addChildren(value, def, path, visits);
  } else if (typeof value === 'object' && value !== null && 'schema' in value) {
    // `input`/`output` bodies carry a schema without being a typed node themselves
    addNode((value as { schema: unknown }).schema, def, `${path}.schema`, visits);
  }
}

const walked = new WeakMap<object, readonly NodeVisit[]>();

/**
 * Every schema node of a document, depth first, defs in sorted order. The list is made once per
 * `defs` object: the checks of a generation each go through every document.
 */
export function walkDocument(defs: Readonly<Record<string, unknown>>): readonly NodeVisit[] {
  const known = walked.get(defs);

  if (known !== undefined) return known;

  const visits: NodeVisit[] = [];

  for (const def of Object.keys(defs).sort()) addNode(defs[def], def, `$.defs.${def}`, visits);
  walked.set(defs, visits);

  return visits;
}

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

function* children(node: LexNode, path: string): Generator<[unknown, string]> {
  for (const key of ['record', 'items', 'schema', 'parameters', 'input', 'output', 'message']) {
    if (key in node) yield [node[key], `${path}.${key}`];
  }

  const properties = node['properties'];

  if (typeof properties === 'object' && properties !== null) {
    for (const [name, value] of Object.entries(properties)) {
      yield [value, `${path}.properties.${name}`];
    }
  }
}

function* walkNode(value: unknown, def: string, path: string): Generator<NodeVisit> {
  if (!isNode(value)) {
    // `input`/`output` bodies carry a schema without being a typed node themselves
    if (typeof value === 'object' && value !== null && 'schema' in value) {
      yield* walkNode((value as { schema: unknown }).schema, def, `${path}.schema`);
    }

    return;
  }

  yield { node: value, def, path };

  for (const [child, childPath] of children(value, path)) yield* walkNode(child, def, childPath);
}

/** Visits every schema node of a document, depth first, defs in sorted order. */
export function* walkDocument(defs: Readonly<Record<string, unknown>>): Generator<NodeVisit> {
  for (const def of Object.keys(defs).sort()) {
    yield* walkNode(defs[def], def, `$.defs.${def}`);
  }
}

/** A schema node of a lexicon document as parsed JSON: a `type` and its fields. */
export type SchemaNode = Readonly<Record<string, unknown>>;

/** Narrows a JSON value to an object that is not an array. */
export function isSchemaNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The strings of an array field; an empty list when it is missing or not an array. */
export function stringsOf(node: SchemaNode, key: string): string[] {
  const value = node[key];

  return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : [];
}

/** The object fields of a node, e.g. `properties`; an empty record when missing. */
export function entriesOf(node: SchemaNode, key: string): SchemaNode {
  const value = node[key];

  return isSchemaNode(value) ? value : {};
}

/** Renders a JSON value for a message: strings bare, everything else as JSON. */
export function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Tells whether two JSON values are equal, key order aside. */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** Serializes a JSON value with object keys sorted, so equal values give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    isSchemaNode(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner,
  );
}

/**
 * Spells a ref the one way two spellings of the same target compare equal: a local `#name` with
 * the document's NSID in front, and `nsid#main` as the bare `nsid`.
 */
export function normalizeRef(ref: string, nsid: string): string {
  const full = ref.startsWith('#') ? `${nsid}${ref}` : ref;

  return full.endsWith('#main') ? full.slice(0, -'#main'.length) : full;
}

/** The keys of two objects together, sorted and without repeats. */
export function keysOf(before: SchemaNode, after: SchemaNode): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
}

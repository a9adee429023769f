function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;

  const prototype: unknown = Object.getPrototypeOf(value);

  return prototype === Object.prototype || prototype === null;
}

/**
 * Returns a copy of `value` without the `undefined` properties of its plain objects, the way JSON
 * and a query string leave them out, so that what is validated is what is sent. Arrays and plain
 * objects are copied all the way down; anything else (bytes, CIDs, class instances) is kept as is.
 */
export function dropUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropUndefined);
  if (!isPlainObject(value)) return value;

  const copy: Record<string, unknown> = {};

  for (const [key, item] of Object.entries(value)) {
    if (item !== undefined) copy[key] = dropUndefined(item);
  }

  return copy;
}

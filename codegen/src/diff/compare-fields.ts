import type { DiffScope } from './diff-scope.js';
import { entriesOf, keysOf, stringsOf } from './schema-node.js';
import type { SchemaNode } from './schema-node.js';

/** The fields of an object or params node. */
interface Fields {
  properties: SchemaNode;
  required: ReadonlySet<string>;
  nullable: ReadonlySet<string>;
}

/** Both versions of the fields, and what to call one in messages. */
interface FieldPair {
  old: Fields;
  next: Fields;
  noun: 'Field' | 'Parameter';
}

/** For each flag list: the kind and wording when a field joins it, then when it leaves it. */
const FLAGS = [
  ['required', 'field-made-required', 'made required', 'field-made-optional', 'made optional'],
  ['nullable', 'nullable-added', 'made nullable', 'nullable-removed', 'no longer nullable'],
] as const;

function fieldsOf(node: SchemaNode): Fields {
  return {
    properties: entriesOf(node, 'properties'),
    required: new Set(stringsOf(node, 'required')),
    nullable: new Set(stringsOf(node, 'nullable')),
  };
}

/** Compares the properties of an `object` or `params` node, with what is required or nullable. */
export function compareFields(before: SchemaNode, after: SchemaNode, scope: DiffScope): void {
  const noun = after['type'] === 'params' ? 'Parameter' : 'Field';
  const pair: FieldPair = { old: fieldsOf(before), next: fieldsOf(after), noun };

  for (const name of keysOf(pair.old.properties, pair.next.properties)) {
    compareField(name, pair, scope.at('properties', name));
  }
}

function compareField(name: string, pair: FieldPair, scope: DiffScope): void {
  const { old, next, noun } = pair;

  if (!Object.hasOwn(next.properties, name)) {
    scope.report('field-removed', `${noun} removed: ${name}`);
  } else if (!Object.hasOwn(old.properties, name)) {
    reportAddedField(name, pair, scope);
  } else {
    compareFlags(name, pair, scope);
    scope.compareAt(old.properties[name], next.properties[name]);
  }
}

function reportAddedField(name: string, { next, noun }: FieldPair, scope: DiffScope): void {
  if (next.required.has(name)) {
    scope.report('required-field-added', `${noun} added as required: ${name}`);
  } else {
    scope.report('field-added', `${noun} added: ${name}`);
  }
}

function compareFlags(name: string, { old, next, noun }: FieldPair, scope: DiffScope): void {
  for (const [flag, gainedKind, gained, lostKind, lost] of FLAGS) {
    const is = next[flag].has(name);

    if (old[flag].has(name) !== is) {
      scope.report(is ? gainedKind : lostKind, `${noun} ${is ? gained : lost}: ${name}`);
    }
  }
}

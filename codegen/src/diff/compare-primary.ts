import { compareText, reportUnclassified } from './compare-common.js';
import type { DiffScope } from './diff-scope.js';
import { canonicalJson, isSchemaNode, show } from './schema-node.js';
import type { SchemaNode } from './schema-node.js';

/** A method without `parameters` takes none, as one with an empty params node. */
const NO_PARAMETERS: SchemaNode = { type: 'params', properties: {} };

const BODY_FIELDS = ['encoding', 'schema'];

const PROSE_FIELDS = ['title', 'title:lang', 'detail', 'detail:lang'];

/** The declared errors of a method: each name with its description. */
type Errors = ReadonlyMap<string, unknown>;

/** What a body carries: a request body, a response body or a subscription message. */
type BodyRole = 'input' | 'output' | 'message';

/** Compares the record key type and the record's object schema. */
export function compareRecord(before: SchemaNode, after: SchemaNode, scope: DiffScope): void {
  if (before['key'] !== after['key']) {
    const message = `Record key changed: ${show(before['key'])} -> ${show(after['key'])}`;

    scope.at('key').report('record-key-changed', message);
  }

  scope.compareAt(before['record'], after['record'], 'record');
}

/** Compares a query or procedure: parameters, input and output bodies, declared errors. */
export function compareMethod(before: SchemaNode, after: SchemaNode, scope: DiffScope): void {
  compareParameters(before, after, scope);
  compareBody(before['input'], after['input'], scope.at('input'), 'input');
  compareBody(before['output'], after['output'], scope.at('output'), 'output');
  compareErrors(before, after, scope.at('errors'));
}

/** Compares a subscription: parameters, message schema, declared errors. */
export function compareSubscription(before: SchemaNode, after: SchemaNode, scope: DiffScope): void {
  compareParameters(before, after, scope);
  compareBody(before['message'], after['message'], scope.at('message'), 'message');
  compareErrors(before, after, scope.at('errors'));
}

/** Compares a permission set: its prose as information, its permissions one by one. */
export function comparePermissionSet(
  before: SchemaNode,
  after: SchemaNode,
  scope: DiffScope,
): void {
  const old = new Set(permissionsOf(before));
  const next = new Set(permissionsOf(after));
  const at = scope.at('permissions');

  for (const key of PROSE_FIELDS) compareText(before, after, scope, key);

  for (const permission of [...old].filter((json) => !next.has(json))) {
    at.report('permission-removed', `Permission removed: ${permission}`);
  }

  for (const permission of [...next].filter((json) => !old.has(json))) {
    at.report('permission-added', `Permission added: ${permission}`);
  }
}

/** The fields of each primary type that the comparers here cover. */
export const PRIMARY_FIELDS = {
  record: ['key', 'record'],
  method: ['parameters', 'input', 'output', 'errors'],
  subscription: ['parameters', 'message', 'errors'],
  permissionSet: [...PROSE_FIELDS, 'permissions'],
};

function compareParameters(before: SchemaNode, after: SchemaNode, scope: DiffScope): void {
  const old = before['parameters'] ?? NO_PARAMETERS;
  const next = after['parameters'] ?? NO_PARAMETERS;

  scope.compareAt(old, next, 'parameters');
}

function compareBody(before: unknown, after: unknown, scope: DiffScope, role: BodyRole): void {
  if (!isSchemaNode(before) && !isSchemaNode(after)) return;

  if (!isSchemaNode(after)) return scope.report('body-removed', `Body removed: ${role}`);

  if (!isSchemaNode(before)) {
    const kind = role === 'input' ? 'input-added' : 'output-added';

    return scope.report(kind, `Body added: ${role} ${show(after['encoding'] ?? '')}`.trimEnd());
  }

  compareText(before, after, scope, 'description');
  compareEncoding(before['encoding'], after['encoding'], scope.at('encoding'));
  compareBodySchema(before['schema'], after['schema'], scope.at('schema'), role);
  reportUnclassified(before, after, scope, BODY_FIELDS);
}

function compareEncoding(old: unknown, next: unknown, scope: DiffScope): void {
  if (old === next) return;

  scope.report('encoding-changed', `Encoding changed: ${show(old)} -> ${show(next)}`);
}

function compareBodySchema(
  before: unknown,
  after: unknown,
  scope: DiffScope,
  role: BodyRole,
): void {
  if (before === undefined && after === undefined) return;

  if (before === undefined) return scope.report('type-changed', `Schema added: ${role}`);

  if (after === undefined) return scope.report('type-changed', `Schema removed: ${role}`);

  scope.compareAt(before, after);
}

function compareErrors(before: SchemaNode, after: SchemaNode, scope: DiffScope): void {
  const old = errorsOf(before);
  const next = errorsOf(after);

  for (const name of [...new Set([...old.keys(), ...next.keys()])].sort()) {
    compareError(name, old, next, scope);
  }
}

function compareError(name: string, old: Errors, next: Errors, scope: DiffScope): void {
  if (!next.has(name)) scope.report('error-removed', `Error removed: ${name}`);
  else if (!old.has(name)) scope.report('error-added', `Error added: ${name}`);
  else if (old.get(name) !== next.get(name)) {
    scope.report('description-changed', `Text changed: description of error ${name}`);
  }
}

/** The declared errors of a method, by name, with their descriptions. */
function errorsOf(node: SchemaNode): Errors {
  const errors = Array.isArray(node['errors']) ? node['errors'] : [];

  return new Map(
    errors.filter(isSchemaNode).map((error) => [show(error['name']), error['description']]),
  );
}

function permissionsOf(node: SchemaNode): string[] {
  return Array.isArray(node['permissions']) ? node['permissions'].map(canonicalJson) : [];
}

/**
 * Identifier rules shared by every emitter. They are deterministic: the same lexicon name always
 * gives the same TypeScript name.
 *
 * - Types are PascalCase of the def name (`postView` -> `PostView`); schemas are camelCase plus
 *   `Schema` (`postViewSchema`).
 * - A type name that would shadow a name the generated module itself uses (`Record`, `Params`,
 *   `Output`, ...) gets the suffix `Def` (`#record` -> `RecordDef`).
 * - NSIDs become namespace aliases by joining PascalCase segments, dropping hyphens
 *   (`com.example-co.fooBar` -> `ComExampleCoFooBar`).
 * - Property names that are not plain identifiers, and `__proto__`, are quoted.
 * - A builder setter whose name is taken by the builder itself (`send`, `with`, ...) gets the
 *   suffix `_` (`send_`).
 */

const JS_RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends ' +
    'false finally for function if import in instanceof new null return super switch this throw ' +
    'true try typeof var void while with yield let static implements interface package private ' +
    'protected public await arguments eval undefined NaN Infinity'
  ).split(' '),
);

/** Names a generated module refers to; a def must not shadow them. */
const MODULE_RESERVED = new Set([
  'Array',
  'Blob',
  'Boolean',
  'Date',
  'Error',
  'Input',
  'Main',
  'Message',
  'Number',
  'Object',
  'Output',
  'Params',
  'Partial',
  'Promise',
  'ReadableStream',
  'Record',
  'String',
  'Symbol',
  'Uint8Array',
]);

/** Builder members a lexicon field setter must not override. */
const BUILDER_RESERVED = new Set([
  'body',
  'constructor',
  'items',
  'pages',
  'parseOutput',
  'params',
  'response',
  'send',
  'toJSON',
  'toRequest',
  'with',
  '__proto__',
]);

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const TO_ESCAPE = /[\\'\n\r\u2028\u2029]/;

// @NOTE Emitting asks for the same few thousand names over and over, so each function below
// computes a name once per process; they are pure, and the names of all lexicons stay small
function cached(compute: (value: string) => string): (value: string) => string {
  const results = new Map<string, string>();

  return (value) => {
    let result = results.get(value);

    if (result === undefined) {
      result = compute(value);
      results.set(value, result);
    }

    return result;
  };
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function words(name: string): string[] {
  return name.split(/[^A-Za-z0-9]+/).filter((word) => word !== '');
}

/** `postView` -> `PostView`; `main` -> `Main`; `foo-bar` -> `FooBar`. */
export const pascalCase = cached((name) => {
  const pascal = words(name).map(capitalize).join('');

  return /^[0-9]/.test(pascal) ? `_${pascal}` : pascal;
});

/** `PostView` -> `postView`; `foo-bar` -> `fooBar`. */
export const camelCase = cached((name) => {
  const pascal = pascalCase(name);

  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
});

/** The TypeScript type name of a def. */
export const typeName = cached((defName) => {
  const name = defName === 'main' ? 'Main' : pascalCase(defName);

  return MODULE_RESERVED.has(name) && defName !== 'main' ? `${name}Def` : name;
});

/** The name of the schema constant of a def. */
export const schemaName = cached((defName) => `${camelCase(typeName(defName))}Schema`);

/** The namespace alias of a document: `app.bsky.actor.defs` -> `AppBskyActorDefs`. */
export const nsidAlias = cached((nsid) => nsid.split('.').map(pascalCase).join(''));

/** The class name of a lexicon error: `RecordNotFound` -> `RecordNotFoundError`. */
export const errorClassName = cached((errorName) => {
  const name = pascalCase(errorName);

  return name.endsWith('Error') ? name : `${name}Error`;
});

/** A property key as written in a type or object literal. */
export const propertyKey = cached((name) =>
  IDENTIFIER.test(name) && name !== '__proto__' ? name : `'${escapeString(name)}'`,
);

/** A property key for an object literal that must create an own property, even `__proto__`. */
export function literalKey(name: string): string {
  if (name === '__proto__') return `['__proto__']`;

  return propertyKey(name);
}

/** The builder setter name for a lexicon field. */
export function setterName(fieldName: string): string {
  return BUILDER_RESERVED.has(fieldName) ? `${fieldName}_` : fieldName;
}

/** The name of a module-level function or value, kept clear of reserved words. */
export const valueName = cached((name) => {
  const camel = camelCase(name);

  return JS_RESERVED.has(camel) ? `${camel}_` : camel;
});

/** A single-quoted TypeScript string literal. */
export const stringLiteral = cached((value) => `'${escapeString(value)}'`);

function escapeString(value: string): string {
  if (!TO_ESCAPE.test(value)) return value;

  return value
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

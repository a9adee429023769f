export type {
  $Typed,
  BlobRef,
  Bytes,
  CidLink,
  LegacyBlobRef,
  TypedBlobRef,
  UnknownObject,
  UnknownTypedObject,
} from './data-types.js';
export { blob, bytes, cidLink, unknownObject } from './ipld-schemas.js';
export type { BlobOptions, BytesOptions } from './ipld-schemas.js';
export {
  graphemeCount,
  graphemeLength,
  hasGraphemeLength,
  stringFormat,
  utf8Length,
} from './string-checks.js';
// the syntax checks count bytes too; the schema helpers export the count with the lengths
export { hasUtf8Length, utf8ByteLength } from '../syntax/utf8-length.js';
export type { LengthBounds } from './string-checks.js';
export { lexArray } from './lex-array.js';
export type { LexArrayBounds } from './lex-array.js';
export { lexObject } from './lex-object.js';
export type { LexObjectCheck } from './lex-object.js';
export { schemaCheck } from './schema-check.js';
export type { SchemaCheck } from './schema-check.js';
export { typedUnion } from './typed-union.js';

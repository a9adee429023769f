export { CodegenError, formatProblem } from './errors.js';
export type { CodegenProblem, SourceLocation } from './errors.js';
export { generate } from './generate.js';
export type { GenerateOptions, GenerateResult } from './generate.js';
export type { ExternalLexicons } from './load/lexicon-set.js';
export type { SourceDocument } from './load/read-lexicons.js';

export { CHANGE_VERDICTS } from './diff/change-kinds.js';
export type { DiffKind } from './diff/change-kinds.js';
export { diffLexiconFolders } from './diff/diff-lexicon-folders.js';
export { diffLexicons } from './diff/diff-lexicons.js';
export type { LexiconDocuments } from './diff/diff-lexicons.js';
export { hasBreakingChanges } from './diff/diff-report.js';
export type {
  DiffFinding,
  DiffSummary,
  DiffVerdict,
  DocumentChanges,
  LexiconDiff,
} from './diff/diff-report.js';
export { formatLexiconDiff } from './diff/format-lexicon-diff.js';
export { LexiconDiffError } from './diff/lexicon-diff-error.js';
export { readLexiconDocuments } from './diff/read-lexicon-documents.js';
export { CodegenError, formatProblem } from './errors.js';
export type { CodegenProblem, SourceLocation } from './errors.js';
export { generate } from './generate.js';
export type { GenerateOptions, GenerateResult } from './generate.js';
export type { ExternalLexicons } from './load/lexicon-set.js';
export type { SourceDocument } from './load/read-lexicons.js';
export { callableNamespaces, loadExternalLexicons } from './load/external-lexicons.js';
export type { ExternalPackage } from './load/external-lexicons.js';

import type { DiffVerdict } from './diff-report.js';

/**
 * The verdict of each kind of change. The rule behind it is the spec's: data valid under the old
 * lexicon stays valid under the new one, and nothing declared goes away or changes type. So new
 * optional fields, extra union members, larger limits and dropped constraints are compatible;
 * removals, type changes, new required fields and tightened limits are breaking.
 *
 * @NOTE A relaxation counts as compatible even though a reader built from the old lexicon may now
 * meet a longer string or a missing field: the spec asks readers to be lenient, and the upstream
 * lexicons relax limits this way between releases.
 */
export const CHANGE_VERDICTS = {
  'document-added': 'compatible',
  'document-removed': 'breaking',
  'def-added': 'compatible',
  'def-removed': 'breaking',
  'type-changed': 'breaking',
  'ref-changed': 'breaking',
  'field-added': 'compatible',
  'required-field-added': 'breaking',
  // @NOTE The spec only forbids removing required fields, but an optional one dropped from the
  // lexicon loses its type: a later version could bring the name back with another one.
  'field-removed': 'breaking',
  'field-made-required': 'breaking',
  'field-made-optional': 'compatible',
  'nullable-added': 'compatible',
  'nullable-removed': 'breaking',
  'union-member-added': 'compatible',
  'union-member-removed': 'breaking',
  // @NOTE The spec fixes the members of a closed union for good: adding one, or opening the union,
  // breaks readers that handle every member, however harmless it is to validation.
  'closed-union-widened': 'breaking',
  'union-closed': 'breaking',
  'union-opened': 'breaking',
  'enum-widened': 'compatible',
  'enum-narrowed': 'breaking',
  'known-value-added': 'compatible',
  // @NOTE knownValues is an open set: a value dropped from it stays valid data, so its removal is
  // compatible; it is still reported, since readers may have branched on it.
  'known-value-removed': 'compatible',
  'constraint-relaxed': 'compatible',
  'constraint-tightened': 'breaking',
  // @NOTE A default added, changed or dropped changes what existing data that omits the field
  // means, though the data stays valid.
  'default-changed': 'breaking',
  'record-key-changed': 'breaking',
  'encoding-changed': 'breaking',
  'input-added': 'breaking',
  'output-added': 'compatible',
  'body-removed': 'breaking',
  // @NOTE Declared errors tell callers what to expect; a caller ready for an error that is no
  // longer raised, or meeting a new one as a generic failure, keeps working.
  'error-added': 'compatible',
  'error-removed': 'compatible',
  'permission-added': 'compatible',
  'permission-removed': 'breaking',
  'description-changed': 'info',
  // @NOTE A change this diff has no rule for is taken as breaking, so `--check` never lets an
  // unknown change through.
  'unclassified-change': 'breaking',
} as const satisfies Record<string, DiffVerdict>;

/** The kinds of change a diff reports, e.g. `field-removed` or `constraint-relaxed`. */
export type DiffKind = keyof typeof CHANGE_VERDICTS;

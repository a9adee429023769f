import { describe, expect, test } from '@jest/globals';
import { diffLexicons, hasBreakingChanges } from '@lexforge/codegen';

import { AFTER, BEFORE, docs, field, GONE, NEW, NSID, object } from './lexicon-pairs.js';

describe(diffLexicons, () => {
  test('reports documents, defs and findings, sorted, with counts', () => {
    const diff = diffLexicons(BEFORE, AFTER);

    expect(diff.summary).toEqual({
      documents: { added: 1, removed: 1, changed: 1 },
      findings: { breaking: 3, compatible: 3, info: 1 },
    });
    expect(diff.documents).toEqual({
      added: [NEW],
      removed: [GONE],
      changed: [
        { nsid: NSID, defs: { added: ['added'], removed: ['dropped'], changed: ['view'] } },
      ],
    });
    expect(diff.findings.map(({ nsid, path, kind }) => `${nsid} ${path} ${kind}`)).toEqual([
      `${GONE} $ document-removed`,
      `${NEW} $ document-added`,
      `${NSID} $.defs.added def-added`,
      `${NSID} $.defs.dropped def-removed`,
      `${NSID} $.defs.view.properties.old field-removed`,
      `${NSID} $.defs.view.properties.text.description description-changed`,
      `${NSID} $.defs.view.properties.text.maxLength constraint-relaxed`,
    ]);
    expect(hasBreakingChanges(diff)).toBe(true);
  });

  test('gives the same report whatever order the documents and defs come in', () => {
    const reversed = (set: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(set).reverse());

    expect(diffLexicons(reversed(BEFORE), reversed(AFTER))).toEqual(diffLexicons(BEFORE, AFTER));
  });

  test('changes neither input', () => {
    const before = structuredClone(BEFORE);
    const after = structuredClone(AFTER);

    diffLexicons(before, after);

    expect([before, after]).toEqual([BEFORE, AFTER]);
  });

  test('finds nothing between sets that differ only in key order and ref spelling', () => {
    const before = docs({
      main: object({
        a: { type: 'ref', ref: '#target' },
        b: { type: 'union', refs: [`${NSID}#main`] },
      }),
      target: object({}, { required: [] }),
    });
    const after = docs({
      target: { required: [], properties: {}, type: 'object' },
      main: object({
        b: { type: 'union', refs: [NSID] },
        a: { ref: `${NSID}#target`, type: 'ref' },
      }),
    });
    const diff = diffLexicons(before, after);

    expect(diff.findings).toEqual([]);
    expect(diff.documents.changed).toEqual([]);
    expect(hasBreakingChanges(diff)).toBe(false);
  });

  test('compares a schema moved into a named def by its shape', () => {
    const inline = { type: 'string', knownValues: ['request', 'accepted'] };
    const before = field(inline);
    const moved = docs({ main: object({ f: { type: 'ref', ref: '#status' } }), status: inline });
    const widened = docs({
      main: object({ f: { type: 'ref', ref: '#status' } }),
      status: { ...inline, knownValues: ['request', 'accepted', 'muted'] },
    });

    expect(diffLexicons(before, moved).findings.map(({ kind }) => kind)).toEqual(['def-added']);
    expect(diffLexicons(moved, before).findings.map(({ kind }) => kind)).toEqual(['def-removed']);
    expect(diffLexicons(before, widened).findings).toContainEqual(
      expect.objectContaining({
        path: '$.defs.main.properties.f.knownValues',
        kind: 'known-value-added',
        message: 'Known value added: muted',
      }),
    );
  });

  test('reports a ref to a def of another type as a type change', () => {
    const before = field({ type: 'string' });
    const after = docs({
      main: object({ f: { type: 'ref', ref: '#count' } }),
      count: { type: 'integer' },
    });

    expect(diffLexicons(before, after).findings).toContainEqual(
      expect.objectContaining({
        path: '$.defs.main.properties.f.type',
        kind: 'type-changed',
        message: 'Type changed: string -> ref',
      }),
    );
  });

  test('reports one finding per enum value and known value, by path then kind', () => {
    const before = field({ type: 'string', enum: ['a', 'b', 'c'], knownValues: ['x'] });
    const after = field({ type: 'string', enum: ['c', 'd'], knownValues: ['y', 'z'] });

    expect(diffLexicons(before, after).findings.map(({ message }) => message)).toEqual([
      'Enum value removed: a',
      'Enum value removed: b',
      'Enum value added: d',
      'Known value added: y',
      'Known value added: z',
      'Known value removed: x',
    ]);
  });

  test('names the old and new value in messages', () => {
    const before = docs({ main: { type: 'record', key: 'tid', record: object({}) } });
    const after = docs({ main: { type: 'record', key: 'nsid', record: object({}) } });

    expect(diffLexicons(before, after).findings[0]?.message).toBe(
      'Record key changed: tid -> nsid',
    );
  });

  test('reports nothing and no breaking change for two empty sets', () => {
    const diff = diffLexicons({}, {});

    expect(diff).toEqual({
      summary: {
        documents: { added: 0, removed: 0, changed: 0 },
        findings: { breaking: 0, compatible: 0, info: 0 },
      },
      documents: { added: [], removed: [], changed: [] },
      findings: [],
    });
    expect(hasBreakingChanges(diff)).toBe(false);
  });
});

import { readFileSync } from 'node:fs';

import { describe, expect, test } from '@jest/globals';

import {
  LexiconFileError,
  nsidPath,
  parseLexiconFile,
} from '../../../scripts/lexicons/lexicon-file.js';
import { sharedPath } from '../../_util/shared-data.js';

interface Vector {
  name: string;
  lexicon: { id?: unknown };
}

function readVectors(kind: 'valid' | 'invalid'): Vector[] {
  const path = sharedPath('interop', 'lexicon', `lexicon-${kind}.json`);

  return JSON.parse(readFileSync(path, 'utf8')) as Vector[];
}

function bytesOf(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value));
}

function problemOf(path: string, bytes: Uint8Array): string {
  try {
    parseLexiconFile(path, bytes);
  } catch (error) {
    if (error instanceof LexiconFileError) return error.message;

    throw error;
  }

  throw new Error(`Document accepted: ${path}`);
}

describe(parseLexiconFile, () => {
  test.each(readVectors('valid'))('accepts the interop vector $name', ({ lexicon }) => {
    const path = nsidPath(String(lexicon.id));

    expect(parseLexiconFile(path, bytesOf(lexicon))).toMatchObject({ nsid: lexicon.id, path });
  });

  test.each(readVectors('invalid'))('rejects the interop vector $name', ({ lexicon }) => {
    expect(problemOf('example/vector.json', bytesOf(lexicon))).toMatch(
      /^example\/vector\.json: invalid lexicon: \$/,
    );
  });

  test('keeps the bytes as read and hashes them', () => {
    const bytes = Buffer.from('{"lexicon":1,"id":"com.example.a","defs":{}}\n');
    const file = parseLexiconFile('com/example/a.json', bytes);

    expect(file.bytes).toBe(bytes);
    expect(file.sha256).toBe('eaa361e228a4d258c05675aba26ba1a559de9eac7a45232b1dc5ba264ede0f8d');
  });

  test('names the JSON path of a schema problem', () => {
    const limit = { type: 'integer', minimum: 'one' };
    const main = { type: 'query', parameters: { type: 'params', properties: { limit } } };
    const bytes = bytesOf({ lexicon: 1, id: 'com.example.q', defs: { main } });

    expect(problemOf('com/example/q.json', bytes)).toBe(
      'com/example/q.json: invalid lexicon: $.defs.main.parameters.properties.limit.minimum: Expected number, received string',
    );
  });

  test('rejects bytes that are not UTF-8', () => {
    expect(problemOf('com/example/a.json', Buffer.from([0x7b, 0xff, 0x7d]))).toMatch(
      /^com\/example\/a\.json: invalid JSON: /,
    );
  });

  test('rejects a document away from its NSID path', () => {
    const bytes = bytesOf({ lexicon: 1, id: 'com.example.right', defs: {} });

    expect(problemOf('com/example/wrong.json', bytes)).toBe(
      'com/example/wrong.json: document com.example.right belongs at com/example/right.json',
    );
  });
});

import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, describe, expect, test } from '@jest/globals';
import { CodegenError, generate } from '@lexforge/codegen';

import { makeTempDir } from '../_util/temp-dir.js';
import {
  FIXTURES,
  GOLDEN,
  lexicon,
  listFiles,
  readTree,
  writeLexicons,
} from './codegen-fixtures.js';

const cleanups: (() => void)[] = [];

function tempDir(prefix: string): string {
  const temp = makeTempDir(prefix);

  cleanups.push(temp.remove);

  return temp.dir;
}

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function rejection(lexicons: string, out: string): Promise<CodegenError> {
  const error = await generate({ lexicons: [lexicons], out }).catch((caught: unknown) => caught);

  if (!(error instanceof CodegenError))
    throw new Error(`Expected a CodegenError, got ${String(error)}`);

  return error;
}

describe('generate', () => {
  test('emits one module per document plus the index tree and client', async () => {
    const out = tempDir('gen');
    const result = await generate({ lexicons: [join(FIXTURES, 'kitchen-sink')], out });
    const files = listFiles(join(out, 'src'));

    expect(result.documents).toBe(12);
    expect(result.files).toBe(files.length);
    expect(files).toContain('com/example/feed/post.ts');
    expect(files).toContain('org/example-co/x1/doThing.ts');
    expect(files).toContain('client.ts');
    expect(files).toContain('index.ts');
  });

  test('writes byte-identical output on every run', async () => {
    const first = tempDir('gen-a');
    const second = tempDir('gen-b');

    await generate({ lexicons: [join(FIXTURES, 'kitchen-sink')], out: first });
    await generate({ lexicons: [join(FIXTURES, 'kitchen-sink')], out: second });

    expect(readTree(join(second, 'src'))).toEqual(readTree(join(first, 'src')));
  });

  test('matches the golden files', async () => {
    const out = tempDir('gen');
    const golden = join(GOLDEN, 'kitchen-sink');

    await generate({ lexicons: [join(FIXTURES, 'kitchen-sink')], out });

    if (process.env['UPDATE_GOLDEN'] === '1') {
      rmSync(golden, { recursive: true, force: true });
      cpSync(join(out, 'src'), golden, { recursive: true });
    }

    expect(readTree(join(out, 'src'))).toEqual(readTree(golden));
  });

  test('reports stale and leftover files in check mode without writing', async () => {
    const out = tempDir('gen');
    const lexicons = [join(FIXTURES, 'kitchen-sink')];

    await generate({ lexicons, out });
    writeFileSync(join(out, 'src/com/example/feed/post.ts'), '// edited\n');
    writeFileSync(join(out, 'src/leftover.ts'), '// not generated\n');
    const before = readTree(join(out, 'src'));
    const result = await generate({ lexicons, out, mode: 'check' });

    expect(result.stale).toEqual(['com/example/feed/post.ts', 'leftover.ts']);
    expect(readTree(join(out, 'src'))).toEqual(before);
    expect((await generate({ lexicons, out: tempDir('fresh'), mode: 'check' })).stale).toHaveLength(
      result.files,
    );
  });

  test('selects documents with include and exclude globs', async () => {
    const out = tempDir('gen');
    const result = await generate({
      lexicons: [join(FIXTURES, 'kitchen-sink')],
      out,
      include: ['com.example.**'],
      exclude: ['com.example.feed.get*', 'com.example.feed.subscribe'],
    });
    const files = listFiles(join(out, 'src'));

    expect(result.documents).toBe(8);
    expect(files).not.toContain('com/example/feed/getPosts.ts');
    expect(files).not.toContain('org/example-co/x1/doThing.ts');
  });

  test('rejects a broken cross-document ref, naming both documents, and writes nothing', async () => {
    const lexicons = tempDir('lex');
    const out = tempDir('gen');

    writeLexicons(lexicons, {
      'com.example.a': lexicon('com.example.a', {
        main: {
          type: 'object',
          properties: { b: { type: 'ref', ref: 'com.example.missing#thing' } },
        },
      }),
    });

    const error = await rejection(lexicons, out);

    expect(error.problems).toHaveLength(1);
    expect(error.message).toContain('com.example.missing#thing');
    expect(error.message).toContain('com.example.a');
    expect(error.problems[0]).toMatchObject({ def: 'main', path: '$.defs.main.properties.b.ref' });
    expect(existsSync(join(out, 'src'))).toBe(false);
  });

  test('keeps the previous output whole when a later run fails', async () => {
    const lexicons = tempDir('lex');
    const out = tempDir('gen');

    writeLexicons(lexicons, {
      'com.example.a': lexicon('com.example.a', { main: { type: 'token' } }),
    });
    await generate({ lexicons: [lexicons], out });
    const before = readTree(join(out, 'src'));

    writeLexicons(lexicons, {
      'com.example.b': lexicon('com.example.b', { main: { type: 'union', refs: [] } }),
    });
    await rejection(lexicons, out);

    expect(readTree(join(out, 'src'))).toEqual(before);
  });

  test.each([
    {
      name: 'two defs with the same type name',
      defs: { postView: { type: 'token' }, PostView: { type: 'token' } },
      message: 'Name collision: #postView and #PostView both produce PostView',
    },
    {
      name: 'a union member that is not an object',
      defs: {
        main: { type: 'object', properties: { u: { type: 'union', refs: ['#count'] } } },
        count: { type: 'integer' },
      },
      message: 'Union member is not an object or record: com.example.a#count is a integer',
    },
    {
      name: 'a ref to a token',
      defs: {
        main: { type: 'object', properties: { t: { type: 'ref', ref: '#flag' } } },
        flag: { type: 'token' },
      },
      message: 'Ref to a token is not allowed: com.example.a#flag',
    },
    {
      name: 'an empty closed union',
      defs: {
        main: { type: 'object', properties: { u: { type: 'union', refs: [], closed: true } } },
      },
      message: 'Empty closed union',
    },
    {
      name: 'an object field named $type',
      defs: {
        main: { type: 'object', properties: { $type: { type: 'string' } } },
      },
      message: 'Field name reserved by the data model: $type',
    },
  ])('rejects $name', async ({ defs, message }) => {
    const lexicons = tempDir('lex');

    writeLexicons(lexicons, { 'com.example.a': lexicon('com.example.a', defs) });
    const error = await rejection(lexicons, tempDir('gen'));

    expect(error.message).toContain(message);
    expect(error.problems[0]?.nsid).toBe('com.example.a');
  });

  test('names the file and JSON path of an invalid document', async () => {
    const lexicons = tempDir('lex');

    writeLexicons(lexicons, {
      'com.example.bad': lexicon('com.example.bad', {
        main: { type: 'string', maxLength: 'long' },
      }),
    });
    const error = await rejection(lexicons, tempDir('gen'));

    expect(error.problems[0]?.file).toMatch(/com\/example\/bad\.json$/);
    expect(error.problems[0]?.path).toBe('$.defs.main.maxLength');
  });

  test('names the file of a document that is not JSON', async () => {
    const lexicons = tempDir('lex');

    mkdirSync(join(lexicons, 'com/example'), { recursive: true });
    writeFileSync(join(lexicons, 'com/example/cut.json'), '{"lexicon": 1, "id": "com.exa');
    const error = await rejection(lexicons, tempDir('gen'));

    expect(error.problems[0]?.file).toMatch(/com\/example\/cut\.json$/);
    expect(error.problems[0]?.message).toMatch(/^Invalid JSON: /);
  });
});

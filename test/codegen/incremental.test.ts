import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

import { afterEach, describe, expect, test } from '@jest/globals';
import {
  type ExternalLexicons,
  generate,
  type GenerateOptions,
  type SourceDocument,
} from '@lexforge/codegen';

import { createLogger } from '../../codegen/src/cli/logger.js';
import { runCli } from '../../codegen/src/cli/run-cli.js';
import { makeTempDir } from '../_util/temp-dir.js';
import { FIXTURES, lexicon, readTree, writeLexicons } from './codegen-fixtures.js';

const cleanups: (() => void)[] = [];

function tempDir(prefix: string): string {
  const temp = makeTempDir(prefix);

  cleanups.push(temp.remove);

  return temp.dir;
}

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A copy of the kitchen-sink fixture that a test may edit. */
function kitchenSink(): string {
  const lexicons = tempDir('lex');

  cpSync(join(FIXTURES, 'kitchen-sink'), lexicons, { recursive: true });

  return lexicons;
}

function cacheFileOf(out: string): string {
  return join(out, 'node_modules/.cache/lexforge/src.json');
}

/** What a generation without any cache, into a fresh folder, gives for the same documents. */
async function cleanTree(lexicons: string, options: Partial<GenerateOptions> = {}) {
  const out = tempDir('clean');

  await generate({ ...options, lexicons: [lexicons], out, cache: false });

  return readTree(join(out, 'src'));
}

function editJson(path: string, edit: (doc: Record<string, unknown>) => void): void {
  const doc = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

  edit(doc);
  writeFileSync(path, JSON.stringify(doc, null, 2));
}

async function cli(...argv: string[]): Promise<number> {
  return runCli(argv, createLogger('silent'));
}

describe('generate with its cache', () => {
  test('takes every module from the cache on a second run, with the same output', async () => {
    const lexicons = kitchenSink();
    const out = tempDir('gen');
    const post = join(out, 'src/com/example/feed/post.ts');
    const first = await generate({ lexicons: [lexicons], out });
    const written = statSync(post);
    const second = await generate({ lexicons: [lexicons], out });

    expect(first.emitted).toHaveLength(12);
    expect(existsSync(cacheFileOf(out))).toBe(true);
    expect(second.emitted).toEqual([]);
    expect(second.written).toEqual([]);
    expect(statSync(post)).toMatchObject({ ino: written.ino, mtimeMs: written.mtimeMs });
    expect(readTree(join(out, 'src'))).toEqual(await cleanTree(lexicons));
  });

  test('re-emits an edited document and the modules that refer to it, and no others', async () => {
    const lexicons = kitchenSink();
    const out = tempDir('gen');

    await generate({ lexicons: [lexicons], out });
    editJson(join(lexicons, 'com/example/feed/post.json'), (doc) => {
      doc['description'] = 'An edited post record.';
    });
    const result = await generate({ lexicons: [lexicons], out });

    expect(result.emitted).toEqual([
      'com.example.actor.defs',
      'com.example.feed.createPost',
      'com.example.feed.getPosts',
      'com.example.feed.post',
    ]);
    expect(result.written).toEqual(['com/example/feed/post.ts']);
    expect(readTree(join(out, 'src'))).toEqual(await cleanTree(lexicons));
  });

  test('re-emits a module whose text follows the fields of a document it refers to', async () => {
    const lexicons = tempDir('lex');
    const out = tempDir('gen');
    const shape = (properties: Record<string, unknown>) =>
      lexicon('com.example.shape', { main: { type: 'object', properties } });
    const make = {
      type: 'procedure',
      input: { encoding: 'application/json', schema: { type: 'ref', ref: 'com.example.shape' } },
    };

    writeLexicons(lexicons, {
      'com.example.shape': shape({ a: { type: 'string' } }),
      'com.example.make': lexicon('com.example.make', { main: make }),
      'com.example.other': lexicon('com.example.other', { main: { type: 'token' } }),
    });
    await generate({ lexicons: [lexicons], out });
    writeLexicons(lexicons, {
      'com.example.shape': shape({ a: { type: 'string' }, b: { type: 'integer' } }),
    });
    const result = await generate({ lexicons: [lexicons], out });
    const tree = readTree(join(out, 'src'));

    expect(result.emitted).toEqual(['com.example.make', 'com.example.shape']);
    expect(tree.get('com/example/make.ts')).toContain('b(value: number): this');
    expect(tree).toEqual(await cleanTree(lexicons));
  });

  test('re-emits a module when an external document it refers to changes', async () => {
    const lexicons = tempDir('lex');
    const out = tempDir('gen');
    const shape = (properties: Record<string, unknown>): ExternalLexicons => ({
      resolve: (nsid) =>
        nsid === 'org.other.shape'
          ? {
              module: '@other/api/org/other/shape',
              doc: {
                nsid,
                file: 'shape.json',
                doc: lexicon(nsid, {
                  main: { type: 'object', properties },
                }) as SourceDocument['doc'],
              },
            }
          : undefined,
    });
    const make = {
      type: 'procedure',
      input: { encoding: 'application/json', schema: { type: 'ref', ref: 'org.other.shape' } },
    };

    writeLexicons(lexicons, {
      'com.example.make': lexicon('com.example.make', { main: make }),
      'com.example.other': lexicon('com.example.other', { main: { type: 'token' } }),
    });
    await generate({ lexicons: [lexicons], out, external: shape({ a: { type: 'string' } }) });
    const external = shape({ a: { type: 'string' }, b: { type: 'integer' } });
    const result = await generate({ lexicons: [lexicons], out, external });

    expect(result.emitted).toEqual(['com.example.make']);
    expect(readTree(join(out, 'src'))).toEqual(await cleanTree(lexicons, { external }));
  });

  test('generates everything again when the emit options change', async () => {
    const lexicons = kitchenSink();
    const out = tempDir('gen');

    await generate({ lexicons: [lexicons], out });
    const result = await generate({
      lexicons: [lexicons],
      out,
      emit: { regenerateCommand: 'make' },
    });

    expect(result.emitted).toHaveLength(12);
    expect(result.written).toHaveLength(result.files);
  });

  test('updates the client when a method changes and a namespace comes in', async () => {
    const lexicons = kitchenSink();
    const out = tempDir('gen');

    await generate({ lexicons: [lexicons], out });
    editJson(join(lexicons, 'com/example/feed/ping.json'), (doc) => {
      (doc['defs'] as { main: { description: string } }).main.description = 'Pings, edited.';
    });
    writeLexicons(lexicons, {
      'net.example.tool.run': lexicon('net.example.tool.run', { main: { type: 'procedure' } }),
    });
    const result = await generate({ lexicons: [lexicons], out });
    const tree = readTree(join(out, 'src'));

    expect(result.emitted).toEqual(['com.example.feed.ping', 'net.example.tool.run']);
    expect(tree.get('client.ts')).toContain('Pings, edited.');
    expect(tree.get('client.ts')).toContain('export class NetExampleToolNamespace');
    expect(tree).toEqual(await cleanTree(lexicons));
  });

  test('removes the module of a deleted document, stray files and the folders left empty', async () => {
    const lexicons = kitchenSink();
    const out = tempDir('gen');

    await generate({ lexicons: [lexicons], out });
    rmSync(join(lexicons, 'com/example/feed/ping.json'));
    rmSync(join(lexicons, 'org'), { recursive: true });
    writeFileSync(join(out, 'src/com/notes.md'), 'Not generated.\n');
    const result = await generate({ lexicons: [lexicons], out });

    expect(result.emitted).toEqual([]);
    expect(result.removed).toEqual([
      'com/example/feed/ping.ts',
      'com/notes.md',
      'org/example-co/index.ts',
      'org/example-co/x1/doThing.ts',
      'org/example-co/x1/index.ts',
      'org/index.ts',
    ]);
    expect(existsSync(join(out, 'src/org'))).toBe(false);
    expect(readTree(join(out, 'src'))).toEqual(await cleanTree(lexicons));
  });

  test.each([
    { name: 'a file that is not JSON', text: '{"format": 1, "key": ' },
    { name: 'JSON of another shape', text: '{"format": 1, "documents": [], "modules": 7}' },
    { name: 'an empty file', text: '' },
  ])('ignores a cache that is $name and generates everything', async ({ text }) => {
    const lexicons = kitchenSink();
    const out = tempDir('gen');

    await generate({ lexicons: [lexicons], out });
    writeFileSync(cacheFileOf(out), text);
    rmSync(join(out, 'src'), { recursive: true });
    const result = await generate({ lexicons: [lexicons], out });

    expect(result.emitted).toHaveLength(12);
    expect(readTree(join(out, 'src'))).toEqual(await cleanTree(lexicons));
  });

  test('generates all the same when the cache cannot be written', async () => {
    const lexicons = kitchenSink();
    const out = tempDir('gen');
    const messages: string[] = [];

    mkdirSync(join(out, 'node_modules/.cache'), { recursive: true });
    writeFileSync(join(out, 'node_modules/.cache/lexforge'), 'a file where the folder goes\n');
    const result = await generate({
      lexicons: [lexicons],
      out,
      onProgress: (message) => messages.push(message),
    });

    expect(result.written).toHaveLength(result.files);
    expect(messages.some((message) => message.startsWith('Cache not saved: '))).toBe(true);
    expect(readTree(join(out, 'src'))).toEqual(await cleanTree(lexicons));
  });

  test('puts back a generated file edited by hand although its module comes from the cache', async () => {
    const lexicons = kitchenSink();
    const out = tempDir('gen');

    await generate({ lexicons: [lexicons], out });
    writeFileSync(join(out, 'src/com/example/feed/post.ts'), '// edited\n');
    const result = await generate({ lexicons: [lexicons], out });

    expect(result.emitted).toEqual([]);
    expect(result.written).toEqual(['com/example/feed/post.ts']);
    expect(readTree(join(out, 'src'))).toEqual(await cleanTree(lexicons));
  });

  test('reads the cache in check mode but leaves it as it is', async () => {
    const lexicons = kitchenSink();
    const out = tempDir('gen');

    await generate({ lexicons: [lexicons], out });
    editJson(join(lexicons, 'com/example/feed/ping.json'), (doc) => {
      doc['description'] = 'Edited.';
    });
    const cache = readFileSync(cacheFileOf(out), 'utf8');
    const result = await generate({ lexicons: [lexicons], out, mode: 'check' });

    expect(result.emitted).toEqual(['com.example.feed.ping']);
    expect(result.stale).toEqual(['com/example/feed/ping.ts']);
    expect(readFileSync(cacheFileOf(out), 'utf8')).toBe(cache);
  });
});

describe('lexforge generate --no-cache', () => {
  test('neither reads nor writes the cache', async () => {
    const lexicons = kitchenSink();
    const out = tempDir('gen');
    const post = join(out, 'src/com/example/feed/post.ts');

    expect(await cli('generate', '--lexicons', lexicons, '--out', out, '--no-cache')).toBe(0);
    expect(existsSync(cacheFileOf(out))).toBe(false);

    // @NOTE A cache whose module text was tampered with shows whether a run takes it
    await cli('generate', '--lexicons', lexicons, '--out', out);
    const cache = readFileSync(cacheFileOf(out), 'utf8');
    const original = readFileSync(post, 'utf8');

    writeFileSync(cacheFileOf(out), cache.replace('A short text post.', 'Tampered.'));
    rmSync(post);
    await cli('generate', '--lexicons', lexicons, '--out', out);
    expect(readFileSync(post, 'utf8')).toContain('Tampered.');

    rmSync(post);
    expect(await cli('generate', '--lexicons', lexicons, '--out', out, '--no-cache')).toBe(0);
    expect(readFileSync(post, 'utf8')).toBe(original);
  });
});

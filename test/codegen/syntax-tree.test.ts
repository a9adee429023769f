import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, test } from '@jest/globals';
import { Project, type SourceFile, SyntaxKind } from 'ts-morph';

import { GOLDEN, listFiles } from './codegen-fixtures.js';

const KITCHEN_SINK = join(GOLDEN, 'kitchen-sink');
const project = new Project({ useInMemoryFileSystem: true });

function parse(path: string): SourceFile {
  return project.createSourceFile(path, readFileSync(join(KITCHEN_SINK, path), 'utf8'), {
    overwrite: true,
  });
}

function methodNames(file: SourceFile, className: string): string[] {
  return file
    .getClassOrThrow(className)
    .getMethods()
    .map((method) => method.getName());
}

describe('generated syntax tree', () => {
  test('gives every schema constant an explicit type and a pure initializer', () => {
    const modules = listFiles(KITCHEN_SINK).filter((path) => !path.endsWith('index.ts'));
    let schemas = 0;

    for (const path of modules) {
      for (const declaration of parse(path).getVariableDeclarations()) {
        if (!declaration.getName().endsWith('Schema')) continue;

        schemas++;
        expect(declaration.getTypeNode()?.getText()).toMatch(/^v\.GenericSchema<unknown, \w+>$/);
        expect(declaration.getInitializerOrThrow().getFullText().trimStart()).toMatch(
          /^\/\*#__PURE__\*\//,
        );
      }
    }

    expect(schemas).toBeGreaterThan(20);
  });

  test('emits one setter per param and input field, renaming builder members', () => {
    const getPosts = parse('com/example/feed/getPosts.ts');
    const createPost = parse('com/example/feed/createPost.ts');

    expect(methodNames(getPosts, 'GetPostsRequest')).toEqual([
      'cursor',
      'includeReplies',
      'limit',
      'send_',
      'uris',
      'pages',
      'items',
    ]);
    expect(methodNames(createPost, 'CreatePostRequest')).toEqual([
      'record',
      'repo',
      'validate',
      'with_',
    ]);
    expect(getPosts.getClassOrThrow('GetPostsRequest').getExtends()?.getText()).toBe(
      'QueryRequest<Params, Output>',
    );
  });

  test('pages cursor queries and yields the items of their one array field', () => {
    const request = parse('com/example/feed/getPosts.ts').getClassOrThrow('GetPostsRequest');
    const items = request.getMethodOrThrow('items');

    expect(request.getMethodOrThrow('pages').getReturnTypeNode()?.getText()).toBe(
      'AsyncGenerator<Output, void, undefined>',
    );
    expect(items.getReturnTypeNode()?.getText()).toBe(
      'AsyncGenerator<ComExampleFeedPost.PostView, void, undefined>',
    );
    expect(items.getBodyText()).toContain('(page) => page.posts');
  });

  test('declares one error class per lexicon error, listed in the method descriptor', () => {
    const file = parse('com/example/feed/getPosts.ts');
    const errors = file
      .getClasses()
      .filter((c) => c.getExtends()?.getText() === 'XrpcResponseError');
    const descriptor = file.getVariableDeclarationOrThrow('method').getInitializerOrThrow();

    expect(errors.map((c) => c.getName())).toEqual(['NotFoundError', 'BlockedActorError']);
    expect(descriptor.getText()).toContain(
      'errors: { NotFound: NotFoundError, BlockedActorError: BlockedActorError }',
    );
  });

  test('requires $type on records and keeps it optional on objects', () => {
    const post = parse('com/example/feed/post.ts');
    const typeOf = (name: string) => post.getInterfaceOrThrow(name).getPropertyOrThrow('$type');

    expect(typeOf('Main').hasQuestionToken()).toBe(false);
    expect(typeOf('Main').getTypeNode()?.getText()).toBe("'com.example.feed.post'");
    expect(typeOf('PostView').hasQuestionToken()).toBe(true);
  });

  test('types open unions with an unknown member and closed ones without', () => {
    const main = parse('com/example/feed/post.ts').getInterfaceOrThrow('Main');
    const typeText = (name: string) => main.getPropertyOrThrow(name).getTypeNode()?.getText() ?? '';

    expect(typeText('embed')).toMatch(/\| UnknownTypedObject$/);
    expect(typeText('labels')).toBe(
      "$Typed<ComExampleMiscEmbeds.Link, 'com.example.misc.embeds#link'>",
    );
    expect(typeText('anything')).toBe('UnknownTypedObject');
  });

  test('renames defs that shadow global names and quotes unsafe keys', () => {
    const defs = parse('com/example/actor/defs.ts');
    const recordDef = defs.getInterfaceOrThrow('RecordDef');

    expect(recordDef.getProperties().map((p) => p.getName())).toEqual([
      '$type',
      "'__proto__'",
      'class',
    ]);
    expect(defs.getVariableDeclarationOrThrow('recordDefSchema').getText()).toContain(
      "['__proto__']:",
    );
  });

  test('gives each object schema a field check, except where a key is inherited', () => {
    const defs = parse('com/example/actor/defs.ts');
    const argsOf = (name: string) =>
      defs
        .getVariableDeclarationOrThrow(name)
        .getInitializerIfKindOrThrow(SyntaxKind.CallExpression)
        .getArguments();
    const [, check] = argsOf('profileViewSchema');
    const arrow = check?.asKindOrThrow(SyntaxKind.ArrowFunction);

    expect(arrow?.getParameters().map((parameter) => parameter.getName())).toEqual(['o', 'c']);
    expect(arrow?.getBody().getText()).toContain("typeof o['did'] === 'string' && isDid(o['did'])");
    expect(arrow?.getBody().getText()).toContain(
      "(o['pinned'] === undefined || c[6]!(o['pinned']))",
    );
    expect(argsOf('recordDefSchema')).toHaveLength(1);
  });

  test('builds the client tree from namespace classes', () => {
    const client = parse('client.ts');
    const getters = client
      .getClassOrThrow('Client')
      .getGetAccessors()
      .map((g) => g.getName());

    expect(getters).toEqual(['com', 'org']);
    expect(
      client
        .getClassOrThrow('ComExampleFeedNamespace')
        .getGetAccessorOrThrow('post')
        .getReturnTypeNode()
        ?.getText(),
    ).toBe('RecordCollection<ComExampleFeedPost.Main>');
    expect(methodNames(client, 'ComExampleFeedNamespace')).toEqual([
      'createPost',
      'getPosts',
      'getRepo',
      'ping',
      'uploadImage',
    ]);
  });

  test('never uses any', () => {
    for (const path of listFiles(KITCHEN_SINK)) {
      const anys = parse(path).getDescendantsOfKind(SyntaxKind.AnyKeyword);

      expect(anys.map((node) => `${path}:${node.getStartLineNumber()}`)).toEqual([]);
    }
  });
});

describe('generated official package', () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const manifest = JSON.parse(readFileSync(join(root, 'lexicons/manifest.json'), 'utf8')) as {
    documents: { nsid: string }[];
  };

  test('has one module exporting its NSID for every synced document', () => {
    const files = new Set(listFiles(join(root, 'generated/src')));
    const missing = manifest.documents.filter(({ nsid }) => {
      const path = `${nsid.split('.').join('/')}.ts`;

      return (
        !files.has(path) ||
        !readFileSync(join(root, 'generated/src', path), 'utf8').includes(
          `export const NSID = '${nsid}';`,
        )
      );
    });

    expect(manifest.documents.length).toBe(402);
    expect(missing).toEqual([]);
  });

  test('starts every file with the regenerate banner', () => {
    const files = listFiles(join(root, 'generated/src'));
    const unbannered = files.filter(
      (path) =>
        !readFileSync(join(root, 'generated/src', path), 'utf8').startsWith(
          '// Generated by @lexforge/codegen',
        ),
    );

    expect(unbannered).toEqual([]);
  });
});

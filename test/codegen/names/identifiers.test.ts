import { describe, expect, test } from '@jest/globals';

import {
  camelCase,
  errorClassName,
  literalKey,
  nsidAlias,
  pascalCase,
  propertyKey,
  schemaName,
  setterName,
  typeName,
  valueName,
} from '../../../codegen/src/names/identifiers.js';

describe('typeName', () => {
  test.each([
    { name: 'main', expected: 'Main' },
    { name: 'postView', expected: 'PostView' },
    { name: 'record', expected: 'RecordDef' },
    { name: 'params', expected: 'ParamsDef' },
    { name: 'Main', expected: 'MainDef' },
    { name: 'x2', expected: 'X2' },
  ])('maps $name to $expected', ({ name, expected }) => {
    expect(typeName(name)).toBe(expected);
  });
});

describe('schemaName', () => {
  test('derives the schema constant from the type name', () => {
    expect(schemaName('postView')).toBe('postViewSchema');
    expect(schemaName('record')).toBe('recordDefSchema');
    expect(schemaName('main')).toBe('mainSchema');
  });
});

describe('nsidAlias', () => {
  test('joins PascalCase segments and drops hyphens', () => {
    expect(nsidAlias('app.bsky.actor.defs')).toBe('AppBskyActorDefs');
    expect(nsidAlias('org.example-co.x1.doThing')).toBe('OrgExampleCoX1DoThing');
  });
});

describe('identifier helpers', () => {
  test('pascalCase and camelCase keep identifiers valid', () => {
    expect(pascalCase('foo-bar')).toBe('FooBar');
    expect(pascalCase('1st')).toBe('_1st');
    expect(camelCase('FooBar')).toBe('fooBar');
  });

  test('errorClassName adds Error once', () => {
    expect(errorClassName('RecordNotFound')).toBe('RecordNotFoundError');
    expect(errorClassName('BlockedActorError')).toBe('BlockedActorError');
  });

  test('property keys are quoted unless plain identifiers', () => {
    expect(propertyKey('text')).toBe('text');
    expect(propertyKey('$type')).toBe('$type');
    expect(propertyKey('foo-bar')).toBe("'foo-bar'");
    expect(propertyKey('__proto__')).toBe("'__proto__'");
    expect(literalKey('__proto__')).toBe("['__proto__']");
  });

  test('setters named like builder members get a suffix', () => {
    expect(setterName('send')).toBe('send_');
    expect(setterName('with')).toBe('with_');
    expect(setterName('limit')).toBe('limit');
  });

  test('value names avoid reserved words', () => {
    expect(valueName('delete')).toBe('delete_');
    expect(valueName('getProfile')).toBe('getProfile');
  });
});

import { readFileSync } from 'node:fs';

import { afterAll, describe, expect, test } from '@jest/globals';
import { CodegenError, generate } from '@lexforge/codegen';

import { makeTempDir } from '../_util/temp-dir.js';
import { writeLexicons } from './codegen-fixtures.js';
import { sharedPath } from '../_util/shared-data.js';

interface Vector {
  name: string;
  lexicon: { id: unknown };
}

const INTEROP = sharedPath('interop', 'lexicon');
const temp = makeTempDir('interop');

function vectors(file: string): Vector[] {
  return JSON.parse(readFileSync(`${INTEROP}/${file}`, 'utf8')) as Vector[];
}

async function run(vector: Vector, index: number): Promise<unknown> {
  const lexicons = `${temp.dir}/${index}-lex`;
  // a vector with an unusable id is written under a placeholder path: the id is what is tested
  const path = typeof vector.lexicon.id === 'string' ? vector.lexicon.id : `invalid.id.n${index}`;

  writeLexicons(lexicons, { [path]: vector.lexicon });

  return generate({ lexicons: [lexicons], out: `${temp.dir}/${index}-out` }).catch(
    (error: unknown) => error,
  );
}

afterAll(() => temp.remove());

describe('lexicon interop vectors', () => {
  test.each(vectors('lexicon-valid.json').map((vector, index) => ({ ...vector, index })))(
    'accepts $name',
    async (vector) => {
      const result = await run(vector, vector.index);

      expect(result).toMatchObject({ documents: 1 });
    },
  );

  test.each(
    vectors('lexicon-invalid.json').map((vector, index) => ({ ...vector, index: 100 + index })),
  )('rejects $name', async (vector) => {
    const result = await run(vector, vector.index);

    expect(result).toBeInstanceOf(CodegenError);
  });
});

// Regenerates every generated tree of the repository: the @lexforge/api package in generated/ from
// lexicons/; the few com.atproto methods the runtime's session chain and record helpers call, into
// runtime/src/lexicons/ so that the runtime never imports the generated package; and the custom
// lexicon example in codegen/examples/bookmarks/, built on top of @lexforge/api.
import { fileURLToPath, pathToFileURL } from 'node:url';

import { CodegenError, formatProblem, generate, loadExternalLexicons } from '@lexforge/codegen';
import type { GenerateResult } from '@lexforge/codegen';

const root = fileURLToPath(new URL('..', import.meta.url));
const lexicons = [`${root}lexicons`];

/** The methods the runtime itself calls (the session chain and the record helpers). */
export const RUNTIME_METHODS = [
  'com.atproto.repo.createRecord',
  'com.atproto.repo.defs',
  'com.atproto.repo.deleteRecord',
  'com.atproto.repo.getRecord',
  'com.atproto.repo.listRecords',
  'com.atproto.repo.putRecord',
  'com.atproto.server.createSession',
  'com.atproto.server.deleteSession',
  'com.atproto.server.getSession',
  'com.atproto.server.refreshSession',
];

/**
 * Generates (or, in `check` mode, compares without writing) every generated tree of the
 * repository; returns one result per tree.
 *
 * @throws {CodegenError} when the lexicons cannot be generated
 */
export async function generateAll(mode: 'write' | 'check' = 'write'): Promise<GenerateResult[]> {
  const api = await generate({
    lexicons,
    out: `${root}generated`,
    mode,
    emit: { rootExports: [`export * from '../lib/index.js';`] },
  });
  const runtime = await generate({
    lexicons,
    out: `${root}runtime/src`,
    srcDir: 'lexicons',
    mode,
    include: RUNTIME_METHODS,
    client: false,
    emit: { runtimeModule: '../core.ts' },
  });
  const example = await generate({
    lexicons: [`${root}codegen/examples/bookmarks/lexicons`],
    out: `${root}codegen/examples/bookmarks`,
    mode,
    external: await loadExternalLexicons([
      { module: '@lexforge/api', lexicons: `${root}lexicons` },
    ]),
  });

  return [api, runtime, example];
}

async function check(): Promise<void> {
  const stale = (await generateAll('check')).flatMap((result) => result.stale);

  for (const path of stale) console.error(`Out of date: ${path}`);
  console.error(stale.length === 0 ? 'Generated code is up to date' : 'Run npm run generate');
  process.exitCode = stale.length === 0 ? 0 : 1;
}

async function main(): Promise<void> {
  if (process.argv.includes('--check')) return check();

  const [api, runtime, example] = await generateAll();
  const milliseconds = [api, runtime, example].reduce(
    (sum, result) => sum + (result?.milliseconds ?? 0),
    0,
  );

  console.error(
    `Generated ${api?.documents} documents into ${api?.files} files, ${runtime?.documents} runtime ` +
      `methods into ${runtime?.files} files and ${example?.documents} example documents, in ` +
      `${(milliseconds / 1000).toFixed(2)} s`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    await main();
  } catch (error) {
    if (!(error instanceof CodegenError)) throw error;

    for (const problem of error.problems) console.error(formatProblem(problem));
    process.exitCode = 1;
  }
}

// Regenerates every generated tree of the repository: the @lexforge/api package in generated/ from
// lexicons/; the few com.atproto methods the runtime's session chain and record helpers call, into
// runtime/src/lexicons/ so that the runtime never imports the generated package; and the custom
// lexicon example in codegen/examples/bookmarks/, built on top of @lexforge/api.
import { fileURLToPath } from 'node:url';

import { CodegenError, formatProblem, generate, loadExternalLexicons } from '@lexforge/codegen';

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

async function main(): Promise<void> {
  const api = await generate({
    lexicons,
    out: `${root}generated`,
    emit: { rootExports: [`export * from '../lib/index.js';`] },
  });
  const runtime = await generate({
    lexicons,
    out: `${root}runtime/src`,
    srcDir: 'lexicons',
    include: RUNTIME_METHODS,
    client: false,
    emit: { runtimeModule: '../core.ts' },
  });
  const example = await generate({
    lexicons: [`${root}codegen/examples/bookmarks/lexicons`],
    out: `${root}codegen/examples/bookmarks`,
    external: await loadExternalLexicons([{ module: '@lexforge/api', lexicons: lexicons[0] ?? '' }]),
  });
  const seconds = ((api.milliseconds + runtime.milliseconds + example.milliseconds) / 1000).toFixed(2);

  console.error(
    `Generated ${api.documents} documents into ${api.files} files, ${runtime.documents} runtime ` +
      `methods into ${runtime.files} files and ${example.documents} example documents, in ${seconds} s`,
  );
}

try {
  await main();
} catch (error) {
  if (!(error instanceof CodegenError)) throw error;

  for (const problem of error.problems) console.error(formatProblem(problem));
  process.exitCode = 1;
}

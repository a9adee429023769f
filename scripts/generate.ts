// Regenerates every generated tree of the repository from lexicons/: the @lexforge/api package in
// generated/, and the few com.atproto methods the runtime's session chain and record helpers call, emitted
// into runtime/src/lexicons/ so that the runtime never imports the generated package.
import { fileURLToPath } from 'node:url';

import { CodegenError, formatProblem, generate } from '@lexforge/codegen';

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
  const seconds = ((api.milliseconds + runtime.milliseconds) / 1000).toFixed(2);

  console.error(
    `Generated ${api.documents} documents into ${api.files} files, and ${runtime.documents} ` +
      `runtime methods into ${runtime.files} files, in ${seconds} s`,
  );
}

try {
  await main();
} catch (error) {
  if (!(error instanceof CodegenError)) throw error;

  for (const problem of error.problems) console.error(formatProblem(problem));
  process.exitCode = 1;
}

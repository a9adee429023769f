import { dirname } from 'node:path';

import { clearOutput } from './codegen-setup.js';
import { costRows, readProfile, summarizeProfile } from './cpu-profile.js';
import { formatMs, prose } from './format.js';
import { runNode } from './run-process.js';

import type { BenchContext, ResultTable } from './benchmark.js';
import type { CodegenWorkspace } from './codegen-setup.js';

/** The steps of `generate()`, as functions of the compiled generator. */
const PHASES = ['readLexicons', 'check', 'emitAll', 'writeTree'];

/**
 * Profiles one full lexforge generation (`node --cpu-prof`) and tabulates where its CPU time
 * goes: the steps of `generate()`, then self time by area and by function.
 */
export async function profileCodegen(
  context: BenchContext,
  workspace: CodegenWorkspace,
): Promise<{ tables: ResultTable[]; notes: string[] }> {
  const dir = await context.temp.dir('codegen-profile');
  const out = workspace.out('lexforge');
  const args = ['generate', '--lexicons', workspace.lexicons, '--out', out, '--quiet'];

  await clearOutput(out);
  await runNode(['--cpu-prof', '--cpu-prof-dir', dir, workspace.lexforgeBin, ...args], {
    cwd: workspace.dir,
  });

  const profile = summarizeProfile(await readProfile(dir), dirname(workspace.lexforgeBin), PHASES);
  const headers = ['', 'CPU time', 'Share'];
  const total = profile.totalMs;

  return {
    tables: [
      {
        caption: prose(
          `Profile of one full lexforge generation (${formatMs(total)} of samples), the steps of`,
          `\`generate()\` with their callees:`,
        ),
        headers: ['Step', 'CPU time', 'Share'],
        rows: costRows(profile.phases, total),
      },
      {
        caption: 'Self time by area (package, generator file, Node internals):',
        headers: ['Area', ...headers.slice(1)],
        rows: costRows(profile.areas, total),
      },
      {
        caption: 'Self time by function:',
        headers: ['Function (file:line)', ...headers.slice(1)],
        rows: costRows(profile.functions, total),
      },
    ],
    notes: [
      prose(
        'A codegen target was missed, so one extra full run was profiled with `node --cpu-prof`;',
        'the three tables above come from it. Areas name the TypeScript sources of the generator;',
        'function lines are those of the compiled JavaScript.',
      ),
    ],
  };
}

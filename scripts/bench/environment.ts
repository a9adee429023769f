import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { join } from 'node:path';

import { prose } from './format.js';

/** The packages compared, in the order they are listed: lexforge's own, then the peers. */
const PACKAGES = [
  '@lexforge/codegen',
  '@lexforge/runtime',
  '@lexforge/api',
  'valibot',
  'ky',
  '@atcute/lex-cli',
  '@atcute/client',
  '@atcute/password-session',
  '@atcute/lexicons',
  '@atcute/bluesky',
  '@atcute/atproto',
  '@atproto/lex',
  '@atproto/lexicon',
  '@atproto/api',
  '@atproto/dev-env',
  'esbuild',
  'typescript7',
];

async function versionOf(root: string, name: string): Promise<string> {
  try {
    const text = await readFile(join(root, 'node_modules', name, 'package.json'), 'utf8');

    return (JSON.parse(text) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'not installed';
  }
}

function gitCommit(root: string): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim();
  } catch {
    return 'unknown';
  }
}

function machine(): string {
  const cores = cpus();
  const model = cores[0]?.model.trim() ?? 'unknown CPU';
  const memory = Math.round(totalmem() / 2 ** 30);
  const load = loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');

  return prose(
    `${type()} ${release()}, ${cores.length} × ${model}, ${memory} GB RAM,`,
    `load average ${load} at the end`,
  );
}

/** Describes where the benchmarks ran: Node, the machine, the commit and every package version. */
export async function describeEnvironment(root: string): Promise<string[]> {
  const versions = await Promise.all(
    PACKAGES.map(async (name) => {
      const label = name === 'typescript7' ? 'TypeScript (typescript7)' : name;

      return `${label} ${await versionOf(root, name)}`;
    }),
  );

  return [
    `Node ${process.version} on ${machine()}`,
    `lexforge at commit ${gitCommit(root)} (with the working tree as it was)`,
    `Packages: ${versions.join(', ')}`,
  ];
}

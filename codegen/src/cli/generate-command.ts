import { parseArgs } from 'node:util';

import { generate } from '../generate.js';
import { loadExternalLexicons, type ExternalPackage } from '../load/external-lexicons.js';
import type { Logger } from './logger.js';

/** The usage line of `lexforge generate`. */
export const GENERATE_USAGE = `  lexforge generate --lexicons <dir>... --out <dir> [--include <glob>]... [--exclude <glob>]...
                    [--external <module>=<lexicons dir>]... [--check] [--no-cache]
                    [--quiet | --verbose]
    Keeps a cache in <out>/node_modules/.cache/lexforge/ so that a run after a few changes only
    redoes what they affect; --no-cache neither reads nor writes it.`;

function parseExternal(value: string): ExternalPackage {
  const split = value.indexOf('=');

  if (split <= 0 || split === value.length - 1) {
    throw new TypeError(`Invalid --external: ${value} (expected <module>=<lexicons dir>)`);
  }

  return { module: value.slice(0, split), lexicons: value.slice(split + 1) };
}

function count(amount: number, noun: string): string {
  return `${amount} ${noun}${amount === 1 ? '' : 's'}`;
}

/** Runs `lexforge generate` and returns its exit code. */
export async function runGenerate(args: string[], logger: Logger): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      lexicons: { type: 'string', multiple: true },
      out: { type: 'string' },
      include: { type: 'string', multiple: true },
      exclude: { type: 'string', multiple: true },
      external: { type: 'string', multiple: true },
      check: { type: 'boolean' },
      'no-cache': { type: 'boolean' },
      quiet: { type: 'boolean' },
      verbose: { type: 'boolean' },
    },
  });

  if (values.lexicons === undefined || values.out === undefined) {
    logger.error(`Missing option: --lexicons and --out are required\nUsage:\n${GENERATE_USAGE}`);

    return 2;
  }

  const externals = (values.external ?? []).map(parseExternal);
  const result = await generate({
    lexicons: values.lexicons,
    out: values.out,
    include: values.include ?? [],
    exclude: values.exclude ?? [],
    mode: values.check === true ? 'check' : 'write',
    cache: values['no-cache'] !== true,
    ...(externals.length === 0 ? {} : { external: await loadExternalLexicons(externals) }),
    onProgress: (message) => logger.debug(message),
  });
  const seconds = (result.milliseconds / 1000).toFixed(2);

  if (values.check === true) {
    for (const path of result.stale) logger.error(`Out of date: ${path}`);
    logger.info(
      `Checked ${result.documents} documents: ${result.stale.length} stale files in ${seconds} s`,
    );

    return result.stale.length === 0 ? 0 : 1;
  }

  logger.info(
    `Generated ${result.documents} documents into ${result.files} files in ${seconds} s ` +
      `(${count(result.emitted.length, 'module')} emitted, ${count(result.written.length, 'file')} ` +
      `written, ${result.removed.length} removed)`,
  );

  return 0;
}

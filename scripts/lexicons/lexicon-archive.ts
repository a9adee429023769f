import type { Stats } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

import { extract } from 'tar';
import type { ReadEntry } from 'tar';

import { LexiconSyncError } from './lexicon-sync-error.js';

/** The lexicon folder unpacked from an archive, and the archive's top folder. */
export interface UnpackedLexicons {
  root: string;
  top: string;
}

const LEXICON_ENTRY = /^(?:\.\/)?[^/]+\/lexicons\/.+\.json$/;

/**
 * Unpacks the `<top>/lexicons/**.json` files of a `.tar.gz` into `into`.
 *
 * @throws LexiconSyncError when the archive is unreadable or has no single top folder
 */
export async function unpackLexiconArchive(
  file: string,
  into: string,
  label: string,
): Promise<UnpackedLexicons> {
  try {
    await extract({ file, cwd: into, filter: isLexiconEntry, strict: true });
  } catch (error) {
    throw new LexiconSyncError(`Lexicon archive unreadable: ${label}`, [], { cause: error });
  }

  const tops = await readdir(into);

  if (tops.length !== 1 || tops[0] === undefined) {
    throw new LexiconSyncError(`Lexicon archive without one <top>/lexicons/ folder: ${label}`);
  }

  return { root: join(into, tops[0], 'lexicons'), top: tops[0] };
}

// @NOTE Regular files only: a link in an archive could point the copy outside the lexicon tree.
// tar itself already drops absolute paths and `..` segments.
function isLexiconEntry(path: string, entry: Stats | ReadEntry): boolean {
  return LEXICON_ENTRY.test(path) && 'type' in entry && entry.type === 'File';
}

import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

import { LexiconFileError, parseLexiconFile } from './lexicon-file.js';
import type { LexiconFile } from './lexicon-file.js';
import { MANIFEST_FILE } from './manifest.js';

/** The documents of a lexicon folder, sorted by NSID, and one line per document that failed. */
export interface LexiconFolder {
  files: LexiconFile[];
  problems: string[];
}

/**
 * Reads and checks every `*.json` below `root`, at any depth, except the manifest a previous sync
 * left at the root: it describes the folder and is not a lexicon.
 */
export async function readLexiconFolder(root: string): Promise<LexiconFolder> {
  const files: LexiconFile[] = [];
  const problems: string[] = [];

  for (const path of await listJsonFiles(root)) {
    try {
      files.push(parseLexiconFile(path, await readFile(join(root, path))));
    } catch (error) {
      if (!(error instanceof LexiconFileError)) throw error;

      problems.push(error.message);
    }
  }

  // @NOTE NSIDs are unique here: each one sits at the one path it names.
  files.sort((a, b) => (a.nsid < b.nsid ? -1 : 1));

  return { files, problems };
}

async function listJsonFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });

  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((path) => path !== MANIFEST_FILE)
    .sort();
}

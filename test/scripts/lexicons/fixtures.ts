import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';

import { sharedPath } from '../../_util/shared-data.js';

/** The current official lexicon snapshot in the shared folder beside the repository. */
export const SHARED_LEXICONS = sharedPath('lexicons', 'atproto-2026-08-20');

/** A few official documents, by path, that together cover records, procedures and refs. */
export const OFFICIAL_PATHS = [
  'app/bsky/feed/like.json',
  'com/atproto/repo/createRecord.json',
  'com/atproto/repo/strongRef.json',
];

/**
 * A valid document laid out the way no serializer would write it (tabs, key order, non-ASCII, no
 * final newline), so that only a byte-for-byte copy keeps it as it is.
 */
export const ODD_LAYOUT = {
  path: 'com/example/oddLayout.json',
  text: '{\n\t"defs": {"main": {"type": "token", "description": "Café ✓"}},\n\t"id": "com.example.oddLayout",\n\t"lexicon": 1\n}',
};

/** A file tree as relative `/`-separated paths and their bytes. */
export type Tree = Record<string, Buffer>;

/** Creates temporary folders and removes them all at once. */
export class TempDirs {
  #dirs: string[] = [];

  /** Creates an empty folder under the system temp folder. */
  async create(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'lexforge-test-'));

    this.#dirs.push(dir);

    return dir;
  }

  /** Removes every folder created so far. */
  async removeAll(): Promise<void> {
    await Promise.all(this.#dirs.map((dir) => rm(dir, { recursive: true, force: true })));
    this.#dirs = [];
  }
}

/** Writes `files` (path to text or bytes) under `root`. */
export async function writeTree(
  root: string,
  files: Record<string, string | Buffer>,
): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
}

/** Reads every file under `root`. */
export async function readTree(root: string): Promise<Tree> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const tree: Tree = {};

  for (const entry of entries.filter((found) => found.isFile())) {
    const path = join(entry.parentPath, entry.name);

    tree[relative(root, path).split(sep).join('/')] = await readFile(path);
  }

  return tree;
}

/** Writes the official fixture documents plus {@link ODD_LAYOUT} under `root`. */
export async function writeFixtureSet(root: string): Promise<Tree> {
  const files: Tree = { [ODD_LAYOUT.path]: Buffer.from(ODD_LAYOUT.text) };

  for (const path of OFFICIAL_PATHS) files[path] = await readFile(join(SHARED_LEXICONS, path));

  await writeTree(root, files);

  return files;
}

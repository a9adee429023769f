import { cp, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';

/** A private folder under the system temp folder, for everything a run writes. */
export interface TempFolder {
  readonly path: string;
  /** Creates (if needed) and returns a sub-folder. */
  dir(...names: string[]): Promise<string>;
  /** Removes the whole folder. */
  remove(): Promise<void>;
}

/** Creates a fresh temp folder named after `prefix`. */
export async function createTempFolder(prefix: string): Promise<TempFolder> {
  const path = await mkdtemp(join(tmpdir(), `${prefix}-`));

  return {
    path,
    dir: async (...names) => {
      const dir = join(path, ...names);

      await mkdir(dir, { recursive: true });

      return dir;
    },
    remove: () => rm(path, { recursive: true, force: true }),
  };
}

/**
 * Lets modules in `dir` import the repository's installed packages, as if `dir` were inside the
 * repository: Node and TypeScript look for `node_modules` in every parent folder.
 */
export async function linkNodeModules(dir: string, root: string): Promise<void> {
  await symlink(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
}

/**
 * Copies the lexicon documents of `from` into `to`, leaving out `manifest.json`, so that every
 * generator reads the same folder of documents and nothing else.
 */
export async function copyLexicons(from: string, to: string): Promise<void> {
  await cp(from, to, {
    recursive: true,
    filter: (source) => relative(from, source).split(sep).join('/') !== 'manifest.json',
  });
}

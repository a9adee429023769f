import { relative, resolve } from 'node:path';

import { formatBytes } from './format.js';

import type { Metafile } from 'esbuild';

interface Contribution {
  readonly name: string;
  readonly bytes: number;
}

/** Names the package (or, for lexforge's own code, the folder) a bundled file comes from. */
function groupOf(path: string): string {
  const inPackages = path.lastIndexOf('node_modules/');

  if (inPackages !== -1) {
    const [scope = '', name = ''] = path.slice(inPackages + 13).split('/');

    return scope.startsWith('@') ? `${scope}/${name}` : scope;
  }

  const [top = '', , folder = ''] = path.split('/');

  if (top === 'generated') return '@lexforge/api generated modules';
  if (top !== 'runtime') return path;

  return folder.endsWith('.ts') ? '@lexforge/runtime src/' : `@lexforge/runtime src/${folder}/`;
}

function largest(contributions: Iterable<Contribution>, count: number): Contribution[] {
  return [...contributions].sort((a, b) => b.bytes - a.bytes).slice(0, count);
}

/**
 * Lists the files and the packages that take the most room in a bundle, side by side, from the
 * minified bytes esbuild attributes to each input.
 *
 * @param dir - the folder esbuild ran in; paths are shown relative to `root`
 * @returns rows of file, bytes, package or folder, bytes
 */
export function topContributors(
  metafile: Metafile,
  dir: string,
  root: string,
  count: number,
): string[][] {
  const inputs = Object.values(metafile.outputs).flatMap((output) =>
    Object.entries(output.inputs).map(([path, { bytesInOutput }]) => ({
      name: relative(root, resolve(dir, path)),
      bytes: bytesInOutput,
    })),
  );
  const groups = new Map<string, number>();

  for (const { name, bytes } of inputs) {
    const group = groupOf(name);

    groups.set(group, (groups.get(group) ?? 0) + bytes);
  }

  const files = largest(inputs, count);
  const packages = largest(
    [...groups].map(([name, bytes]) => ({ name, bytes })),
    count,
  );

  return files.map((file, index) => [
    file.name,
    formatBytes(file.bytes),
    packages[index]?.name ?? '',
    packages[index] === undefined ? '' : formatBytes(packages[index].bytes),
  ]);
}

import { relative, sep } from 'node:path';

/** A path relative to a folder, with `/` separators: `a/b.json` for `<dir>/a/b.json`. */
export function relativePath(dir: string, path: string): string {
  // @NOTE Paths from a listing of `dir` start with it: cutting it off is much cheaper than
  // `path.relative`, which resolves both paths, for each of hundreds of files
  const inside = path.startsWith(dir + sep) ? path.slice(dir.length + 1) : relative(dir, path);

  return sep === '/' ? inside : inside.split(sep).join('/');
}

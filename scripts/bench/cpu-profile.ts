import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { formatMs } from './format.js';

/** The parts of a V8 `.cpuprofile` (as `node --cpu-prof` writes it) that are read here. */
interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; lineNumber: number };
  readonly children?: readonly number[];
}

/** A V8 CPU profile, as `node --cpu-prof` writes it or the inspector's `Profiler.stop` returns. */
export interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** A cost in a profile: a name and milliseconds of CPU time. */
export interface Cost {
  readonly name: string;
  readonly milliseconds: number;
}

/** Where a profiled process spent its time. */
export interface ProfileSummary {
  readonly totalMs: number;
  /** Self time by area: a package, a file of the profiled program, Node internals, GC. */
  readonly areas: readonly Cost[];
  /** Self time by function. */
  readonly functions: readonly Cost[];
  /** Time of each named function with everything it called, at its outermost calls. */
  readonly phases: readonly Cost[];
}

const VM_NODES: Record<string, string> = {
  '(garbage collector)': 'garbage collection',
  '(program)': 'V8 and native code (parse, compile, I/O)',
  '(idle)': 'idle (waiting for I/O)',
  '(root)': 'V8 and native code (parse, compile, I/O)',
};

function pathOf(url: string): string {
  return url.startsWith('file://') ? fileURLToPath(url) : url;
}

/** Names the area a frame belongs to; `programDir` is the profiled program's own folder. */
function areaOf(frame: ProfileNode['callFrame'], programDir: string): string {
  const vm = VM_NODES[frame.functionName];

  if (frame.url === '' && vm !== undefined) return vm;
  if (frame.url.startsWith('node:internal/modules')) return 'Node: module loading';
  if (frame.url.startsWith('node:')) return `Node: ${frame.url.split('/').slice(0, 2).join('/')}`;

  const path = pathOf(frame.url);
  const inPackages = path.lastIndexOf('/node_modules/');

  const own = relative(programDir, path);

  // @NOTE the program may itself sit in a node_modules folder (a compiled package), and the
  // packages it uses may sit under its folder (the repository root): own files are those below
  // the program folder with no node_modules between.
  if (path.startsWith(programDir) && !own.split('/').includes('node_modules')) {
    return own.replace(/\.js$/, '.ts');
  }

  if (inPackages !== -1) {
    const [scope = '', name = ''] = path.slice(inPackages + 14).split('/');

    return scope.startsWith('@') ? `${scope}/${name}` : scope;
  }

  return path === '' ? 'V8 and native code (parse, compile, I/O)' : path;
}

/** Where a function is: its program file and line (when known) as run, else its area. */
function placeOf(frame: ProfileNode['callFrame'], area: string, programDir: string): string {
  const path = pathOf(frame.url);

  if (!path.startsWith(programDir)) return area;

  const file = relative(programDir, path);

  return frame.lineNumber > 0 ? `${file}:${frame.lineNumber + 1}` : file;
}

const sources = new Map<string, readonly string[]>();

/**
 * The top-level function a frame's line lies in, read from its file, for methods and closures
 * whose own name says little (valibot's schemas all run through a method named `~run`).
 */
function enclosingFunction(frame: ProfileNode['callFrame']): string | undefined {
  const path = pathOf(frame.url);

  if (!path.startsWith('/')) return undefined;

  if (!sources.has(path)) {
    try {
      sources.set(path, readFileSync(path, 'utf8').split('\n'));
    } catch {
      sources.set(path, []);
    }
  }

  const lines = sources.get(path) ?? [];

  for (let line = Math.min(frame.lineNumber, lines.length - 1); line >= 0; line -= 1) {
    const name = /^(?:export )?(?:async )?function\*? ?([\w$]+)/.exec(lines[line] ?? '')?.[1];

    if (name !== undefined) return name;
  }

  return undefined;
}

function functionName(frame: ProfileNode['callFrame']): string {
  const own = frame.functionName || '(anonymous)';

  if (!own.startsWith('~') && own !== '(anonymous)') return own;

  const outer = enclosingFunction(frame);

  return outer === undefined || outer === own ? own : `${own} of ${outer}`;
}

/** Frames of the profiler itself, left out of the summary. */
function isProfilerFrame(frame: ProfileNode['callFrame']): boolean {
  return frame.url.startsWith('node:inspector');
}

function selfTimes(profile: CpuProfile): Map<number, number> {
  const times = new Map<number, number>();

  profile.samples.forEach((id, index) => {
    times.set(id, (times.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });

  return times;
}

function topCosts(costs: Map<string, number>, count: number): Cost[] {
  return [...costs]
    .map(([name, milliseconds]) => ({ name, milliseconds }))
    .filter(({ milliseconds }) => milliseconds > 0)
    .sort((a, b) => b.milliseconds - a.milliseconds)
    .slice(0, count);
}

function add(costs: Map<string, number>, name: string, milliseconds: number): void {
  costs.set(name, (costs.get(name) ?? 0) + milliseconds);
}

/** Total time of the subtree under each outermost node whose function is one of `names`. */
function phaseTimes(
  profile: CpuProfile,
  self: Map<number, number>,
  names: readonly string[],
): Cost[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const phases = new Map<string, number>();
  const subtree = (id: number): number => {
    const node = byId.get(id);
    const children = node?.children ?? [];

    return (self.get(id) ?? 0) + children.reduce((sum, child) => sum + subtree(child), 0);
  };
  const visit = (id: number): void => {
    const node = byId.get(id);

    if (node === undefined) return;
    if (names.includes(node.callFrame.functionName)) {
      add(phases, node.callFrame.functionName, subtree(id));

      return;
    }

    node.children?.forEach(visit);
  };

  visit(profile.nodes[0]?.id ?? 1);

  return names.flatMap((name) => {
    const milliseconds = phases.get(name);

    return milliseconds === undefined ? [] : [{ name, milliseconds }];
  });
}

/**
 * Summarises a CPU profile: self time by area and by function, and the total time of the named
 * phases.
 *
 * @param programDir - the profiled program's folder, whose files are named relative to it
 * @param phases - function names whose whole time (callees included) to report
 */
export function summarizeProfile(
  profile: CpuProfile,
  programDir: string,
  phases: readonly string[] = [],
): ProfileSummary {
  const self = selfTimes(profile);
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();

  let totalMs = 0;

  for (const node of profile.nodes) {
    const time = self.get(node.id) ?? 0;
    const frame = node.callFrame;
    const area = areaOf(frame, programDir);

    if (isProfilerFrame(frame)) continue;

    totalMs += time;
    add(areas, area, time);
    if (!(frame.url === '' && frame.functionName in VM_NODES)) {
      add(functions, `${functionName(frame)} (${placeOf(frame, area, programDir)})`, time);
    }
  }

  return {
    totalMs,
    areas: topCosts(areas, 8),
    functions: topCosts(functions, 8),
    phases: phaseTimes(profile, self, phases),
  };
}

/**
 * Reads the one `.cpuprofile` that `node --cpu-prof --cpu-prof-dir <dir>` wrote.
 *
 * @throws {Error} when `dir` holds no profile
 */
export async function readProfile(dir: string): Promise<CpuProfile> {
  const file = (await readdir(dir)).find((name) => name.endsWith('.cpuprofile'));

  if (file === undefined) throw new Error(`CPU profile not found in ${dir}`);

  return JSON.parse(await readFile(join(dir, file), 'utf8')) as CpuProfile;
}

/** Table rows of costs: name, CPU time, share of `totalMs`. */
export function costRows(costs: readonly Cost[], totalMs: number): string[][] {
  return costs.map(({ name, milliseconds }) => [
    name,
    formatMs(milliseconds),
    `${((milliseconds / totalMs) * 100).toFixed(0)} %`,
  ]);
}

import { spawn } from 'node:child_process';

/** How to start a measured process. */
export interface ProcessOptions {
  readonly cwd: string;
  /** Variables added to this process's environment. */
  readonly env?: Readonly<Record<string, string>>;
}

/** What a process printed, and how long it ran from spawn to exit. */
export interface ProcessRun {
  readonly milliseconds: number;
  readonly stdout: string;
  readonly stderr: string;
}

const ERROR_TAIL = 2000;

/** A process that ended with another exit code than 0. */
export class ProcessFailedError extends Error {
  override name = 'ProcessFailedError';

  constructor(command: string, code: number | null, output: string) {
    super(`Process failed: ${command} exited with ${code}\n${output.slice(-ERROR_TAIL)}`);
  }
}

/**
 * Runs a command to its end and measures its wall time, process start and module loading
 * included, as a user would wait for it.
 *
 * @throws {ProcessFailedError} when it exits with another code than 0
 */
export function runProcess(
  command: string,
  args: readonly string[],
  options: ProcessOptions,
): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });

    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const milliseconds = performance.now() - started;
      const run = { milliseconds, stdout: text(stdout), stderr: text(stderr) };

      if (code === 0) resolve(run);
      else {
        const output = `${run.stdout}${run.stderr}`.trim();

        reject(new ProcessFailedError([command, ...args].join(' '), code, output));
      }
    });
  });
}

/** Runs a Node script with the Node that runs the benchmarks. */
export function runNode(args: readonly string[], options: ProcessOptions): Promise<ProcessRun> {
  return runProcess(process.execPath, args, options);
}

function text(chunks: Buffer[]): string {
  return Buffer.concat(chunks).toString('utf8');
}

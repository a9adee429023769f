import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';

  for await (const chunk of stream) text += String(chunk);

  return text;
}

async function prompt(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write: (chunk: Buffer, _encoding, done) => {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const reader = createInterface({ input: process.stdin, output, terminal: true });

  try {
    const answer = reader.question(question);

    muted = true;

    return await answer;
  } finally {
    reader.close();
    process.stderr.write('\n');
  }
}

/**
 * The password for `login`: from stdin with `--password-stdin`, else `$LEXFORGE_PASSWORD`, else
 * asked for on the terminal without echo.
 *
 * @throws {Error} when there is no way to get one
 */
export async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin) return (await readAll(process.stdin)).replace(/\r?\n$/, '');

  const fromEnv = process.env['LEXFORGE_PASSWORD'];

  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!process.stdin.isTTY) {
    throw new Error(
      'No password: pass --password-stdin, set LEXFORGE_PASSWORD, or run in a terminal',
    );
  }

  return prompt('Password: ');
}

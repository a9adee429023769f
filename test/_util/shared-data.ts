import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPOSITORY = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The read-only folder of test data the repository does not carry (the atproto interoperability
 * vectors and two official lexicon snapshots): `$LEXFORGE_SHARED_DIR`, else `shared` beside the
 * repository.
 */
export const SHARED_DIR = resolve(
  process.env['LEXFORGE_SHARED_DIR'] ?? join(REPOSITORY, '../shared'),
);

/**
 * The path of an entry of the shared test data.
 *
 * @throws {Error} when it is not there, saying where it was looked for and how to point elsewhere
 */
export function sharedPath(...segments: string[]): string {
  const path = join(SHARED_DIR, ...segments);

  if (!existsSync(path)) {
    throw new Error(
      `Shared test data not found: ${path} (set LEXFORGE_SHARED_DIR to the folder that holds ` +
        'interop/ and lexicons/)',
    );
  }

  return path;
}

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { LexiconDoc, lexiconDoc } from '@atproto/lexicon';

import type { CodegenProblem } from '../errors.js';
import { relativePath } from '../relative-path.js';

/** A lexicon document with the file it was read from. */
export interface SourceDocument {
  nsid: string;
  /** The path as shown in messages: relative to the working folder, with `/` separators. */
  file: string;
  doc: LexiconDoc;
}

/** What reading some folders gave: the valid documents and every problem found. */
export interface ReadResult {
  documents: SourceDocument[];
  problems: CodegenProblem[];
}

/**
 * Remembers the documents of texts found valid in earlier runs, so that they are not validated
 * again. Its methods must not throw.
 */
export interface DocumentMemo {
  /** The document a text held when it was found valid before, if it was. */
  recallDocument(text: string): LexiconDoc | undefined;
  /** Remembers a valid text: its JSON as parsed, and the document validation made of it. */
  rememberDocument(text: string, json: unknown, doc: LexiconDoc): void;
}

type DocumentSchema = typeof lexiconDoc;

// @NOTE Reading is synchronous: hundreds of small files read one after another take a fraction of
// the time the same reads take as promises, each a round trip through the thread pool
function listJsonFiles(dir: string): string[] {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true });

  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .filter((entry) => entry.name !== 'manifest.json')
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** The schema of lexicon documents, loaded on first use: runs that validate nothing skip it. */
async function loadSchema(): Promise<DocumentSchema> {
  const lexicon = await import('@atproto/lexicon');

  return lexicon.lexiconDoc;
}

function jsonPath(path: readonly (string | number)[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : `${out}.${key}`),
    '$',
  );
}

function parseDocument(
  file: string,
  text: string,
  schema: DocumentSchema,
  memo: DocumentMemo | undefined,
): SourceDocument | CodegenProblem {
  let json: unknown;

  try {
    json = JSON.parse(text);
  } catch (error) {
    return { file, message: `Invalid JSON: ${(error as Error).message}` };
  }

  const parsed = schema.safeParse(json);

  if (parsed.success) {
    memo?.rememberDocument(text, json, parsed.data);

    return { nsid: parsed.data.id, file, doc: parsed.data };
  }

  const [issue] = parsed.error.issues;
  const id = (json as { id?: unknown } | null)?.id;

  return {
    file,
    nsid: typeof id === 'string' ? id : undefined,
    path: issue === undefined ? undefined : jsonPath(issue.path),
    message: `Invalid lexicon document: ${issue?.message ?? parsed.error.message}`,
  };
}

/**
 * Reads and checks every `*.json` lexicon under the given folders (`manifest.json` excepted).
 * Texts the memo recalls are taken as it remembers them, without validating them again.
 */
export async function readLexicons(
  dirs: readonly string[],
  memo?: DocumentMemo,
): Promise<ReadResult> {
  const result: ReadResult = { documents: [], problems: [] };
  let schema: DocumentSchema | undefined;

  for (const path of dirs.flatMap((dir) => listJsonFiles(dir))) {
    const file = relativePath(process.cwd(), path);
    const text = readFileSync(path, 'utf8');
    const known = memo?.recallDocument(text);
    const parsed =
      known === undefined
        ? parseDocument(file, text, (schema ??= await loadSchema()), memo)
        : { nsid: known.id, file, doc: known };

    if ('doc' in parsed) result.documents.push(parsed);
    else result.problems.push(parsed);
  }

  return result;
}

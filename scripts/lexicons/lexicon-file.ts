import { createHash } from 'node:crypto';

import { lexiconDoc } from '@atproto/lexicon';
import type { LexiconDoc } from '@atproto/lexicon';

/** A valid lexicon document as read from a source, kept as its exact bytes. */
export interface LexiconFile {
  nsid: string;
  /** Where the document sits, relative to the lexicon root, with `/` separators. */
  path: string;
  bytes: Uint8Array;
  /** Lowercase hex SHA-256 of `bytes`. */
  sha256: string;
}

/** Raised for one document that cannot be imported; the message starts with its path. */
export class LexiconFileError extends Error {
  override name = 'LexiconFileError';

  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(`${path}: ${problem}`);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Returns where the document with this NSID belongs, e.g. `com/atproto/repo/getRecord.json`. */
export function nsidPath(nsid: string): string {
  return `${nsid.replaceAll('.', '/')}.json`;
}

/**
 * Parses and validates one lexicon document (UTF-8 JSON, a lexicon by `@atproto/lexicon` and the
 * lexicon spec) and checks that it sits at its NSID path.
 *
 * @throws LexiconFileError naming the path and the problem, with a JSON path where there is one
 */
export function parseLexiconFile(path: string, bytes: Uint8Array): LexiconFile {
  const doc = validateDocument(path, parseJson(path, bytes));
  const expected = nsidPath(doc.id);

  if (path !== expected) {
    throw new LexiconFileError(path, `document ${doc.id} belongs at ${expected}`);
  }

  return { nsid: doc.id, path, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

function parseJson(path: string, bytes: Uint8Array): unknown {
  try {
    return JSON.parse(utf8.decode(bytes));
  } catch (error) {
    throw new LexiconFileError(path, `invalid JSON: ${(error as Error).message}`);
  }
}

/** A problem at a place in a document. */
interface Issue {
  path: readonly (string | number)[];
  message: string;
}

function validateDocument(path: string, value: unknown): LexiconDoc {
  const result = lexiconDoc.safeParse(value);
  const issues = result.success ? findSpecIssues(result.data) : result.error.issues;

  if (!result.success || issues.length > 0) {
    const text = issues.map((issue) => `${formatJsonPath(issue.path)}: ${issue.message}`);

    throw new LexiconFileError(path, `invalid lexicon: ${text.join('; ')}`);
  }

  return result.data;
}

// @NOTE The spec forbids `unknown` as a named definition; @atproto/lexicon lets it through.
function findSpecIssues(doc: LexiconDoc): Issue[] {
  return Object.entries(doc.defs)
    .filter(([, def]) => def.type === 'unknown')
    .map(([name]) => ({
      path: ['defs', name],
      message: 'unknown is not a valid named definition',
    }));
}

/** Formats a path inside a document as JSONPath, e.g. `$.defs.main.parameters`. */
function formatJsonPath(segments: readonly (string | number)[]): string {
  return segments.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : `${text}.${key}`),
    '$',
  );
}

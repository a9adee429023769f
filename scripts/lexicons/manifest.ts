import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The file a sync writes at the root of the lexicon folder. */
export const MANIFEST_FILE = 'manifest.json';

/** One document of a synced lexicon folder. */
export interface ManifestEntry {
  nsid: string;
  /** Relative to the lexicon folder, with `/` separators. */
  path: string;
  /** Hex SHA-256 of the file's bytes. */
  sha256: string;
}

/** Where a lexicon folder came from and what it holds, sorted by NSID. */
export interface LexiconManifest {
  /** The folder, archive or URL as it was given to the sync. */
  source: string;
  /** `YYYY-MM-DD`; stays the same when the same documents are synced again. */
  date: string;
  documents: ManifestEntry[];
}

/** The NSIDs that differ between two manifests, each list sorted. */
export interface ManifestDiff {
  added: string[];
  removed: string[];
  changed: string[];
}

/**
 * Reads the manifest of a lexicon folder; `undefined` when there is none.
 *
 * @throws Error when the file exists but is not a manifest
 */
export async function readManifest(folder: string): Promise<LexiconManifest | undefined> {
  const path = join(folder, MANIFEST_FILE);
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;

    throw error;
  });

  if (text === undefined) return undefined;

  const value: unknown = JSON.parse(text);

  if (!isManifest(value)) throw new Error(`Manifest malformed: ${path}`);

  return value;
}

/** Renders a manifest with a fixed key order, so the same content gives the same bytes. */
export function serializeManifest(manifest: LexiconManifest): string {
  const documents = manifest.documents.map(({ nsid, path, sha256 }) => ({ nsid, path, sha256 }));
  const ordered = { source: manifest.source, date: manifest.date, documents };

  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** Compares two document lists by NSID and hash. */
export function diffManifests(
  previous: readonly ManifestEntry[],
  next: readonly ManifestEntry[],
): ManifestDiff {
  const before = new Map(previous.map((entry) => [entry.nsid, entry.sha256]));
  const after = new Map(next.map((entry) => [entry.nsid, entry.sha256]));
  const added = [...after.keys()].filter((nsid) => !before.has(nsid));
  const removed = [...before.keys()].filter((nsid) => !after.has(nsid));
  const changed = [...after].filter(
    ([nsid, hash]) => before.has(nsid) && before.get(nsid) !== hash,
  );

  return {
    added: added.sort(),
    removed: removed.sort(),
    changed: changed.map(([nsid]) => nsid).sort(),
  };
}

/**
 * Picks the manifest date so that syncing the same documents again keeps it: the first date a
 * source name ends with (`atproto-2026-08-20`), else the previous date when no document changed,
 * else today in UTC.
 */
export function pickManifestDate(
  names: readonly string[],
  previous: LexiconManifest | undefined,
  diff: ManifestDiff,
  now: Date,
): string {
  const named = names.map(dateInName).find((date) => date !== undefined);

  if (named !== undefined) return named;

  const unchanged = diff.added.length + diff.removed.length + diff.changed.length === 0;

  if (previous !== undefined && unchanged) return previous.date;

  return now.toISOString().slice(0, 10);
}

function dateInName(name: string): string | undefined {
  const date = /\d{4}-\d{2}-\d{2}$/.exec(name)?.[0];

  if (date === undefined) return undefined;

  // @NOTE A round trip rejects dates that Date.parse would roll over, such as 2026-02-30.
  const parsed = new Date(`${date}T00:00:00Z`);

  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date)
    ? date
    : undefined;
}

function isManifest(value: unknown): value is LexiconManifest {
  if (typeof value !== 'object' || value === null) return false;

  const { source, date, documents } = value as Record<string, unknown>;

  return (
    typeof source === 'string' &&
    typeof date === 'string' &&
    Array.isArray(documents) &&
    documents.every(isManifestEntry)
  );
}

function isManifestEntry(value: unknown): value is ManifestEntry {
  if (typeof value !== 'object' || value === null) return false;

  const { nsid, path, sha256 } = value as Record<string, unknown>;

  return typeof nsid === 'string' && typeof path === 'string' && typeof sha256 === 'string';
}

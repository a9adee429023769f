import { CodegenError } from '../errors.js';
import { isCallable } from './document-kind.js';
import type { ExternalLexicons } from './lexicon-set.js';
import { readLexicons, type SourceDocument } from './read-lexicons.js';

/** A package generated earlier, whose modules custom documents may refer to. */
export interface ExternalPackage {
  /** Its module specifier, e.g. `@lexforge/api`. */
  module: string;
  /** The lexicon folder it was generated from. */
  lexicons: string;
}

/** The namespaces (`com`, `com.atproto`, ...) under which a set of documents has methods. */
export function callableNamespaces(documents: Iterable<SourceDocument>): Set<string> {
  const namespaces = new Set<string>();

  for (const source of documents) {
    if (!isCallable(source)) continue;

    const segments = source.nsid.split('.').slice(0, -1);

    for (let length = 1; length <= segments.length; length++) {
      namespaces.add(segments.slice(0, length).join('.'));
    }
  }

  return namespaces;
}

/**
 * Reads the lexicons of packages generated earlier, so that refs to their documents become imports
 * from those packages, and the first one's `Client` becomes the base of the new `Client`.
 *
 * @throws {CodegenError} when a package's lexicons cannot be read
 */
export async function loadExternalLexicons(
  packages: readonly ExternalPackage[],
): Promise<ExternalLexicons> {
  const byNsid = new Map<string, { module: string; doc: SourceDocument }>();
  const [first] = packages;
  let clientNamespaces = new Set<string>();

  for (const pkg of packages) {
    const read = await readLexicons([pkg.lexicons]);

    if (read.problems.length > 0) throw new CodegenError(read.problems);

    for (const doc of read.documents) {
      if (!byNsid.has(doc.nsid))
        byNsid.set(doc.nsid, { module: `${pkg.module}/${doc.nsid.split('.').join('/')}`, doc });
    }

    if (pkg === first) clientNamespaces = callableNamespaces(read.documents);
  }

  return {
    resolve: (nsid) => byNsid.get(nsid),
    ...(first === undefined
      ? {}
      : { client: { module: `${first.module}/client`, namespaces: clientNamespaces } }),
  };
}

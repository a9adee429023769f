/** A union member: the object type `T` tagged with its `$type`. */
export type $Typed<T, N extends string> = T & { $type: N };

/** A member of an open union whose `$type` this package does not know (a newer lexicon's). */
export interface UnknownTypedObject {
  $type: string;
  [key: string]: unknown;
}

/** The value of a lexicon `unknown` field: any JSON object. */
export interface UnknownObject {
  [key: string]: unknown;
}

/** A link to content by CID, as the JSON data model writes it. */
export interface CidLink {
  $link: string;
}

/** Raw bytes, as the JSON data model writes them (base64, no padding). */
export interface Bytes {
  $bytes: string;
}

/** A reference to an uploaded blob, in its canonical JSON form. */
export interface TypedBlobRef {
  $type: 'blob';
  ref: CidLink;
  mimeType: string;
  size: number;
}

/** The older blob form some records still carry: a CID string and a MIME type, no size. */
export interface LegacyBlobRef {
  cid: string;
  mimeType: string;
}

/** A blob reference as read from the network: the canonical form or the legacy one. */
export type BlobRef = TypedBlobRef | LegacyBlobRef;

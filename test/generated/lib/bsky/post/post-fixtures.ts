import type { BlobUpload, PostServices } from '@lexforge/api/lib/bsky/post/index';
import type { BlobRef } from '@lexforge/runtime';

/** A well-formed DID, CID and AT URIs for records that need not exist. */
export const DID = 'did:plc:ewvi7nxzyoun6zhxrhs64oiz';
export const CID = 'bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm';
export const BLOB_CID = 'bafkreibme22gw2h7y2h7tg2fhqotaqjucnbc24deqo72b6mkl2egezxhvy';
export const ROOT = { uri: `at://${DID}/app.bsky.feed.post/3k5nobkf2w72g`, cid: CID };
export const PARENT = { uri: `at://${DID}/app.bsky.feed.post/3k5nobkf2w73g`, cid: CID };

/** A blob ref in its canonical JSON form. */
export function blobRef(mimeType: string, size: number): BlobRef {
  return { $type: 'blob', ref: { $link: BLOB_CID }, mimeType, size };
}

/** Post services that answer from memory and record what they were asked. */
export function memoryServices(dids: Record<string, string> = {}): {
  services: PostServices;
  resolved: string[];
  uploads: BlobUpload[];
} {
  const resolved: string[] = [];
  const uploads: BlobUpload[] = [];
  const services: PostServices = {
    resolveHandle: (handle) => {
      resolved.push(handle);

      return Promise.resolve(dids[handle]);
    },
    uploadBlob: (upload) => {
      uploads.push(upload);

      return Promise.resolve(blobRef(upload.mimeType, 100 + uploads.length));
    },
  };

  return { services, resolved, uploads };
}

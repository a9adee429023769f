export { claimedHandle } from './claimed-handle.js';
export { DEFAULT_PLC_URL, didDocumentUrl } from './did-document-url.js';
export type { DidDocumentUrlOptions } from './did-document-url.js';
export { parseDidDocument } from './did-document.js';
export type { DidDocument, DidService, DidVerificationMethod } from './did-document.js';
export * from './errors/index.js';
export { IdentityResolver } from './identity-resolver.js';
export type {
  IdentityResolverOptions,
  ResolveCallOptions,
  ResolvedIdentity,
} from './identity-resolver.js';
export { DEFAULT_LOOKUP_TIMEOUT } from './lookup-options.js';
export type { LookupOptions } from './lookup-options.js';
export { pdsEndpoint } from './pds-endpoint.js';
export { resolveDid } from './resolve-did.js';
export type { DidResolution, ResolveDidOptions } from './resolve-did.js';
export { resolveHandle } from './resolve-handle.js';
export type { ResolveHandleOptions } from './resolve-handle.js';
export { WELL_KNOWN_DID_PATH, wellKnownDidUrl } from './well-known-did.js';

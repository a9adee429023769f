export * from './errors/index.js';
export { DEFAULT_LOOKUP_TIMEOUT } from './lookup-options.js';
export type { LookupOptions } from './lookup-options.js';
export { resolveHandle } from './resolve-handle.js';
export type { ResolveHandleOptions } from './resolve-handle.js';
export { WELL_KNOWN_DID_PATH, wellKnownDidUrl } from './well-known-did.js';

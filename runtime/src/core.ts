// The transport, errors, schema helpers and syntax checks: everything generated modules import.
// The runtime's own generated methods (runtime/src/lexicons/) import this module rather than the
// package index, so that the session layer that uses them is not part of an import cycle.
export * from './errors/index.js';
export * from './schema/index.js';
export * from './xrpc/index.js';
export * from './pagination/index.js';
export * from './syntax/index.js';

// Hand-written helpers on top of the generated modules in ../src; re-exported by the package index.
export * from './bsky/index.js';

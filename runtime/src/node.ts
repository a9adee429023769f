// What works only on Node (files and locks), kept out of the main entry so that browser bundles
// never meet a node: import: `import { FileStore } from '@lexforge/runtime/node'`.
export { writeFileAtomic } from './session/atomic-write.js';
export { FileStore } from './session/file-store.js';
export type { FileStoreOptions } from './session/file-store.js';
export type { FileLockOptions } from './session/file-lock.js';

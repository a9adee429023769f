export * from './core.js';
export * from './identity/index.js';
export * from './records/index.js';
export * from './session/index.js';

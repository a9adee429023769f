export * from './core.js';
export * from './records/index.js';
export * from './session/index.js';
export * from './syntax/index.js';

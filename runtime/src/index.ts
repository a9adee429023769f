export * from './core.js';
export * from './syntax/index.js';

#!/usr/bin/env node
import { enableCompileCache } from 'node:module';

// @NOTE Node keeps the compiled code of the CLI and its dependencies in a disk cache between runs,
// as tsc does; it must be on before the CLI's modules load, hence the dynamic imports below
enableCompileCache?.();

const { createLogger } = await import('./cli/logger.js');
const { runCli } = await import('./cli/run-cli.js');

const argv = process.argv.slice(2);
const level = argv.includes('--quiet') ? 'error' : argv.includes('--verbose') ? 'debug' : 'info';

process.exitCode = await runCli(argv, createLogger(level));

#!/usr/bin/env node
import { createLogger } from './cli/logger.js';
import { runCli } from './cli/run-cli.js';

const argv = process.argv.slice(2);
const level = argv.includes('--quiet') ? 'error' : argv.includes('--verbose') ? 'debug' : 'info';

process.exitCode = await runCli(argv, createLogger(level));

/** How much a script prints; each level also prints the levels before it. */
export type LogLevel = 'silent' | 'error' | 'warn' | 'info' | 'debug';

/** A levelled logger for scripts: one line per message, never on stdout. */
export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
}

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  /** @default 'info' */
  level?: LogLevel;
  /** Receives each line, newline included. @default a write to `process.stderr` */
  write?: (line: string) => void;
}

const RANKS: Record<LogLevel, number> = { silent: 0, error: 1, warn: 2, info: 3, debug: 4 };

/** A logger that drops every message, the default wherever a logger is optional. */
export const silentLogger: Logger = createLogger({ level: 'silent' });

/** Creates a logger that prints the messages at `level` or above. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const rank = RANKS[options.level ?? 'info'];
  const write = options.write ?? ((line: string) => process.stderr.write(line));
  const at = (level: LogLevel) => (message: string) => {
    if (RANKS[level] <= rank) write(`${message}\n`);
  };

  return { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
}

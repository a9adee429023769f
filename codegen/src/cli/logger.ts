/** How much the CLI prints. */
export type LogLevel = 'silent' | 'error' | 'info' | 'debug';

const RANK: Readonly<Record<LogLevel, number>> = { silent: 0, error: 1, info: 2, debug: 3 };

/** A small levelled logger writing to stderr. */
export interface Logger {
  error(message: string): void;
  info(message: string): void;
  debug(message: string): void;
}

/** Creates a logger printing messages at or above `level` to `stream`. */
export function createLogger(
  level: LogLevel,
  stream: { write(text: string): unknown } = process.stderr,
): Logger {
  const at = (wanted: LogLevel) => (message: string) => {
    if (RANK[level] >= RANK[wanted]) stream.write(`${message}\n`);
  };

  return { error: at('error'), info: at('info'), debug: at('debug') };
}

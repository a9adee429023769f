import { excerpt } from '../../errors/redact.js';

const SHOWN_LENGTH = 120;

/** Shortens a value from the network or the caller for quoting inside an error message. */
export function shown(value: string): string {
  return excerpt(value, SHOWN_LENGTH);
}

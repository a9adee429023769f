function mediaType(encoding: string): string {
  return (encoding.split(';', 1)[0] ?? '').trim().toLowerCase();
}

/** Whether a lexicon encoding (or a `content-type`) is JSON. */
export function isJsonEncoding(encoding: string): boolean {
  return mediaType(encoding) === 'application/json';
}

/** Whether a lexicon encoding is a pattern (`*\/*`, `image/*`) rather than one MIME type. */
export function isEncodingPattern(encoding: string): boolean {
  return encoding.includes('*');
}

/** Whether a MIME type matches a lexicon encoding, which may be `*\/*` or `type/*`. */
export function matchesEncoding(pattern: string, type: string): boolean {
  const [patternType, patternSubtype] = mediaType(pattern).split('/');
  const [actualType, actualSubtype] = mediaType(type).split('/');

  if (actualSubtype === undefined || actualSubtype === '') return false;
  if (patternType !== '*' && patternType !== actualType) return false;

  return patternSubtype === '*' || patternSubtype === actualSubtype;
}

/** What a secret is replaced with wherever the runtime shows server- or caller-supplied text. */
export const REDACTED = '[redacted]';

// A JWT is three base64url segments; its header always starts with `{"` and so encodes to `ey`.
const JWT_PATTERN = /\bey[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g;
const CREDENTIAL_PATTERN = /\b(Bearer|Basic|DPoP)\s+[^\s"',;]+/gi;

/**
 * Replaces anything that looks like a credential (a JWT, or the value after `Bearer`, `Basic` or
 * `DPoP`) in a piece of text the runtime is about to put into an error message.
 */
export function redactSecrets(text: string): string {
  return text.replace(CREDENTIAL_PATTERN, `$1 ${REDACTED}`).replace(JWT_PATTERN, REDACTED);
}

/**
 * Shortens text to at most `max` characters, with whitespace collapsed and secrets redacted, for
 * quoting a server's or caller's value inside an error message.
 */
export function excerpt(text: string, max: number): string {
  const collapsed = redactSecrets(text.replace(/\s+/g, ' ').trim());

  return collapsed.length <= max ? collapsed : `${collapsed.slice(0, max - 1)}…`;
}

// @NOTE: RFC 5646 well-formedness, built from its grammar. Stricter than the RFC in one place, as
// the lexicon spec and the interop vectors are: the primary language subtag is a lower-case ISO 639
// code of two or three letters (`JA` and four- to eight-letter codes are refused). Later subtags
// are case-insensitive. Irregular grandfathered tags are accepted in their registered spelling;
// the regular ones already fit the langtag grammar.
const LANGUAGE = '[a-z]{2,3}(?:-[a-zA-Z]{3}){0,3}';
const SCRIPT = '-[a-zA-Z]{4}';
const REGION = '-(?:[a-zA-Z]{2}|[0-9]{3})';
const VARIANT = '-(?:[a-zA-Z0-9]{5,8}|[0-9][a-zA-Z0-9]{3})';
const EXTENSION = '-[0-9a-wyzA-WYZ](?:-[a-zA-Z0-9]{2,8})+';
const PRIVATE_USE = '[xX](?:-[a-zA-Z0-9]{1,8})+';
const IRREGULAR = [
  'en-GB-oed',
  'i-(?:ami|bnn|default|enochian|hak|klingon|lux|mingo|navajo|pwn|tao|tay|tsu)',
  'sgn-(?:BE-FR|BE-NL|CH-DE)',
].join('|');
const LANGTAG =
  `${LANGUAGE}(?:${SCRIPT})?(?:${REGION})?(?:${VARIANT})*` +
  `(?:${EXTENSION})*(?:-${PRIVATE_USE})?`;

const LANGUAGE_TAG_PATTERN = new RegExp(`^(?:${LANGTAG}|${PRIVATE_USE}|${IRREGULAR})$`);

/**
 * Tests whether `s` is a well-formed BCP 47 language tag (lexicon format `language`).
 *
 * @NOTE: well-formed, not valid: subtags are not looked up in the IANA registry, and a repeated
 * variant or extension singleton (`de-DE-1901-1901`) passes. The lexicon spec asks for
 * well-formedness and leaves ignoring merely well-formed tags to the application.
 *
 * @example
 * ```ts
 * isLanguage('pt-BR'); // true
 * isLanguage('hy-Latn-IT-arevela'); // true
 * isLanguage('JA'); // false
 * ```
 */
export function isLanguage(s: string): boolean {
  return LANGUAGE_TAG_PATTERN.test(s);
}

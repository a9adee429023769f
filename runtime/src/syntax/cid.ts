// @NOTE: a syntax check on the string form, not a decode. The first character names the multibase
// encoding and the rest must use only that encoding's alphabet. Base32 `b...` is the form atproto
// writes; the other common bases pass, as the interop vectors require. CIDv0 (bare base58 `Qm...`)
// has no multibase prefix and fails, as the vectors also require. Base2 and the non-ASCII bases
// are left out: no real CID in them fits the length bound.
const CID_PATTERN = new RegExp(
  `^(?:${[
    'b[a-z2-7]+',
    'B[A-Z2-7]+',
    'c[a-z2-7]+=*',
    'C[A-Z2-7]+=*',
    'v[0-9a-v]+',
    'V[0-9A-V]+',
    't[0-9a-v]+=*',
    'T[0-9A-V]+=*',
    'h[ybndrfg8ejkmcpqxot1uwisza345h769]+',
    'k[0-9a-z]+',
    'K[0-9A-Z]+',
    'z[1-9A-HJ-NP-Za-km-z]+',
    'Z[1-9a-km-zA-HJ-NP-Z]+',
    'f[0-9a-f]+',
    'F[0-9A-F]+',
    'm[A-Za-z0-9+/]+',
    'M[A-Za-z0-9+/]+=*',
    'u[A-Za-z0-9_-]+',
    'U[A-Za-z0-9_-]+=*',
    '7[0-7]+',
    '9[0-9]+',
  ].join('|')})$`,
);

// @NOTE: the shortest CID (a one-byte header and an empty identity hash) takes 8 characters in
// base32; 256 leaves room for a 512-bit digest in base8 or base10.
const CID_MIN_LENGTH = 8;
const CID_MAX_LENGTH = 256;

/**
 * Tests whether `s` looks like a CID in string form (lexicon format `cid`).
 *
 * @example
 * ```ts
 * isCid('bafyreidfayvfuwqa7qlnopdjiqrxzs6blmoeu4rujcjtnci5beludirz2a'); // true
 * isCid('QmbWqxBEKC3P8tqsKc98xmWNzrzDtRLMiMPL8wBuTGsMnR'); // false: CIDv0
 * ```
 */
export function isCid(s: string): boolean {
  return s.length >= CID_MIN_LENGTH && s.length <= CID_MAX_LENGTH && CID_PATTERN.test(s);
}

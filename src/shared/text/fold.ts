// Case- and accent-insensitive text, the one way every search box compares: the
// library's title filter, full-text search (index and query alike) and All highlights.
// Compatibility decomposition (NFKD) splits "é" into "e" + a combining accent and "ﬁ"
// into "fi"; the combining marks are then dropped and the rest lower-cased without a
// locale, so the answer is the same on every machine. Deliberately not folded: "ß"
// (German readers type it; toLowerCase turns "ẞ" into it) and the Turkish dotless "ı",
// which is a letter of its own ("İ" does fold to "i": its dot is a combining mark).

const MARKS = /\p{M}/gu
// Most words are plain ASCII: they skip the Unicode normalisation (indexing speed).
const NOT_ASCII = /[^\x00-\x7f]/

export function fold(text: string): string {
  const decomposed = NOT_ASCII.test(text) ? text.normalize('NFKD').replace(MARKS, '') : text
  return decomposed.toLowerCase()
}

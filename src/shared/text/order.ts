// Orders that must not depend on the machine's locale: file paths in a scan, ids.

/** UTF-16 code-unit order: the same on every machine, unlike localeCompare. */
export const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

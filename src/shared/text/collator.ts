// The one order for names people read (titles, tags, sources): the user's locale, case-
// and accent-insensitive, digits by value ("Part 2" before "Part 10"). One instance:
// Intl.Collator is costly to create and sorting thousands of titles calls it often.
// For orders that must not depend on the machine (paths, ids) see order.ts.

export const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

/** collator.compare, bound: usable directly as a sort comparator. */
export const compareNames = collator.compare

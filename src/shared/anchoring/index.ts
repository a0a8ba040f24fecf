// Anchoring highlights to an article's text: pure string work, shared by the main
// process (which stores and re-anchors highlights) and the renderer.
export { CONTEXT_LENGTH, describeRange, splitsPair, type RangeDescription } from './describe-range'
export {
  anchorQuote,
  MIN_FUZZY_SCORE,
  MIN_UNIQUE_QUOTE_LENGTH,
  STRONG_QUOTE_LENGTH,
  STRONG_QUOTE_SCORE,
  type AnchorResult,
  type StoredSelectors
} from './anchor-quote'

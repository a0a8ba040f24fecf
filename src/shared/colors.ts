// Highlight colours, zod-free so the renderer can import them without the schemas.
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink'] as const
export type HighlightColorName = (typeof HIGHLIGHT_COLORS)[number]

// Which kind of annotations file the user chose to import, by its content (file names
// lie, and a dropped file has only its text): JSON from a W3C Web Annotation tool or
// Gloss, JSON from Hypothesis, or a Readwise / Readwise Reader CSV. Each reader turns
// its format into the same ReadAnnotation list that import-annotations.ts merges.
import { isHypothesisJson, readHypothesis } from '../../shared/export/hypothesis-read'
import { isReadwiseCsv, readReadwiseCsv } from './readwise-read'
import { readWebAnnotations, readWebAnnotationsText, type ReadResult } from '../../shared/export/web-annotation-read'

export function readAnnotationFile(text: string): ReadResult {
  const body = text.replace(/^\uFEFF/, '').trimStart()
  if (body.startsWith('{') || body.startsWith('[')) {
    let json: unknown
    try {
      json = JSON.parse(body)
    } catch {
      return readWebAnnotationsText(text) // the W3C reader words the JSON error
    }
    return isHypothesisJson(json) ? readHypothesis(json) : readWebAnnotations(json)
  }
  if (isReadwiseCsv(body)) return readReadwiseCsv(text)
  return readWebAnnotationsText(text)
}

// A JSON Schema (draft-07, for ajv) of what the W3C Web Annotation Data Model
// (https://www.w3.org/TR/annotation-model/) says an annotation MUST and SHOULD be,
// written for Gloss's tests from the model's text and the checks its test suite
// (w3c/web-annotation-tests) makes. SHOULDs are required here: an export from Gloss
// meets them all.
//
// - @context is (or lists first) http://www.w3.org/ns/anno.jsonld; `id` is an IRI;
//   `type` is or includes "Annotation"; a `target` is required (§3.1).
// - `body` and `bodyValue` are never both present; an embedded TextualBody has a string
//   `value`; `format` is a media type; `purpose` and `motivation` come from the model's
//   list of motivations (§3.2.4, §3.3.5).
// - A target is an IRI, an External Web Resource (an object with an IRI `id` and no
//   `value`, `source` or `target`), or a Specific Resource: a `source` (IRI or External
//   Web Resource) plus at least one of selector, state, purpose, styleClass,
//   renderedVia, scope — a bare `{source}` is none of these (§3.2, §4).
// - TextQuoteSelector: `exact` required; TextPositionSelector: `start` and `end`
//   non-negative integers, counted in Unicode code points (§4.2.4, §4.2.5; the unit is
//   checked by anchoring, not here).
// - `created` and `modified`: xsd:dateTime in UTC with "Z" (§3.3.1; SHOULD be present).
// - `creator` SHOULD be given: an IRI or an Agent (Person, Organization, Software) with
//   a name (§3.3.1).
// - An AnnotationCollection SHOULD have a label, `total`, `first` and `last`; each
//   AnnotationPage MUST have `items` and SHOULD have `partOf` and `startIndex` (§5).

const MOTIVATIONS = [
  'assessing',
  'bookmarking',
  'classifying',
  'commenting',
  'describing',
  'editing',
  'highlighting',
  'identifying',
  'linking',
  'moderating',
  'questioning',
  'replying',
  'tagging'
]
const iri = { type: 'string', format: 'uri' }
const utcDateTime = { type: 'string', format: 'date-time', pattern: 'Z$' }
const oneOrMany = (schema: object) => ({ oneOf: [schema, { type: 'array', minItems: 1, items: schema }] })
const typeIncludes = (name: string) => ({ oneOf: [{ const: name }, { type: 'array', contains: { const: name } }] })

export const WEB_ANNOTATION_SCHEMA = {
  $id: 'gloss-test:web-annotation',
  definitions: {
    motivation: { enum: MOTIVATIONS },
    agent: {
      oneOf: [
        iri,
        {
          type: 'object',
          required: ['type', 'name'],
          properties: {
            id: iri,
            type: { enum: ['Person', 'Organization', 'Software'] },
            name: { type: 'string', minLength: 1 },
            nickname: { type: 'string' }
          }
        }
      ]
    },
    textualBody: {
      type: 'object',
      required: ['value'],
      properties: {
        type: { const: 'TextualBody' },
        value: { type: 'string' },
        purpose: oneOrMany({ $ref: '#/definitions/motivation' }),
        format: { type: 'string', pattern: '^(application|audio|example|image|multipart|text|video)/' },
        language: { type: 'string', pattern: '^[a-z]{2,3}(-|$)' },
        creator: { $ref: '#/definitions/agent' }
      }
    },
    body: { oneOf: [iri, { $ref: '#/definitions/textualBody' }] },
    externalWebResource: {
      type: 'object',
      required: ['id'],
      properties: { id: iri, type: { enum: ['Dataset', 'Image', 'Video', 'Sound', 'Text'] } },
      not: { anyOf: [{ required: ['value'] }, { required: ['source'] }, { required: ['target'] }] }
    },
    textQuoteSelector: {
      type: 'object',
      required: ['type', 'exact'],
      properties: { type: { const: 'TextQuoteSelector' }, exact: { type: 'string', minLength: 1 }, prefix: { type: 'string' }, suffix: { type: 'string' } }
    },
    textPositionSelector: {
      type: 'object',
      required: ['type', 'start', 'end'],
      properties: { type: { const: 'TextPositionSelector' }, start: { type: 'integer', minimum: 0 }, end: { type: 'integer', minimum: 0 } }
    },
    selector: { oneOf: [{ $ref: '#/definitions/textQuoteSelector' }, { $ref: '#/definitions/textPositionSelector' }] },
    specificResource: {
      type: 'object',
      required: ['source'],
      properties: {
        source: { oneOf: [iri, { $ref: '#/definitions/externalWebResource' }] },
        selector: oneOrMany({ $ref: '#/definitions/selector' }),
        purpose: oneOrMany({ $ref: '#/definitions/motivation' })
      },
      anyOf: ['selector', 'state', 'purpose', 'styleClass', 'renderedVia', 'scope'].map((key) => ({ required: [key] }))
    },
    target: { oneOf: [iri, { $ref: '#/definitions/externalWebResource' }, { $ref: '#/definitions/specificResource' }] },
    annotation: {
      type: 'object',
      required: ['id', 'type', 'target', 'created', 'creator'],
      properties: {
        id: iri,
        type: typeIncludes('Annotation'),
        motivation: oneOrMany({ $ref: '#/definitions/motivation' }),
        created: utcDateTime,
        modified: utcDateTime,
        creator: oneOrMany({ $ref: '#/definitions/agent' }),
        body: oneOrMany({ $ref: '#/definitions/body' }),
        bodyValue: { type: 'string' },
        target: oneOrMany({ $ref: '#/definitions/target' })
      },
      not: { required: ['body', 'bodyValue'] }
    },
    page: {
      type: 'object',
      required: ['id', 'type', 'items', 'partOf', 'startIndex'],
      properties: {
        id: iri,
        type: typeIncludes('AnnotationPage'),
        partOf: { oneOf: [iri, { type: 'object', required: ['id'], properties: { id: iri } }] },
        startIndex: { type: 'integer', minimum: 0 },
        items: { type: 'array', items: { $ref: '#/definitions/annotation' } }
      }
    }
  },
  type: 'object',
  required: ['@context', 'id', 'type', 'label', 'total', 'first', 'last'],
  properties: {
    '@context': {
      oneOf: [{ const: 'http://www.w3.org/ns/anno.jsonld' }, { type: 'array', minItems: 1, items: [{ const: 'http://www.w3.org/ns/anno.jsonld' }], additionalItems: {} }]
    },
    id: iri,
    type: typeIncludes('AnnotationCollection'),
    label: { type: 'string', minLength: 1 },
    total: { type: 'integer', minimum: 0 },
    creator: oneOrMany({ $ref: '#/definitions/agent' }),
    generated: utcDateTime,
    first: { $ref: '#/definitions/page' },
    last: { oneOf: [iri, { $ref: '#/definitions/page' }] }
  }
} as const

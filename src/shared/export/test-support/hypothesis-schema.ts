// A JSON Schema (draft-07, for ajv) of what the Hypothesis API accepts when creating an
// annotation (POST /api/annotations), written for Gloss's tests from the API's rules:
// the payload is an object; `uri` is required and not blank; `text` is a string; `tags`
// a list of strings; `document` an object (its `title` a list of strings, `link` a
// list); `target` a list of objects whose `selector` is a list of objects each with a
// `type`; `permissions` maps admin/delete/read/update to lists of "acct:" or "group:"
// principals; `group` and `references` are optional. Gloss's export adds the
// timestamps an API search returns (`created`, `updated`), which the create call ignores.
const stringList = { type: 'array', items: { type: 'string' } }

export const HYPOTHESIS_CREATE_SCHEMA = {
  $id: 'gloss-test:hypothesis-create',
  type: 'object',
  required: ['uri', 'target'],
  additionalProperties: false,
  properties: {
    uri: { type: 'string', pattern: '^https?://\\S' },
    text: { type: 'string' },
    tags: stringList,
    group: { type: 'string', minLength: 1 },
    references: stringList,
    created: { type: 'string', format: 'date-time', pattern: 'Z$' },
    updated: { type: 'string', format: 'date-time', pattern: 'Z$' },
    document: {
      type: 'object',
      properties: { title: { ...stringList, minItems: 1 }, link: { type: 'array' } }
    },
    permissions: {
      type: 'object',
      patternProperties: { '^(admin|delete|read|update)$': { type: 'array', items: { type: 'string', pattern: '^(acct:|group:).+$' } } },
      additionalProperties: false
    },
    target: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['source'],
        properties: {
          source: { type: 'string', pattern: '^https?://\\S' },
          selector: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              required: ['type'],
              properties: { type: { type: 'string' } },
              oneOf: [
                {
                  properties: { type: { const: 'TextQuoteSelector' }, exact: { type: 'string', minLength: 1 }, prefix: { type: 'string' }, suffix: { type: 'string' } },
                  required: ['exact']
                },
                {
                  properties: { type: { const: 'TextPositionSelector' }, start: { type: 'integer', minimum: 0 }, end: { type: 'integer', minimum: 0 } },
                  required: ['start', 'end']
                }
              ]
            }
          }
        }
      }
    }
  }
} as const

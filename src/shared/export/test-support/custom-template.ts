// A user template that uses every kind of variable, for the golden-file test.
export const CUSTOM_TEMPLATE = `---
title: {{yaml.title}}
{{#yaml.url}}
link: {{yaml.url}}
{{/yaml.url}}
aliases:
  - {{yaml.gloss_id}}
{{#yaml.tags.length}}
tags:
{{#yaml.tags}}
  - {{.}}
{{/yaml.tags}}
{{/yaml.tags.length}}
---

# {{title}}

{{#source}}Source: {{source}}{{/source}}{{^source}}Source unknown{{/source}}{{#published_date}} ({{published_date}}){{/published_date}} · file \`{{file_raw}}\` · {{highlight_count}} highlights{{#url}} · [original]({{url}}){{/url}}
Topics: {{#topics}}{{.}}; {{/topics}}
{{#tags}}#{{.}} {{/tags}}

{{#note}}
## My note

{{note}}

{{/note}}
## Highlights

| Colour | Quote | Where |
| --- | --- | --- |
{{#highlights}}
| {{color}} | {{quote_line}} | {{#position}}{{start}}–{{end}}{{/position}}{{^position}}not found{{/position}} |
{{/highlights}}

{{#highlights}}
- {{quote_line}} ([{{block_id}}]({{link}}), created {{created}}{{#note}}, with a note{{/note}})
{{/highlights}}
`

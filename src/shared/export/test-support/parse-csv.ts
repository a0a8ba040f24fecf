// An RFC 4180 reader for the tests: strict about quotes, so a writer bug shows up as a
// parse error instead of a shifted column.
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let i = 0
  let quoted = false
  let fieldStart = true
  while (i < text.length) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i += 2
      } else if (ch === '"') {
        quoted = false
        i++
        if (i < text.length && text[i] !== ',' && text[i] !== '\r') throw new Error(`text after a closing quote at ${i}`)
      } else {
        field += ch
        i++
      }
      continue
    }
    if (ch === '"') {
      if (!fieldStart) throw new Error(`quote inside an unquoted field at ${i}`)
      quoted = true
      fieldStart = false
      i++
    } else if (ch === ',') {
      row.push(field)
      field = ''
      fieldStart = true
      i++
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      fieldStart = true
      i += 2
    } else if (ch === '\r' || ch === '\n') {
      throw new Error(`bare line break outside quotes at ${i}`)
    } else {
      field += ch
      fieldStart = false
      i++
    }
  }
  if (quoted) throw new Error('unterminated quoted field')
  if (!fieldStart || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  return rows
}

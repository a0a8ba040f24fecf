import { describe, expect, it } from 'vitest'
import { UTF16_NOTE, WINDOWS_1252_NOTE, bytesStartWith, decodeText, decodeWindows1252 } from './decode'

const utf16le = (text: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
const utf16be = (text: string): Buffer => {
  const le = Buffer.from(text, 'utf16le')
  return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()])
}

describe('decodeText', () => {
  it.each([
    ['plain UTF-8', Buffer.from('Café – “quoted”'), 'Café – “quoted”', null],
    ['UTF-8 with a byte order mark (mark removed)', Buffer.from('\ufeff---\ntitle: x\n---\n'), '---\ntitle: x\n---\n', null],
    ['CRLF and lone CR become LF', Buffer.from('one\r\ntwo\rthree\n'), 'one\ntwo\nthree\n', null],
    ['invalid UTF-8 read as Windows-1252', Buffer.from([0x93, 0x48, 0x69, 0x94, 0x20, 0x63, 0x61, 0x66, 0xe9]), '“Hi” café', WINDOWS_1252_NOTE],
    ['UTF-16 LE with a byte order mark', utf16le('Title\r\n\r\nBody'), 'Title\n\nBody', UTF16_NOTE],
    ['UTF-16 BE with a byte order mark', utf16be('Title\n\nBody'), 'Title\n\nBody', UTF16_NOTE]
  ])('%s', (_name, bytes, text, note) => {
    expect(decodeText(bytes)).toEqual({ ok: true, text, encodingNote: note })
  })

  it.each([
    ['a NUL byte in otherwise valid UTF-8', Buffer.from('abc\0def')],
    ['a PNG header', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00])],
    ['UTF-16 whose text holds NUL characters', utf16le('a\0b')]
  ])('reports %s as a binary file', (_name, bytes) => {
    expect(decodeText(bytes)).toEqual({ ok: false, reason: 'Binary file' })
  })
})

describe('bytesStartWith', () => {
  it.each([
    ['---\n', true],
    ['\ufeff---\n', true],
    ['--', false],
    ['# ---', false]
  ])('%j starts with --- : %s', (text, expected) => {
    expect(bytesStartWith(Buffer.from(text), '---')).toBe(expected)
  })
})

describe('decodeWindows1252', () => {
  it('maps the 0x80–0x9F range to the characters Windows-1252 puts there', () => {
    const high = Buffer.from([0x80, 0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x99, 0x81])
    expect(decodeWindows1252(high)).toBe('€…‘’“”–—™\u0081')
  })

  it('maps the rest like Latin-1 and handles long input', () => {
    const long = Buffer.alloc(20_000, 0xe9)
    expect(decodeWindows1252(Buffer.from([0x41, 0xe9, 0xff]))).toBe('Aéÿ')
    expect(decodeWindows1252(long)).toBe('é'.repeat(20_000))
  })
})

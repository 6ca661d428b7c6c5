import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { htmlToText } from './html-text.js';
import { ParseError } from './parse-error.js';

/** A parsed XML element as fast-xml-parser gives it: text, attributes (`@_name`) and children. */
export type XmlNode = Record<string, unknown>;

// Entities stay unexpanded (processEntities: false), so a DOCTYPE cannot define an
// entity bomb; we decode only the predefined and numeric ones ourselves.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  processEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Rich-text elements are kept raw so escaped HTML, CDATA and inline XHTML can each be handled.
  stopNodes: ['*.description', '*.summary', '*.content', '*.content:encoded'],
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decode XML's predefined and numeric character references; others are left as they are. */
export function decodeXmlEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return PREDEFINED[ref.toLowerCase()] ?? whole;
  });
}

/** Parse feed XML into a tree, refusing HTML pages and malformed XML with a ParseError naming the source. */
export function parseXml(xml: string, source: string): XmlNode {
  const text = xml.replace(/^\uFEFF/, '');
  if (!text.trim()) throw new ParseError('not-a-feed', source, `${source} is empty, not a feed; check the feed URL.`);
  const head = text.slice(0, 2048).replace(/<!--[\s\S]*?-->/g, '').trimStart();
  if (/^<!doctype\s+html/i.test(head) || /^<html[\s>]/i.test(head)) {
    throw new ParseError('not-a-feed', source, `${source} is an HTML page, not an RSS/Atom feed; use the page's feed link, or add it as a web page source.`);
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    throw new ParseError('malformed-xml', source, `${source} is not well-formed XML (line ${line}, column ${col}: ${msg}); the feed is broken at the publisher, try again later or report it to them.`);
  }
  return parser.parse(text) as XmlNode;
}

/** The text of an element (string or `#text`), entity-decoded and trimmed; '' when absent. */
export function textOf(value: unknown): string {
  if (Array.isArray(value)) return textOf(value[0]);
  if (typeof value === 'string') return decodeXmlEntities(value).trim();
  if (value && typeof value === 'object' && '#text' in value) return textOf((value as XmlNode)['#text']);
  return '';
}

/** An attribute of an element, entity-decoded, or null. */
export function attrOf(value: unknown, name: string): string | null {
  const node = Array.isArray(value) ? value[0] : value;
  if (!node || typeof node !== 'object') return null;
  const v = (node as XmlNode)[`@_${name}`];
  return typeof v === 'string' ? decodeXmlEntities(v) : null;
}

/** Plain text of a raw rich-text element: inline XHTML, CDATA or entity-escaped HTML, or plain text. */
export function richTextOf(value: unknown): string {
  const node = Array.isArray(value) ? value[0] : value;
  const raw = typeof node === 'string' ? node : node && typeof node === 'object' ? (node as XmlNode)['#text'] : undefined;
  if (typeof raw !== 'string' || !raw.trim()) return '';
  if (attrOf(node, 'type') === 'xhtml') return htmlToText(raw);
  // CDATA sections already hold literal HTML; only the text around them is entity-escaped.
  const html = raw
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part) => (part.startsWith('<![CDATA[') ? part.slice(9, -3) : decodeXmlEntities(part)))
    .join('');
  return htmlToText(html);
}

import { createHash } from 'node:crypto';
import { attrOf, parseXml, richTextOf, textOf, type XmlNode } from './feed-xml.js';
import { htmlToText } from './html-text.js';
import { ParseError } from './parse-error.js';

/** One entry of a feed, as plain text. */
export interface FeedItem {
  title: string;
  /** Absolute link to the article, or null when the item has none. */
  url: string | null;
  /** ISO 8601 timestamp, or null when absent or unreadable. */
  published: string | null;
  /** Plain-text description or summary ('' when absent). */
  summary: string;
  /** Plain-text full content (content:encoded, Atom content), or null. */
  content: string | null;
  /** Stable id: guid/id/rdf:about, else the URL, else a hash of title and date. */
  guid: string;
}

export interface Feed {
  title: string;
  items: FeedItem[];
}

const SUMMARY_FROM_CONTENT = 500;

function asNodes(v: unknown): XmlNode[] {
  if (Array.isArray(v)) return v.filter((x): x is XmlNode => !!x && typeof x === 'object');
  return v && typeof v === 'object' ? [v as XmlNode] : [];
}

function absolute(href: string | null, base: string): string | null {
  if (!href) return null;
  try {
    return new URL(href, base).href;
  } catch {
    return null;
  }
}

function isoDate(raw: string): string | null {
  if (!raw) return null;
  const t = Date.parse(raw);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

function plainTitle(v: unknown): string {
  return htmlToText(textOf(v)).replace(/\s+/g, ' ');
}

function finish(partial: Omit<FeedItem, 'guid' | 'summary'> & { guid: string; summary: string }): FeedItem {
  let summary = partial.summary;
  if (!summary && partial.content) {
    summary = partial.content.length > SUMMARY_FROM_CONTENT ? `${partial.content.slice(0, SUMMARY_FROM_CONTENT).trimEnd()}…` : partial.content;
  }
  const guid =
    partial.guid ||
    partial.url ||
    `urn:sha256:${createHash('sha256').update(`${partial.title}\n${partial.published ?? ''}\n${summary}`).digest('hex').slice(0, 32)}`;
  return { ...partial, summary, guid };
}

function rssItem(item: XmlNode, base: string): FeedItem {
  const guidNode = item.guid;
  const guid = textOf(guidNode);
  const permalink = attrOf(guidNode, 'isPermaLink') !== 'false' && /^https?:\/\//i.test(guid);
  const url = absolute(textOf(item.link) || (permalink ? guid : null), base);
  const content = richTextOf(item['content:encoded']) || null;
  return finish({
    title: plainTitle(item.title),
    url,
    published: isoDate(textOf(item.pubDate) || textOf(item['dc:date'])),
    summary: richTextOf(item.description),
    content,
    guid,
  });
}

function atomLink(entry: XmlNode, base: string): string | null {
  const links = asNodes(entry.link);
  const alternate =
    links.find((l) => (attrOf(l, 'rel') ?? 'alternate') === 'alternate' && /html/i.test(attrOf(l, 'type') ?? 'text/html')) ??
    links.find((l) => (attrOf(l, 'rel') ?? 'alternate') === 'alternate') ??
    links[0];
  return absolute(attrOf(alternate, 'href'), base);
}

function atomEntry(entry: XmlNode, base: string): FeedItem {
  const entryBase = absolute(attrOf(entry, 'xml:base'), base) ?? base;
  return finish({
    title: plainTitle(entry.title),
    url: atomLink(entry, entryBase),
    published: isoDate(textOf(entry.published) || textOf(entry.updated) || textOf(entry['dc:date'])),
    summary: richTextOf(entry.summary),
    content: richTextOf(entry.content) || null,
    guid: textOf(entry.id),
  });
}

function rdfItem(item: XmlNode, base: string): FeedItem {
  const about = attrOf(item, 'rdf:about');
  return finish({
    title: plainTitle(item.title),
    url: absolute(textOf(item.link) || about, base),
    published: isoDate(textOf(item['dc:date'])),
    summary: richTextOf(item.description),
    content: richTextOf(item['content:encoded']) || null,
    guid: about ?? '',
  });
}

/** Parse RSS 2.0, Atom or RDF/RSS 1.0 into plain-text items with absolute URLs; throws `ParseError` ('malformed-xml', 'not-a-feed'). */
export function parseFeed(xml: string, baseUrl: string): Feed {
  const doc = parseXml(xml, baseUrl);
  const rss = asNodes(doc.rss)[0];
  if (rss) {
    const channel = asNodes(rss.channel)[0] ?? {};
    return { title: plainTitle(channel.title), items: asNodes(channel.item).map((i) => rssItem(i, baseUrl)) };
  }
  const feed = asNodes(doc.feed)[0];
  if (feed) {
    const base = absolute(attrOf(feed, 'xml:base'), baseUrl) ?? baseUrl;
    return { title: plainTitle(feed.title), items: asNodes(feed.entry).map((e) => atomEntry(e, base)) };
  }
  const rdf = asNodes(doc['rdf:RDF'])[0];
  if (rdf) {
    const channel = asNodes(rdf.channel)[0] ?? {};
    // RSS 1.0 puts items beside the channel, not inside it.
    return { title: plainTitle(channel.title), items: asNodes(rdf.item).map((i) => rdfItem(i, baseUrl)) };
  }
  const root = Object.keys(doc).find((k) => !k.startsWith('?') && !k.startsWith('#')) ?? 'nothing';
  throw new ParseError('not-a-feed', baseUrl, `${baseUrl} is XML but not an RSS, Atom or RDF feed (its root element is <${root}>); check the feed URL.`);
}

export { parseFeed, type Feed, type FeedItem } from './parse-feed.js';
export { isTeaser, TEASER_MAX_CHARS } from './teaser.js';
export { extractArticle, type Article } from './extract-article.js';
export { readLocalFile, listIngestibleFiles, localFileKind, type LocalDocument, type LocalFileKind, type LocalFileOptions } from './local-files.js';
export { canonicalizeUrl } from './canonical-url.js';
export { htmlToText } from './html-text.js';
export { parseMarkdown, type MarkdownDoc } from './markdown-text.js';
export { ParseError, type ParseErrorCode } from './parse-error.js';

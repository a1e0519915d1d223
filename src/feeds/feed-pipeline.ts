/**
 * What fetching and reading feeds and pages needs (the HTTP client, the feed, OPML and HTML parsers, the
 * reader-mode extractor): loaded by the feed service on its first fetch, so a bot that follows no feed
 * never pays for these libraries at start-up.
 */
export { renderArticle, writeArticleFile } from './article-file.ts';
export { decodeBody } from './charset.ts';
export { findFeedLinks } from './feed-discovery.ts';
export { parseFeedDocument } from './feed-parser.ts';
export { FEED_ACCEPT, pollOneFeed } from './feed-poller.ts';
export { createHttpFetcher } from './http-fetcher.ts';
export { buildArticle, recoverInterrupted } from './item-taker.ts';
export { parseOpmlFeeds } from './opml-parser.ts';

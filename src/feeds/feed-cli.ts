/**
 * The `briefing feeds …` operator commands on a commander program: add, list, remove, pause, resume, poll,
 * import. `--json` prints one JSON document on stdout; bad input is a commander error with exit code 2 and
 * its message on stderr (the CLI's runner maps any CommanderError to exit code 2).
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { formatEvery } from './duration.ts';
import type { FeedError, FeedResult, PollResult } from './feed-model.ts';
import type { FeedService, FeedSummary } from './feed-service.ts';

/** What the feed commands need: a way to open the service (closed after each command) and where to print. */
export interface FeedCliDeps {
  /** Opens the service for one command; `close` ends it (and its database, when the opener made one). */
  open(): Promise<{ service: FeedService; close(): Promise<void> | void }> | { service: FeedService; close(): Promise<void> | void };
  out(text: string): void;
  err(text: string): void;
  /** Reads an OPML file (default: fs). */
  readFile?: (path: string) => Promise<string>;
}

/** A line of `feeds list` for a feed. */
export function describeFeed(f: FeedSummary): string {
  const parts = [`${f.id}  ${f.status.padEnd(6)}  every ${formatEvery(f.everyMs)}  ${f.name}  <${f.url}>`];
  parts.push(
    `    ${f.items.taken} taken, ${f.items.pending} pending, ${f.items.failed} failed${f.items.duplicate ? `, ${f.items.duplicate} duplicates skipped` : ''}; last success ${f.lastSuccessAt ?? 'never'}`,
  );
  if (f.status === 'paused') parts.push(`    paused: ${f.pausedReason ?? 'no reason given'} (resume with: briefing feeds resume ${f.id})`);
  else if (f.lastError) parts.push(`    last error (${f.consecutiveFailures} in a row): ${f.lastError}`);
  return parts.join('\n');
}

/** The `feeds poll --json` document. */
export function pollJson(r: PollResult): {
  feeds: PollResult['feeds'];
  articles: PollResult['articles'];
  issues: { code: string; message: string; feed?: string; url?: string }[];
} {
  return { feeds: r.feeds, articles: r.articles, issues: r.issues.map((i: FeedError) => ({ ...i })) };
}

/** Registers `feeds add|list|remove|pause|resume|poll|import` on `program`. */
export function registerFeedCommands(program: Command, deps: FeedCliDeps): Command {
  const feeds = program.command('feeds').description('Follow RSS, Atom and JSON feeds: their new articles are written to the corpus.');
  const bad = (cmd: Command, message: string): never => cmd.error(`briefing: ${message}`, { exitCode: 2, code: 'briefing.usage' });
  const print = (json: boolean | undefined, data: unknown, text: string) => deps.out(json ? JSON.stringify(data, null, 2) : text);
  async function withService<T>(fn: (s: FeedService) => Promise<T>): Promise<T> {
    const session = await deps.open();
    try {
      return await fn(session.service);
    } finally {
      await session.close();
    }
  }
  const unwrap = <T>(cmd: Command, r: FeedResult<T>): T => (r.ok ? r.value : bad(cmd, r.error.message));

  feeds
    .command('add <url>')
    .description('Follow a feed (or a page that links its feed); checks it first.')
    .option('--name <name>', 'a display name (default: the feed title)')
    .option('--every <interval>', 'how often to poll it: 15m, 1h, 2h30m, 1d (default 30m)')
    .option('--no-check', 'follow without fetching it first')
    .option('--json', 'print JSON')
    .action(async function (this: Command, url: string, o: { name?: string; every?: string; check: boolean; json?: boolean }) {
      const feed = await withService(async (s) =>
        unwrap(this, await s.add(url, { ...(o.name ? { name: o.name } : {}), ...(o.every ? { every: o.every } : {}), check: o.check })),
      );
      print(
        o.json,
        feed,
        `following ${feed.id}: ${feed.name} <${feed.url}>, every ${formatEvery(feed.everyMs)}; its articles arrive with the next poll (briefing feeds poll)`,
      );
    });

  feeds
    .command('list')
    .description('The followed feeds with their state, last success and last error.')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const list = await withService((s) => s.list());
      print(o.json, { feeds: list }, list.length ? list.map(describeFeed).join('\n') : 'no feeds followed; add one with: briefing feeds add URL');
    });

  for (const [name, verb, description] of [
    ['remove', 'removed', 'Stop following a feed (its articles stay in the corpus).'],
    ['pause', 'paused', 'Pause a feed without forgetting what was taken from it.'],
    ['resume', 'resumed', 'Resume a paused feed and clear its failure count.'],
  ] as const) {
    feeds
      .command(`${name} <id>`)
      .description(description)
      .option('--json', 'print JSON')
      .action(async function (this: Command, id: string, o: { json?: boolean }) {
        const feed = await withService(async (s) => unwrap(this, await (name === 'remove' ? s.remove(id) : name === 'pause' ? s.pause(id) : s.resume(id))));
        print(o.json, feed, `${verb} ${feed.id}: ${feed.name} <${feed.url}>`);
      });
  }

  feeds
    .command('poll')
    .description('Poll every active feed once now (or only those due), print what was added, and exit.')
    .option('--due', 'only the feeds whose interval has passed')
    .option('--json', 'print JSON')
    .action(async (o: { due?: boolean; json?: boolean }) => {
      const r = await withService((s) => s.poll({ due: !!o.due }));
      for (const i of r.issues) deps.err(`${i.code}: ${i.message}`);
      const lines = r.feeds.map((f) => `${f.id}  ${f.status}  +${f.added}  <${f.url}>${f.error ? `  ${f.error}` : ''}`);
      lines.push(...r.articles.map((a) => `  ${a.file}  ${a.published}  ${a.title}`));
      print(o.json, pollJson(r), r.feeds.length ? `${lines.join('\n')}\n${r.articles.length} article(s) added` : 'no feed to poll');
    });

  feeds
    .command('import <file>')
    .description('Follow every feed of an OPML file exported from a feed reader.')
    .option('--json', 'print JSON')
    .action(async function (this: Command, file: string, o: { json?: boolean }) {
      let text: string;
      try {
        text = await (deps.readFile ?? ((p: string) => readFile(p, 'utf8')))(file);
      } catch (err) {
        return bad(this, `cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? String(err)}); give the path of an .opml file`);
      }
      const r = await withService(async (s) => unwrap(this, await s.importOpml(text, file)));
      for (const k of r.skipped) deps.err(`skipped ${k.url}: ${k.reason}`);
      print(o.json, r, `imported ${r.added.length} feed(s) from ${file}${r.skipped.length ? `, skipped ${r.skipped.length}` : ''}`);
    });
  return feeds;
}

/** True when a `briefing add` argument is a web address rather than a file (the lead's `add` calls `service.addUrl` then). */
export function isWebAddress(arg: string): boolean {
  return /^https?:\/\//i.test(arg.trim());
}

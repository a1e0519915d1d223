import fs from 'node:fs';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { registerFeedCommands, isWebAddress } from '../../src/feeds/feed-cli.ts';
import { fixtureText, startFeedServer, type FeedServer } from './helpers/feed-server.ts';
import { makeService, type ServiceFixture } from './helpers/service-fixture.ts';

let server: FeedServer;
let fx: ServiceFixture;
let out: string[];
let err: string[];
beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  fx = makeService();
  out = [];
  err = [];
});
afterEach(async () => {
  await fx.cleanup();
});

/** Runs `briefing …args`; returns the exit code the CLI's runner would give (CommanderError → 2). */
async function cli(...args: string[]): Promise<number> {
  const program = new Command('briefing').exitOverride().configureOutput({ writeErr: (s) => void err.push(s), writeOut: (s) => void out.push(s) });
  registerFeedCommands(program, { open: () => ({ service: fx.service, close: () => {} }), out: (s) => void out.push(s), err: (s) => void err.push(s) });
  try {
    await program.parseAsync(args, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    throw e;
  }
}

describe('briefing feeds …', () => {
  it('adds, lists (JSON), polls (JSON in the contract shape), pauses, resumes and removes', async () => {
    expect(await cli('feeds', 'add', `${server.base}/feeds/atom-full.xml`, '--every', '15m', '--json')).toBe(0);
    const added = JSON.parse(out.pop()!);
    expect(added).toMatchObject({ url: `${server.base}/feeds/atom-full.xml`, everyMs: 900_000, status: 'active' });
    expect(await cli('feeds', 'poll', '--json')).toBe(0);
    const polled = JSON.parse(out.pop()!);
    expect(polled.feeds).toEqual([{ id: added.id, url: added.url, status: 'updated', added: 3 }]);
    expect(polled.articles).toHaveLength(3);
    for (const a of polled.articles) expect(Object.keys(a).sort()).toEqual(['feed', 'file', 'published', 'title', 'url']);
    expect(await cli('feeds', 'list', '--json')).toBe(0);
    const listed = JSON.parse(out.pop()!);
    expect(listed.feeds[0]).toMatchObject({ id: added.id, items: { taken: 3, pending: 0, failed: 0 } });
    expect(await cli('feeds', 'pause', added.id)).toBe(0);
    expect(await cli('feeds', 'list')).toBe(0);
    expect(out.pop()).toMatch(
      new RegExp(`${added.id}  paused.*\\n.*\\n    paused: paused by an operator \\(resume with: briefing feeds resume ${added.id}\\)`),
    );
    expect(await cli('feeds', 'resume', added.id)).toBe(0);
    expect(await cli('feeds', 'remove', added.id)).toBe(0);
    expect(out.pop()).toMatch(/^removed /);
    expect(await cli('feeds', 'list')).toBe(0);
    expect(out.pop()).toMatch(/no feeds followed/);
  });

  it('exits 2 with a message naming the bad argument', async () => {
    expect(await cli('feeds', 'add', 'ftp://x.example/feed')).toBe(2);
    expect(err.join('')).toMatch(/ftp URLs are not fetched/);
    expect(await cli('feeds', 'add', `${server.base}/feeds/atom-full.xml`, '--every', 'soon')).toBe(2);
    expect(err.join('')).toMatch(/--every: "soon" is not an interval/);
    expect(await cli('feeds', 'remove', 'nope')).toBe(2);
    expect(err.join('')).toMatch(/no feed with id "nope"/);
    expect(await cli('feeds', 'import', '/nonexistent/list.opml')).toBe(2);
    expect(err.join('')).toMatch(/cannot read \/nonexistent\/list\.opml \(ENOENT\)/);
    expect(await cli('feeds', 'add')).toBe(2);
  });

  it('imports an OPML file and reports the skipped entries on stderr', async () => {
    const file = path.join(fx.corpusDir, '..', 'subs.opml');
    fs.writeFileSync(file, fixtureText('subscriptions.opml', server.base));
    expect(await cli('feeds', 'import', file, '--json')).toBe(0);
    expect(JSON.parse(out.pop()!).added).toHaveLength(3);
    expect(err.join('')).toMatch(/skipped ftp:\/\/files\.example\/feed\.xml: ftp URLs are not fetched/);
  });

  it('tells web addresses from file paths for "briefing add"', () => {
    expect(isWebAddress('https://news.example/a')).toBe(true);
    expect(isWebAddress('articles/a.txt')).toBe(false);
  });
});

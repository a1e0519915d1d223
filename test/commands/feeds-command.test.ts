import { describe, expect, it } from 'vitest';
import type { CommandDeps } from '../../src/commands/command.ts';
import { createFeedCommands } from '../../src/commands/defs/feeds.ts';
import { startFeedPolling } from '../../src/feeds/feed-polling.ts';
import { useFeedTestBed } from '../feeds/helpers/service-fixture.ts';

const bed = useFeedTestBed();

const deps = {} as CommandDeps;
const ctx = { target: 'telegram:1', user: 'telegram:2' };

describe('/feeds, /addfeed, /removefeed', () => {
  it('lists for anyone; adding and removing are admin commands', async () => {
    const [feeds, addfeed, removefeed] = createFeedCommands(() => bed.fx.service);
    expect([feeds!.admin, addfeed!.admin, removefeed!.admin]).toEqual([undefined, true, true]);
    expect((await feeds!.handler(deps, {}, ctx)).title).toBe('No feeds');
    const args = addfeed!.schema.parse(addfeed!.parseText!([`${bed.server.base}/feeds/json-feed.json`, '2h'], { topicIds: [] }));
    const added = await addfeed!.handler(deps, args, ctx);
    expect(added.title).toBe('Following');
    expect(added.sections[0]!.text).toMatch(/Harbourside Dispatch, checked every 2h/);
    const listed = await feeds!.handler(deps, {}, ctx);
    expect(listed.sections[0]!.points[0]!.text).toMatch(/Harbourside Dispatch — every 2h; 0 articles/);
    const id = (await bed.fx.service.list())[0]!.id;
    expect((await removefeed!.handler(deps, removefeed!.schema.parse({}), ctx)).choices).toEqual([
      { label: expect.stringContaining(id), command: `/removefeed ${id}` },
    ]);
    expect((await removefeed!.handler(deps, removefeed!.schema.parse({ id }), ctx)).title).toBe('Removed');
  });

  it('answers with the reason when the URL cannot be followed, and rejects a bad interval', async () => {
    const [, addfeed] = createFeedCommands(() => bed.fx.service);
    const r = await addfeed!.handler(deps, addfeed!.schema.parse({ url: `${bed.server.base}/feeds/invalid.xml` }), ctx);
    expect(r.kind).toBe('error');
    expect(r.sections[0]!.text).toMatch(/invalid\.xml is not a well-formed/);
    expect(addfeed!.schema.safeParse({ url: 'https://x.example/f', every: 'often' }).success).toBe(false);
    const [feeds] = createFeedCommands(() => undefined);
    expect((await feeds!.handler(deps, {}, ctx)).title).toBe('Feeds are not configured');
  });
});

describe('startFeedPolling', () => {
  it('polls the due feeds on each tick and stops cleanly', async () => {
    await bed.fx.service.add(`${bed.server.base}/feeds/atom-full.xml`);
    const polls: number[] = [];
    const polling = startFeedPolling({ service: bed.fx.service, cron: '0 0 1 1 *', onPoll: (r) => void polls.push(r.articles.length) });
    expect((await polling.tick())?.articles).toHaveLength(3);
    expect((await polling.tick())?.feeds).toEqual([]);
    await polling.stop();
    expect(polls).toEqual([3, 0]);
    expect(await polling.tick()).toBeUndefined();
    expect(() => startFeedPolling({ service: bed.fx.service, cron: 'every minute' })).toThrow(/"every minute" is not a cron expression/);
  });
});

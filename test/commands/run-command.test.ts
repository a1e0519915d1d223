import { beforeAll, describe, expect, it } from 'vitest';
import type { CommandDeps } from '../../src/commands/command.ts';
import { COMMANDS } from '../../src/commands/registry.ts';
import type { Reply } from '../../src/reply/reply.ts';
import { runCommand } from '../../src/commands/run-command.ts';
import { corpusDeps, memorySubscriptions } from './corpus-deps.ts';

let deps: CommandDeps;
let topicIds: string[];
beforeAll(async () => {
  deps = await corpusDeps();
  topicIds = deps
    .briefing()
    .topics()
    .map((t) => t.id);
});

function allPoints(r: Reply) {
  return r.sections.flatMap((s) => s.points);
}

describe('runCommand on the bundled corpus', () => {
  it('answers every command without arguments with a reply, never throwing', async () => {
    for (const c of COMMANDS) {
      const r = await runCommand(deps, c.name, '');
      expect(r.title.length, c.name).toBeGreaterThan(0);
      expect(['answer', 'info', 'error']).toContain(r.kind);
    }
  });

  it('answers /briefing <topic> with cited points for some configured topic', async () => {
    let answered = 0;
    for (const id of topicIds) {
      const r = await runCommand(deps, 'briefing', id);
      if (r.kind !== 'answer') continue;
      answered++;
      expect(allPoints(r).length).toBeGreaterThan(0);
      for (const p of allPoints(r)) {
        expect(p.citations.length).toBeGreaterThan(0);
        for (const c of p.citations) expect(c.label.length).toBeGreaterThan(0);
      }
    }
    expect(answered).toBeGreaterThan(0);
  });

  it('every point of every answer carries at least one citation', async () => {
    const lines = [...topicIds.flatMap((t) => [`briefing ${t}`, `timeline ${t}`]), 'sources', 'speakers', 'timeline'];
    for (const line of lines) {
      const [name, ...rest] = line.split(' ');
      const r = await runCommand(deps, name!, rest.join(' '));
      if (r.kind === 'answer') for (const p of allPoints(r)) expect(p.citations.length, line).toBeGreaterThan(0);
    }
  });

  it('offers a topic menu when /briefing has no topic', async () => {
    const r = await runCommand(deps, 'briefing', '');
    expect(r.choices?.map((c) => c.command)).toEqual(topicIds.map((t) => `/briefing ${t}`));
  });

  it('answers an unknown topic with the closest matches as choices', async () => {
    const misspelt = `${topicIds[0]!.slice(0, -1)}x`;
    const r = await runCommand(deps, 'briefing', misspelt);
    expect(r.kind).toBe('error');
    expect(r.ephemeral).toBe(true);
    expect(r.choices?.[0]?.command).toBe(`/briefing ${topicIds[0]}`);
  });

  it('names the argument and the limit when an argument is too long', async () => {
    const r = await runCommand(deps, 'briefing', { topic: 'x'.repeat(500) });
    expect(r.kind).toBe('error');
    expect(r.title).toContain('topic');
    expect(r.sections[0]?.text).toMatch(/at most 100 characters.*Usage: \/briefing <topic or question>/);
  });

  it('suggests the closest command for an unknown one', async () => {
    const r = await runCommand(deps, 'breifing', '');
    expect(r.kind).toBe('error');
    expect(r.choices?.map((c) => c.command)).toContain('/briefing');
  });

  it('lists every command in /help', async () => {
    const r = await runCommand(deps, 'help');
    const text = allPoints(r)
      .map((p) => p.text)
      .join('\n');
    for (const c of COMMANDS) expect(text).toContain(`/${c.name}`);
  });

  it('lists the sources, each citing itself', async () => {
    const r = await runCommand(deps, 'sources');
    expect(allPoints(r)).toHaveLength(deps.briefing().sources().length);
  });

  it('answers /whosaid for an unknown person with an error, not an exception', async () => {
    const r = await runCommand(deps, 'whosaid', 'Nobody Atall');
    expect(r.kind).toBe('error');
  });

  it('answers /whosaid for the most quoted speaker with quotes or reports, each cited', async () => {
    const top = [...deps.briefing().speakers()].sort((a, b) => b.count - a.count)[0];
    if (!top) return; // the statements engine is not in yet
    const r = await runCommand(deps, 'whosaid', top.name);
    expect(r.kind).toBe('answer');
    for (const p of allPoints(r)) expect(p.citations.length).toBeGreaterThan(0);
  });

  it('replies "not available" or an answer for /positions, never throwing', async () => {
    const r = await runCommand(deps, 'positions', topicIds[0]!);
    expect(['answer', 'info', 'error']).toContain(r.kind);
  });
});

describe('subscriptions', () => {
  const chat = { target: 'telegram:42', user: 'telegram:7' };
  it('says scheduling is not configured when there is no subscription service', async () => {
    for (const name of ['subscribe', 'unsubscribe', 'subscriptions']) {
      const r = await runCommand(deps, name, name === 'subscriptions' ? '' : 'x');
      expect(r.title, name).toMatch(/not configured/i);
    }
  });

  it('subscribes, lists and unsubscribes through the port, per target', async () => {
    const subs = memorySubscriptions();
    const d = { ...deps, subscriptions: subs };
    const ctx = { target: 'telegram:42', user: 'telegram:7' };
    const r = await runCommand(d, 'subscribe', `${topicIds[0]} ${topicIds[1]} weekdays 08:00 Europe/Berlin`, ctx);
    expect(r.kind).toBe('info');
    expect(subs.items[0]).toMatchObject({ target: 'telegram:42', topics: [topicIds[0], topicIds[1]], schedule: 'weekdays 08:00', timezone: 'Europe/Berlin' });
    const list = await runCommand(d, 'subscriptions', '', ctx);
    expect(allPoints(list)[0]?.text).toContain('s1');
    expect((await runCommand(d, 'subscriptions', '', { target: 'telegram:1', user: 'u' })).title).toBe('No subscriptions');
    expect((await runCommand(d, 'unsubscribe', 's1', { target: 'telegram:1', user: 'u' })).kind).toBe('error');
    expect((await runCommand(d, 'unsubscribe', 's1', ctx)).title).toBe('Unsubscribed');
  });

  it('rejects an unknown topic with suggestions and a bad time zone naming the argument', async () => {
    const d = { ...deps, subscriptions: memorySubscriptions() };
    const r = await runCommand(d, 'subscribe', { topics: `${topicIds[0]}s` }, chat);
    expect(r.kind).toBe('error');
    expect(r.choices?.[0]?.command).toBe(`/subscribe ${topicIds[0]}`);
    const tz = await runCommand(d, 'subscribe', { topics: topicIds[0]!, timezone: 'Mars/Olympus' }, chat);
    expect(tz.title).toContain('timezone');
  });

  it('passes the service failure message through', async () => {
    const d = { ...deps, subscriptions: memorySubscriptions() };
    const r = await runCommand(d, 'subscribe', { topics: topicIds[0]!, schedule: 'bogus' }, chat);
    expect(r.title).toBe('Could not subscribe');
    expect(r.sections[0]?.text).toContain('schedule');
  });

  it('offers a topic menu when /subscribe has no topic', async () => {
    const r = await runCommand({ ...deps, subscriptions: memorySubscriptions() }, 'subscribe', '', chat);
    expect(r.choices?.[0]?.command).toBe(`/subscribe ${topicIds[0]}`);
  });

  it('offers the chat subscriptions as a menu when /unsubscribe has no id', async () => {
    const subs = memorySubscriptions();
    const d = { ...deps, subscriptions: subs };
    await runCommand(d, 'subscribe', topicIds[0]!, chat);
    expect((await runCommand(d, 'unsubscribe', '', chat)).choices?.[0]?.command).toBe('/unsubscribe s1');
  });

  it('tells the console that schedules are for chats, and how to subscribe a file instead', async () => {
    const subs = memorySubscriptions();
    const r = await runCommand({ ...deps, subscriptions: subs }, 'subscribe', topicIds[0]!);
    expect(r.title).toBe('Schedules are for chats');
    expect(r.sections[0]?.text).toContain('--target file:');
    expect(subs.items).toEqual([]);
  });
});

describe('/whosaid with a topic the person never spoke on', () => {
  it('says what there is instead of a dead end, with a way to see it', async () => {
    const speakers = deps.briefing().speakers();
    const topics = deps
      .briefing()
      .topics()
      .map((t) => t.id);
    // Someone quoted, and a topic none of their statements touches.
    const pair = speakers
      .map((sp) => {
        const r = deps.briefing().statements({ speaker: sp.name });
        const touched = new Set(r.ok ? r.value.flatMap((s) => s.topics) : []);
        return { sp, topic: topics.find((t) => !touched.has(t)) };
      })
      .find((x) => x.topic && x.sp.kind === 'person');
    expect(pair).toBeDefined();
    const r = await runCommand(deps, 'whosaid', { person: pair!.sp.name, topic: pair!.topic! });
    expect(r.sections[0]?.text).toContain(`none on ${pair!.topic}`);
    expect(r.choices?.[0]?.command).toBe(`/whosaid ${pair!.sp.name}`);
  });
});

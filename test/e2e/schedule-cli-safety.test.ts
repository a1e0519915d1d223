/** `briefing schedule run` posts exactly what the bot would: escaped, mention-free, through the composition's publishers. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli-in-process.ts';
import { useBotWorkspace } from '../helpers/bot-workspace.ts';

const CONFIG = `corpus: corpus
topics:
  - id: ferries
    title: Ferries
    terms:
      - { term: ferry, weight: 3 }
      - { term: crossings, weight: 3 }
subscriptions:
  - id: declared
    target: file:declared.jsonl
    topics: [ferries]
    schedule: hourly
`;
const ARTICLE = `---
title: Ferry Board Approves New Timetable
source: Test Wire
published: 2026-03-02
---
The ferry board approved [a new timetable](https://evil.example/phish) for the crossings on Monday, said <@123456789012345678> and <@&987654321098765432>.
@everyone the ferry ||spoiler|| crossings resume on Monday at dawn, the harbour board said in a statement.
Ferry crossings will be reviewed by @here after three months, the board said, thanking <#123456789012345678> for the ferry plan.
`;
const DISCORD_TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GabcDE.abcdefghijklmnopqrstuvwxyz0123';
const TELEGRAM_TOKEN = '123456:ABCdefGHIjklMNOpqrSTUvwxYZ012345';
const CH = '123456789012345678';

const ws = useBotWorkspace('sched-safety-', CONFIG, { file: 'ferry.txt', text: ARTICLE });

const env = () => ({ BRIEFING_CONFIG_DIR: path.join(ws.root, 'config'), BRIEFING_DATA_DIR: path.join(ws.root, 'data'), DISCORD_TOKEN, TELEGRAM_TOKEN });
const run = (argv: string[], now = '2026-03-05T00:00:00Z') =>
  cli(argv, { env: env(), apiRoots: { discord: ws.stub.discordApi, telegram: ws.stub.telegramApiRoot }, now: () => new Date(now) });

describe('briefing schedule run', () => {
  it('renders with the escaped renderers the bot uses: no masked links, no live mentions, no spoiler markup', async () => {
    for (const target of [`discord:${CH}`, 'telegram:-100555']) {
      const r = await run(['subscribe', '--target', target, '--topic', 'ferries', '--schedule', 'hourly']);
      expect(r.code, r.stderr).toBe(0);
    }
    const r = await run(['schedule', 'run', '--at', '2026-03-05T01:00:00Z', '--json'], '2026-03-05T01:00:00Z');
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { deliveries: { state: string }[] }).deliveries.map((d) => d.state)).toEqual(['sent', 'sent']);

    const discord = ws.stub.messages.filter((m) => m.platform === 'discord');
    expect(discord.length).toBeGreaterThan(0);
    for (const m of discord) {
      const body = String((m.body.embeds as { description?: string }[])[0]?.description);
      expect(body).toContain('ferry');
      expect(m.body.allowed_mentions).toEqual({ parse: [] });
      // A masked link needs unescaped brackets; escaped ones show the text and the bare address.
      expect(body).toContain('evil.example');
      expect(body).not.toMatch(/(^|[^\\])\]\(https:\/\/evil/);
      expect(body).not.toMatch(/<@&?\d|<#\d|@everyone|@here/);
      expect(body).not.toMatch(/(^|[^\\])\|\|/);
    }
    const telegram = ws.stub.messages.filter((m) => m.platform === 'telegram');
    expect(telegram.length).toBeGreaterThan(0);
    for (const m of telegram) {
      expect(m.text).toContain('ferry');
      expect(m.text).not.toMatch(/@everyone|@here|<@\d/);
      expect(m.body.parse_mode).toBeUndefined();
    }
  });
});

describe('config-declared subscriptions', () => {
  it('are synced only by `schedule sync`; read commands run with another config never delete them', async () => {
    expect((await run(['schedule', 'list', '--json'])).stdout).toContain('"subscriptions": []');
    const synced = await run(['schedule', 'sync', '--json']);
    expect(synced.code, synced.stderr).toBe(0);
    expect(JSON.parse(synced.stdout)).toMatchObject({ added: ['declared'] });

    // The same data folder, read with a config folder that declares nothing.
    const other = path.join(ws.root, 'other-config');
    fs.mkdirSync(other);
    fs.writeFileSync(path.join(other, 'briefing.yaml'), CONFIG.slice(0, CONFIG.indexOf('subscriptions:')));
    const list = await cli(['schedule', 'list', '--json'], { env: { ...env(), BRIEFING_CONFIG_DIR: other } });
    expect(list.code, list.stderr).toBe(0);
    expect((JSON.parse(list.stdout) as { subscriptions: { id: string }[] }).subscriptions.map((s) => s.id)).toEqual(['declared']);
    const subscribe = await cli(['subscribe', '--target', 'file:x.jsonl', '--topic', 'ferries'], { env: { ...env(), BRIEFING_CONFIG_DIR: other } });
    expect(subscribe.code, subscribe.stderr).toBe(0);
    const again = await run(['schedule', 'list', '--json']);
    expect((JSON.parse(again.stdout) as { subscriptions: { id: string }[] }).subscriptions.map((s) => s.id)).toContain('declared');
  });
});

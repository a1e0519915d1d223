import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderPlain } from '../../src/platforms/shared/render-plain.ts';
import { embedSize, escapeDiscord, renderEmbeds } from '../../src/platforms/discord/render-embeds.ts';
import { sessionPayload } from '../../src/platforms/discord/reply-payload.ts';
import { driveTelegramUpdates, textUpdate } from '../../src/platforms/telegram/drive-updates.ts';
import { renderTelegram } from '../../src/platforms/telegram/render-telegram.ts';
import type { CommandDeps } from '../../src/commands/command.ts';
import { parseCommandLine } from '../../src/commands/parse-text.ts';
import { COMMANDS } from '../../src/commands/registry.ts';
import type { Reply } from '../../src/reply/reply.ts';
import { runCommand } from '../../src/commands/run-command.ts';
import { corpusDeps } from '../commands/corpus-deps.ts';

let deps: CommandDeps;
beforeAll(async () => {
  deps = await corpusDeps();
});

const nasty = fc.constantFrom(
  '@everyone',
  '@here',
  '<@123456789012345678>',
  '<@&1>',
  '<#1>',
  '@user_name',
  '**',
  '__',
  '`',
  '```',
  '\\',
  '[x](https://e.x)',
  '||',
  '> q',
  '# h',
  '\n\n',
  '😀',
  '\uD800',
  '\u0000',
  ' ',
  '-',
  '.',
);
const anyText = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.array(nasty, { maxLength: 12 }).map((a) => a.join('')),
  fc.string({ maxLength: 6000 }),
);
const commandName = fc.constantFrom(...COMMANDS.map((c) => c.name), 'nope');

/** Arbitrary replies, as an engine with any text in any field could produce them. */
const citation = fc.record({
  article: fc.string({ maxLength: 10 }),
  label: anyText,
  date: fc.option(fc.string({ maxLength: 12 }), { nil: undefined }),
  url: fc.option(fc.oneof(fc.webUrl(), anyText), { nil: undefined }),
});
const anyReply = fc.record({
  kind: fc.constantFrom('answer' as const, 'info' as const, 'error' as const),
  title: anyText,
  sections: fc.array(
    fc.record({
      heading: fc.option(anyText, { nil: undefined }),
      text: fc.option(anyText, { nil: undefined }),
      points: fc.array(
        fc.record({
          text: anyText,
          citations: fc.array(citation, { maxLength: 8 }),
          tag: fc.option(anyText, { nil: undefined }),
          detail: fc.option(anyText, { nil: undefined }),
        }),
        { maxLength: 30 },
      ),
    }),
    { maxLength: 4 },
  ),
  footer: fc.option(anyText, { nil: undefined }),
  choices: fc.option(fc.array(fc.record({ label: anyText, command: anyText }), { maxLength: 30 }), { nil: undefined }),
  // Fields present but undefined, as loosely built replies have them: the renderers must cope.
}) as unknown as fc.Arbitrary<Reply>;

const MENTION = /@(everyone|here)\b|<@[!&]?\d+>|<#\d+>/;

function checkDiscord(reply: Reply) {
  const pages = renderEmbeds(reply);
  expect(pages.length).toBeGreaterThan(0);
  for (const e of pages) {
    expect((e.title ?? '').length).toBeLessThanOrEqual(256);
    expect((e.description ?? '').length).toBeLessThanOrEqual(4096);
    expect((e.footer?.text ?? '').length).toBeLessThanOrEqual(2048);
    expect(embedSize(e)).toBeLessThanOrEqual(6000);
    expect(`${e.title} ${e.description} ${e.footer?.text}`).not.toMatch(MENTION);
  }
  const payload = sessionPayload({ id: 's', userId: 'u', pages, choices: reply.choices ?? [], expiresAt: 0 }, pages, reply.choices ?? []);
  expect(payload.allowedMentions).toEqual({ parse: [] });
  for (const row of payload.components) {
    expect(row.components.length).toBeLessThanOrEqual(25);
    for (const c of row.components as { custom_id?: string; options?: { label: string; value: string }[] }[]) {
      expect((c.custom_id ?? '').length).toBeLessThanOrEqual(100);
      for (const o of c.options ?? []) {
        expect(o.label.length).toBeGreaterThan(0);
        expect(o.label.length).toBeLessThanOrEqual(100);
        expect(o.value.length).toBeLessThanOrEqual(100);
      }
    }
  }
}

function checkTelegram(reply: Reply) {
  const msgs = renderTelegram(reply);
  expect(msgs.length).toBeGreaterThan(0);
  for (const m of msgs) {
    expect(m.text.length).toBeGreaterThan(0);
    expect(m.text.length).toBeLessThanOrEqual(4096);
    expect(m.text).not.toMatch(/@[\p{L}\p{N}_]/u);
    for (const e of m.entities) {
      expect(e.length).toBeGreaterThan(0);
      expect(e.offset + e.length).toBeLessThanOrEqual(m.text.length);
      if (e.type === 'text_link') expect(e.url).toMatch(/^https?:\/\//);
    }
  }
}

function checkPlain(reply: Reply) {
  // eslint-disable-next-line no-control-regex
  expect(renderPlain(reply)).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
}

describe('any string in any argument, on every adapter', () => {
  it('text commands always yield a reply within every platform limit', async () => {
    await fc.assert(
      fc.asyncProperty(commandName, anyText, async (name, arg) => {
        const line = parseCommandLine(`/${name} ${arg}`);
        const reply = await runCommand(deps, name, line?.rest ?? arg);
        checkDiscord(reply);
        checkTelegram(reply);
        checkPlain(reply);
      }),
      { numRuns: 150 },
    );
  });

  it('Discord option values always yield a reply within limits', async () => {
    await fc.assert(
      fc.asyncProperty(
        commandName,
        fc.dictionary(fc.constantFrom('topic', 'person', 'topics', 'schedule', 'timezone', 'id', 'x'), anyText),
        async (name, args) => {
          const reply = await runCommand(deps, name, args);
          checkDiscord(reply);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('renderers accept any reply an engine could produce', () => {
    fc.assert(
      fc.property(anyReply, (reply) => {
        checkDiscord(reply);
        checkTelegram(reply);
        checkPlain(reply);
      }),
      { numRuns: 150 },
    );
  });

  it('escapes every Discord markdown character it passes through', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const out = escapeDiscord(s);
        // every special character is preceded by an odd number of backslashes
        for (const m of out.matchAll(/(\\*)([*_~`|])/g)) expect(m[1]!.length % 2).toBe(1);
      }),
    );
  });

  it('the Telegram path answers every update, whatever its text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(commandName, anyText), { minLength: 1, maxLength: 10 }), async (lines) => {
        const updates = lines.map(([name, arg], i) => textUpdate(i, `/${name} ${arg}`));
        const result = await driveTelegramUpdates({ deps, updates });
        expect(result.failed).toBe(0);
        const sent = result.calls.filter((c) => c.method === 'sendMessage');
        expect(new Set(sent.map((c) => c.payload.chat_id)).size).toBe(updates.length);
        for (const c of sent) expect(String(c.payload.text).length).toBeLessThanOrEqual(4096);
      }),
      { numRuns: 25 },
    );
  });
});

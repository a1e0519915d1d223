import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/commands/run-command.ts';
import type { Briefing } from '../../src/core/briefing.ts';
import { ok, type Digest } from '../../src/core/model.ts';
import { scheduledReply } from '../../src/scheduler/scheduled-reply.ts';
import type { Subscription } from '../../src/store/subscription-store.ts';

const claim = { article: 'a1', title: 'Claim story', source: 'Wire One', date: '2026-01-02', url: 'https://one.example/a1' };
const counter = { article: 'b2', title: 'Counter story', source: 'Wire Two', date: '2026-01-03' };
const digest: Digest = {
  topic: 'alpha',
  title: 'Alpha',
  items: [
    {
      text: 'Side A says the deal is done.',
      sources: [claim],
      evidence: [],
      disputed: true,
      dispute: { text: 'Side B denies any deal.', sources: [counter], side: 'counter' },
    },
    { text: 'Talks resume next week.', sources: [claim, counter], evidence: [] },
  ],
};
const briefing = {
  topics: () => [{ id: 'alpha', title: 'Alpha', description: '', terms: [] }],
  digest: () => ok(digest),
  ask: () => ok(digest),
} as unknown as Briefing;
const sub: Subscription = {
  id: 's1',
  target: 'file:x.jsonl',
  topics: ['alpha'],
  schedule: 'daily 08:00',
  cron: '0 8 * * *',
  timezone: 'UTC',
  onEmpty: 'notify',
  status: 'active',
  createdAt: '2026-01-01T00:00:00.000Z',
};

describe('one digest, one Reply', () => {
  it('gives /briefing and the scheduled digest the same points, the contested side cited in both', async () => {
    const chat = await runCommand({ briefing: () => briefing, clock: () => new Date() }, 'briefing', 'alpha');
    const scheduled = scheduledReply(briefing, sub, undefined);
    const chatPoints = chat.sections.flatMap((s) => s.points);
    const scheduledPoints = scheduled!.sections.flatMap((s) => s.points);
    expect(scheduledPoints).toEqual(chatPoints);
    expect(chatPoints[0]).toMatchObject({
      tag: 'disputed',
      detail: expect.stringContaining('Side B denies any deal.'),
      detailCitations: [{ article: 'b2', label: 'Wire Two', date: '2026-01-03' }],
    });
    expect(chatPoints[0]!.citations).toEqual([{ article: 'a1', label: 'Wire One', date: '2026-01-02', url: 'https://one.example/a1' }]);
  });
});

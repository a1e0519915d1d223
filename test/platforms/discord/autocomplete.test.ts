import { beforeAll, describe, expect, it } from 'vitest';
import { autocomplete } from '../../../src/platforms/discord/autocomplete.ts';
import type { CommandDeps } from '../../../src/commands/command.ts';
import { corpusDeps } from '../../commands/corpus-deps.ts';

let deps: CommandDeps;
beforeAll(async () => {
  deps = await corpusDeps();
});

describe('autocomplete', () => {
  it('completes topics by id or title, and keeps earlier words of a multi-topic option', () => {
    const [a, b] = deps.briefing().topics();
    expect(autocomplete(deps.briefing(), 'topic', a!.id.slice(0, 4)).map((c) => c.value)).toContain(a!.id);
    const multi = autocomplete(deps.briefing(), 'topic', `${a!.id} ${b!.id.slice(0, 3)}`);
    expect(multi.map((c) => c.value)).toContain(`${a!.id} ${b!.id}`);
  });
  it('completes people by any part of the name, most quoted first', () => {
    const speakers = [...deps.briefing().speakers()].sort((x, y) => y.count - x.count);
    if (speakers.length === 0) return;
    const top = speakers[0]!;
    const part = top.name.split(' ').at(-1)!.slice(0, 4).toLowerCase();
    expect(autocomplete(deps.briefing(), 'person', part).map((c) => c.value)).toContain(top.name);
    expect(autocomplete(deps.briefing(), 'person', '').length).toBe(Math.min(25, speakers.length));
  });
  it('offers schedules and time zones, never more than 25, each within 100 characters', () => {
    for (const [kind, typed] of [
      ['schedule', ''],
      ['schedule', 'week'],
      ['timezone', ''],
      ['timezone', 'europe'],
      ['id', 'x'],
    ] as const) {
      const out = autocomplete(deps.briefing(), kind, typed);
      expect(out.length).toBeLessThanOrEqual(25);
      for (const c of out) {
        expect(c.name.length).toBeGreaterThan(0);
        expect(c.name.length).toBeLessThanOrEqual(100);
        expect(c.value.length).toBeLessThanOrEqual(100);
      }
    }
    expect(autocomplete(deps.briefing(), 'timezone', 'europe/l').map((c) => c.value)).toContain('Europe/London');
  });
});

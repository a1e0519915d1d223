import { describe, expect, it } from 'vitest';
import { slashCommands } from '../../../src/platforms/discord/command-json.ts';
import { COMMANDS } from '../../../src/commands/registry.ts';

describe('slashCommands', () => {
  const json = slashCommands();
  it('derives one valid slash command per definition', () => {
    expect(json.map((c) => c.name)).toEqual(COMMANDS.map((c) => c.name));
    for (const c of json) {
      expect(c.name).toMatch(/^[a-z0-9_-]{1,32}$/);
      expect(c.description!.length).toBeGreaterThan(0);
      expect(c.description!.length).toBeLessThanOrEqual(100);
      const opts = (c.options ?? []) as { name: string; description: string; required?: boolean }[];
      expect(opts.length).toBeLessThanOrEqual(25);
      let seenOptional = false;
      for (const o of opts) {
        expect(o.description.length).toBeLessThanOrEqual(100);
        if (!o.required) seenOptional = true;
        else expect(seenOptional, `${c.name}: required options come first`).toBe(false);
      }
    }
  });
  it('types the options and autocompletes topics and people', () => {
    const whosaid = json.find((c) => c.name === 'whosaid')!;
    expect(whosaid.options).toEqual([
      expect.objectContaining({ type: 3, name: 'person', autocomplete: true, required: false }),
      expect.objectContaining({ type: 3, name: 'topic', autocomplete: true, required: false }),
    ]);
  });
  it('keeps option names in step with each schema', () => {
    for (const def of COMMANDS) {
      const keys = Object.keys((def.schema as unknown as { shape: Record<string, unknown> }).shape).sort();
      expect(keys, def.name).toEqual(def.options.map((o) => o.name).sort());
    }
  });
  it('asks for Manage Channels by default on subscription changes', () => {
    expect(json.find((c) => c.name === 'subscribe')!.default_member_permissions).toBe('16');
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/load-config.ts';

const TOPICS = `topics:
  - id: ferries
    title: Ferries
    terms: [ferry]
`;

async function errorOf(yaml: string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'config-'));
  fs.writeFileSync(path.join(dir, 'briefing.yaml'), yaml);
  try {
    await loadConfig(dir);
    return 'no error';
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('loadConfig errors', () => {
  it('rejects an unknown defaults.timezone in one line naming the field and what is valid', async () => {
    const msg = await errorOf(`defaults:\n  timezone: Mars/Phobos\n${TOPICS}`);
    expect(msg).toMatch(/briefing\.yaml: defaults\.timezone: not a known IANA time zone; expected a name such as "UTC"/);
    expect(msg).not.toContain('\n');
  });

  it('rejects an unknown time zone of a declared subscription, naming its index', async () => {
    const msg = await errorOf(`${TOPICS}subscriptions:\n  - target: file:x\n    topics: [ferries]\n    timezone: Atlantis/Capital\n`);
    expect(msg).toMatch(/subscriptions\[0\]\.timezone: not a known IANA time zone/);
    expect(msg).not.toContain('\n');
  });

  it('names a missing field in one line', async () => {
    const msg = await errorOf('defaults:\n  maxPoints: 3\n');
    expect(msg).toMatch(/briefing\.yaml: topics: /);
    expect(msg).not.toContain('\n');
  });

  it('accepts a known time zone', async () => {
    expect(await errorOf(`defaults:\n  timezone: Europe/Berlin\n${TOPICS}`)).toBe('no error');
  });
});

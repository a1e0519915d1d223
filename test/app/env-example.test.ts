import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EnvSchema } from '../../src/config/env.schema.ts';
import { PLATFORMS } from '../../src/platforms/index.ts';

const documented = new Set(
  readFileSync('.env.example', 'utf8')
    .split('\n')
    .map((l) => /^([A-Z][A-Z0-9_]*)=/.exec(l)?.[1])
    .filter((k): k is string => Boolean(k)),
);
const keysOf = (schema: unknown): string[] => (schema instanceof z.ZodObject ? Object.keys(schema.shape) : []);

describe('.env.example', () => {
  it('lists every variable the bot and its platforms read', () => {
    const read = [...keysOf(EnvSchema), ...PLATFORMS.flatMap((p) => keysOf(p.env))];
    expect(read.length).toBeGreaterThan(10);
    expect(read.filter((k) => !documented.has(k))).toEqual([]);
  });
});

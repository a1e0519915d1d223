import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/io/load-corpus.ts';

/** Bytes a corpus folder may hold: text in any encoding, binary, broken UTF-8, BOMs, front matter gone wrong. */
const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 300 }).map((s) => new TextEncoder().encode(s)),
  fc.string({ unit: 'binary', maxLength: 300 }).map((s) => new TextEncoder().encode(`---\ntitle: ${s}\n---\n${s}`)),
  fc.string({ maxLength: 200 }).map((s) => Uint8Array.from(Buffer.from(`\ufeff${s}\n\nThe talks resumed on Monday.`, 'latin1'))),
  fc.constantFrom(
    new Uint8Array([0xef, 0xbb, 0xbf]),
    new Uint8Array([0xff, 0xfe, 0x41, 0x00]),
    new Uint8Array([0xc3, 0x28, 0x41]),
    new Uint8Array([0xed, 0xa0, 0x80]),
  ),
);

describe('hostile files in a corpus folder', () => {
  it('never throws: every file becomes an article or issues naming it, and good files still load', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(bytes, { minLength: 1, maxLength: 4 }), async (files) => {
        const dir = mkdtempSync(join(tmpdir(), 'hostile-files-'));
        try {
          for (const [i, b] of files.entries()) writeFileSync(join(dir, `f${i}.txt`), b);
          writeFileSync(join(dir, 'good.txt'), 'Talks Resume\n\nThe ministers met on Monday. They agreed to talk again.\n');
          const r = await loadCorpus(dir, { workers: false });
          expect(r.articles.some((a) => a.file === 'good.txt')).toBe(true);
          for (let i = 0; i < files.length; i++) {
            const file = `f${i}.txt`;
            const loaded = r.articles.some((a) => a.file === file);
            const issues = r.issues.filter((x) => x.file === file);
            expect(loaded || issues.some((x) => x.severity === 'error')).toBe(true);
            for (const x of issues) expect(x.message.length).toBeGreaterThan(10);
          }
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 40 },
    );
  });
});

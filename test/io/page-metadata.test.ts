import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadArticleFile } from '../../src/io/load-corpus.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'corpus-meta-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('loadArticleFile on a scraped page', () => {
  it('takes the publication date from a stamp line and the outlet from a breadcrumb, and keeps both out of the text', async () => {
    const page = [
      'Coast News | World | Europe',
      'Sign in',
      'Ferry service resumes after storm closes harbour for three days',
      'Posted on May 6, 2026',
      'The ferry service between the islands resumed on Tuesday after a storm closed the harbour for three days.',
      'Operators said timetables would return to normal by the weekend.',
    ].join('\n');
    writeFileSync(join(dir, 'ferry.txt'), page);
    const r = await loadArticleFile(join(dir, 'ferry.txt'));
    expect(r.issues).toEqual([]);
    expect(r.article).toMatchObject({
      published: '2026-05-06',
      source: 'Coast News',
      title: 'Ferry service resumes after storm closes harbour for three days',
    });
    expect(r.article!.sentences.map((s) => s.text).join(' ')).not.toMatch(/Posted on|Coast News/);
  });
});

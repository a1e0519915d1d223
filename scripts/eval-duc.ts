/**
 * `npx tsx scripts/eval-duc.ts [--topics D0703A,…] [--out DIR]`: runs the DUC 2007 update task
 * (`../shared/duc2007/run.mjs`, found beside the project root) on the project, prints its ROUGE table,
 * then reads the digests it produced and counts, independently of the engine's own checks:
 *   - points that open with a dangling reference (a pronoun, `the report`, `the remarks`, or a bare
 *     surname that the digest never introduced and that the corpus uses as a person's last name);
 *   - extra citations (every source after a point's first) not supported by their article: no
 *     sentence of the cited article shares at least 30 % of the point's content words.
 * The last line printed is one JSON object of all figures. Without `../shared/duc2007/`, it says so
 * and exits 0. Measurement only: nothing of the data is copied into the project.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RUNNER = resolve(ROOT, '..', 'shared', 'duc2007', 'run.mjs');
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};

/** Function words, for the content-word overlap check (generic English). */
const STOP = new Set(
  `a about after again against all also an and any are as at be because been before being between both but by can could did do does
  for from had has have he her here his how i if in into is it its itself just more most no nor not of off on once only or other our out
  over own same she should so some such than that the their them then there these they this those through to too under until up very
  was we were what when where which while who whom why will with would you your said says say told mr mrs ms`.split(/\s+/),
);
const contentWords = (text: string) => [...new Set((text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 2 && !STOP.has(w)))];

/** A sentence split good enough for an overlap check. */
const sentences = (text: string) => text.split(/(?<=[.!?]["”’]?)\s+|\n+/).filter((s) => s.trim().length > 0);

/** The article body (front matter dropped). */
function body(file: string): string {
  const text = readFileSync(file, 'utf8');
  return text.startsWith('---') ? text.slice(text.indexOf('\n---', 3) + 4) : text;
}

const PRONOUN = /^["“‘']?(?:he|she|it|they|we|his|her|its|their|them|this|these|those|such)\b/i;
const BACK = /^["“‘']?the\s+(?:report|remarks?|statement|comments?)\b/i;
const BARE = /^["“‘']?(\p{Lu}[\p{L}-]+)(?:['’]s)?\s+\p{Ll}/u;

/** Words the corpus uses as the last word of a person-like name (`Matthew Shepard` → `Shepard`). */
function surnames(corpus: string): Set<string> {
  const out = new Set<string>();
  for (const f of readdirSync(corpus)) {
    const text = body(join(corpus, f));
    for (const m of text.matchAll(/(?<=[a-z,;] )\p{Lu}[\p{Ll}-]+ (\p{Lu}[\p{Ll}-]{2,})\b/gu)) out.add(m[1]!);
  }
  return out;
}

interface Item {
  text: string;
  sources: { article: string }[];
}

function main(): void {
  if (!existsSync(RUNNER)) {
    console.log(`no DUC 2007 data at ${RUNNER}: nothing to measure (put ../shared/duc2007/ beside the project to run it)`);
    console.log(JSON.stringify({ skipped: true }));
    return;
  }
  const out = resolve(arg('--out') ?? mkdtempSync(join(tmpdir(), 'eval-duc-')));
  const topics = arg('--topics');
  const run = spawnSync(process.execPath, [RUNNER, '--out', out, ...(topics ? ['--topics', topics] : [])], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const lines = (run.stdout ?? '').trimEnd().split('\n');
  const last = lines.pop() ?? '';
  console.log(lines.join('\n'));
  if (run.status !== 0) {
    console.error(run.stderr);
    process.exit(run.status ?? 1);
  }
  const summary = JSON.parse(last) as { failures: number; parts: Record<string, { rouge2: { project: number }; rougeSU4: { project: number } }> };

  let points = 0;
  let dangling = 0;
  let extra = 0;
  let unsupported = 0;
  const examples: string[] = [];
  const corpusOf = { A: 'A', B: 'AB', C: 'ABC' } as Record<string, string>;
  for (const f of readdirSync(out)
    .filter((x) => /^D\d+[A-Z]-[ABC]\.json$/.test(x))
    .sort()) {
    const [topic, part] = f.replace('.json', '').split('-') as [string, string];
    const corpus = join(out, 'work', topic, corpusOf[part]!);
    let items: Item[];
    try {
      items = (JSON.parse(readFileSync(join(out, f), 'utf8')) as { items: Item[] }).items;
    } catch {
      continue;
    }
    const names = surnames(corpus);
    let before = '';
    for (const item of items) {
      points++;
      const bare = BARE.exec(item.text)?.[1];
      const introduced = bare !== undefined && new RegExp(`\\p{Lu}[\\p{L}'’-]+\\s+${bare}\\b`, 'u').test(before);
      if (PRONOUN.test(item.text) || BACK.test(item.text) || (bare && names.has(bare) && !introduced)) {
        dangling++;
        examples.push(`  dangling ${topic}-${part}: ${item.text.slice(0, 100)}`);
      }
      before += ` ${item.text}`;
      const words = contentWords(item.text);
      for (const s of item.sources.slice(1)) {
        extra++;
        const file = join(corpus, `${s.article}.txt`);
        const ok =
          existsSync(file) &&
          sentences(body(file)).some((sent) => {
            const own = new Set(contentWords(sent));
            return words.length > 0 && words.filter((w) => own.has(w)).length / words.length >= 0.3;
          });
        if (!ok) {
          unsupported++;
          examples.push(`  unsupported ${topic}-${part}: ${s.article} for "${item.text.slice(0, 80)}"`);
        }
      }
    }
  }
  const rate = (n: number, d: number) => (d ? n / d : 0);
  console.log(
    `\npoints ${points}; dangling openings ${dangling} (${(100 * rate(dangling, points)).toFixed(1)} %); extra citations ${extra}, not supported by their article ${unsupported} (${(100 * rate(unsupported, extra)).toFixed(1)} %)`,
  );
  if (examples.length) console.log(examples.slice(0, 30).join('\n'));
  const fig = (part: string) => summary.parts[part]!;
  console.log(
    JSON.stringify({
      rouge2_A: fig('A').rouge2.project,
      rouge2_B: fig('B').rouge2.project,
      rouge2_C: fig('C').rouge2.project,
      rouge2_all: fig('all').rouge2.project,
      rougeSU4_all: fig('all').rougeSU4.project,
      failures: summary.failures,
      points,
      dangling,
      dangling_rate: rate(dangling, points),
      extra_citations: extra,
      unsupported_citations: unsupported,
      unsupported_rate: rate(unsupported, extra),
      out,
    }),
  );
}

main();

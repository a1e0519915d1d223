/**
 * Measures who said what on PolNeAR: runs `briefing quotes --json` on a corpus folder, scores it with the corpus's own
 * `score.mjs`, prints its figures, then counts the failures by category (empty, wrong or pronoun speaker, missed by cue
 * type, content cut) from `score.mjs --dump`, so the next person sees where the rest is. The last line is one JSON object.
 *
 *   npx tsx scripts/eval-polnear.ts [--gold FILE] [--corpus DIR] [--keep DIR]
 *
 * `--keep DIR` copies the system output (`quotes.json`) and the scorer's dump (`dump.jsonl`) into DIR (use /tmp) to
 * group the failing cases by hand.
 *
 * Defaults: `../shared/polnear/train` and `../shared/polnear/train-gold.json`, relative to the project root. When they are
 * missing it says where it looked and exits 0 (the corpus is not part of the project).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** One line of `score.mjs --dump`: a gold attribution or a system statement with its outcome. */
export interface DumpItem {
  type: 'gold' | 'system';
  kind: 'direct' | 'reported';
  cue?: string | null;
  source?: string | null;
  named?: boolean | null;
  found?: boolean;
  right?: boolean;
  lenient_found?: boolean;
  sys_speakers?: (string | null)[];
  speaker?: string | null;
  matched?: boolean;
  neutral?: boolean;
}

/** Failure counts of one kind (direct or reported). */
export interface Categories {
  gold_with_source: number;
  right: number;
  empty_speaker: number;
  pronoun_speaker: number;
  wrong_speaker_named: number;
  wrong_speaker_unnamed_gold: number;
  missed: Record<'said' | 'according to' | 'told' | 'other', number>;
  content_cut: number;
  system: number;
  system_unmatched: number;
  system_empty_speaker: number;
  system_wrong_speaker: number;
}

const PRONOUN = /^(he|she|they|it|i|we|you|him|her|them)$/i;

/** The cue type of a gold attribution, for counting misses. */
export function cueType(cue: string | null | undefined): 'said' | 'according to' | 'told' | 'other' {
  const c = (cue ?? '').toLowerCase();
  if (/\baccording to\b/.test(c)) return 'according to';
  if (/\b(told|tell|tells|telling)\b/.test(c)) return 'told';
  if (/\b(said|say|says|saying)\b/.test(c)) return 'said';
  return 'other';
}

/** Counts failures per kind from the dump lines. */
export function categorise(items: DumpItem[]): Record<'direct' | 'reported', Categories> {
  const empty = (): Categories => ({
    gold_with_source: 0,
    right: 0,
    empty_speaker: 0,
    pronoun_speaker: 0,
    wrong_speaker_named: 0,
    wrong_speaker_unnamed_gold: 0,
    missed: { said: 0, 'according to': 0, told: 0, other: 0 },
    content_cut: 0,
    system: 0,
    system_unmatched: 0,
    system_empty_speaker: 0,
    system_wrong_speaker: 0,
  });
  const out = { direct: empty(), reported: empty() };
  for (const x of items) {
    const c = out[x.kind];
    if (!c) continue;
    if (x.type === 'system') {
      if (x.neutral) continue;
      c.system++;
      if (!x.matched) c.system_unmatched++;
      else if (!x.right && !x.speaker) c.system_empty_speaker++;
      else if (!x.right) c.system_wrong_speaker++;
      continue;
    }
    if (!x.source) continue;
    c.gold_with_source++;
    if (x.right) {
      c.right++;
      continue;
    }
    if (!x.found) {
      if (x.lenient_found) c.content_cut++;
      else c.missed[cueType(x.cue)]++;
      continue;
    }
    const speakers = (x.sys_speakers ?? []).filter((s): s is string => !!s);
    if (speakers.length === 0) c.empty_speaker++;
    else if (speakers.every((s) => PRONOUN.test(s))) c.pronoun_speaker++;
    else if (x.named === false) c.wrong_speaker_unnamed_gold++;
    else c.wrong_speaker_named++;
  }
  return out;
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

function main(): void {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const corpus = resolve(root, arg('--corpus', '../shared/polnear/train'));
  const gold = resolve(root, arg('--gold', '../shared/polnear/train-gold.json'));
  const scorer = join(dirname(gold), 'score.mjs');
  const missing = [corpus, gold, scorer].filter((p) => !existsSync(p));
  if (missing.length) {
    console.log(`eval-polnear: PolNeAR is not here, nothing to measure (looked for ${missing.join(', ')})`);
    return;
  }
  const work = mkdtempSync(join(tmpdir(), 'eval-polnear-'));
  try {
    const started = Date.now();
    const run = spawnSync('npx', ['tsx', join(root, 'src/cli.ts'), 'quotes', '--corpus', corpus, '--json'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    const ms = Date.now() - started;
    if (run.status !== 0) {
      console.error(`eval-polnear: briefing quotes failed (exit ${run.status}): ${run.stderr.slice(0, 2000)}`);
      process.exitCode = 1;
      return;
    }
    const system = join(work, 'quotes.json');
    const dump = join(work, 'dump.jsonl');
    writeFileSync(system, run.stdout);
    const score = spawnSync('node', [scorer, gold, system, '--dump', dump], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (score.status !== 0) {
      console.error(`eval-polnear: score.mjs failed (exit ${score.status}): ${score.stderr.slice(0, 2000)}`);
      process.exitCode = 1;
      return;
    }
    const lines = score.stdout.trim().split('\n');
    const figures = JSON.parse(lines[lines.length - 1]!) as Record<string, unknown>;
    for (const l of lines.slice(0, -1)) console.log(l);
    const items = readFileSync(dump, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as DumpItem);
    const cats = categorise(items);
    const keep = arg('--keep', '');
    if (keep) {
      mkdirSync(keep, { recursive: true });
      copyFileSync(system, join(keep, 'quotes.json'));
      copyFileSync(dump, join(keep, 'dump.jsonl'));
    }
    const issues = (run.stderr.match(/^.*(fail|error).*$/gim) ?? []).length;
    console.log(`\nrun: ${ms} ms for the corpus (${issues} stderr lines mentioning a failure)`);
    for (const kind of ['direct', 'reported'] as const) {
      const c = cats[kind];
      console.log(`\n${kind}: ${c.right} of ${c.gold_with_source} gold attributions with a source found with the right speaker; the rest:`);
      console.log(`  found, empty speaker     ${c.empty_speaker}`);
      console.log(`  found, pronoun speaker   ${c.pronoun_speaker}`);
      console.log(
        `  found, wrong speaker     ${c.wrong_speaker_named} (gold names someone) + ${c.wrong_speaker_unnamed_gold} (gold has no name: an unresolved pronoun or a group)`,
      );
      console.log(`  content cut (lenient)    ${c.content_cut}`);
      console.log(
        `  missed, by cue           said ${c.missed.said} · according to ${c.missed['according to']} · told ${c.missed.told} · other ${c.missed.other}`,
      );
      console.log(
        `  system ${c.system}: unmatched ${c.system_unmatched} · matched with empty speaker ${c.system_empty_speaker} · matched with wrong speaker ${c.system_wrong_speaker}`,
      );
    }
    console.log(JSON.stringify({ ...figures, run_ms: ms, categories: cats }));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();

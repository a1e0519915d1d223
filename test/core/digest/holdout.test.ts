/**
 * Blind hold-out evaluation of digests and the timeline on articles the engine was never tuned on
 * (test/fixtures/holdout-digest): five reports of one developing story, one of them a near-copy of
 * another. Labels were written before the engine was run. Prints key-fact recall, point precision,
 * repeated points, source completeness, and timeline event recall/precision and date errors; asserts
 * only floors just under what the engine met when this file was written — the point is measurement.
 */
import { expectCitedPoints } from '../../helpers/digest-holdout.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { hasAttribution } from '../../../src/core/digest/attribution.ts';
import type { Digest, TimelineEvent } from '../../../src/core/model.ts';
import { briefingOf, loadConfig, ROOT } from '../../helpers/digest-corpus.ts';
import { evaluateTopic, formatReport, loadFacts, summarise } from './key-facts.ts';

/**
 * Floors: what the engine met when this evaluation was written (2026-11-22: recall 22/40 = 0.55,
 * precision 32/39 = 0.82, source completeness 0.91, 0 repeated, 1 labelled off-topic shown; timeline
 * recall 4/8, precision 5/5, 1 wrong date), minus a small margin. Raised after the digest fixes for
 * sentence context, term roles, event-aware merging and leaning references (2026-11-22: recall 36/40
 * = 0.90, precision 47/49 = 0.96, source completeness 0.97, 1 repeated, 0 labelled off-topic shown).
 * After article-level topic context and generic vocabulary (2026-11-22): recall 37/40 = 0.93, precision
 * 48/52 = 0.92, 1 repeated, 0 labelled off-topic shown. Timeline floors are the timeline owner's.
 */
const FLOORS = {
  recall: 0.85,
  precision: 0.9,
  sourceCompleteness: 0.9,
  repeated: 1,
  forbidden: 1,
  eventRecall: 0.45,
  eventPrecision: 0.8,
  wrongDates: 2,
};

const HOLDOUT = join(ROOT, 'test', 'fixtures', 'holdout-digest');
const ORIGINAL = 'harbor-times-prisoner-swap';
const COPY = 'gulf-dispatch-prisoner-swap';

const briefing = briefingOf(join(HOLDOUT, 'articles'), loadConfig());
const labels = loadFacts(join(HOLDOUT, 'key-facts.yaml'));

/** The near-copy is one report: a citation of either copy counts as a citation of the original. */
const folded = <T extends { sources: { article: string }[]; evidence: { article: string }[] }>(x: T): T => {
  const map = <S extends { article: string }>(list: S[]) => {
    const seen = new Set<string>();
    return list
      .map((s) => (s.article === COPY ? { ...s, article: ORIGINAL } : s))
      .filter((s) => {
        if (seen.has(s.article)) return false;
        seen.add(s.article);
        return true;
      });
  };
  return { ...x, sources: map(x.sources), evidence: x.evidence.map((e) => (e.article === COPY ? { ...e, article: ORIGINAL } : e)) };
};
const bothCopies = (sources: { article: string }[]) => sources.some((s) => s.article === ORIGINAL) && sources.some((s) => s.article === COPY);

const digests: Digest[] = Object.keys(labels.topics).map((t) => {
  const d = briefing.digest(t);
  if (!d.ok) throw new Error(`topic ${t}: ${d.error.code}`);
  return d.value;
});

describe('hold-out corpus: loading', () => {
  it('loads five articles and marks the near-copy as a duplicate', () => {
    const lines = briefing.articles.map((a) => {
      const ref = briefing.sourceOf(a.id);
      return `  ${a.id}: date ${ref?.date ?? '—'}, source ${ref?.source ?? '—'}, title ${JSON.stringify(ref?.title ?? '')}${a.duplicateOf ? `, duplicate of ${a.duplicateOf}` : ''}`;
    });
    console.log(`[holdout] articles\n${lines.join('\n')}\n  issues: ${briefing.issues.map((i) => JSON.stringify(i)).join('; ') || 'none'}`);
    expect(briefing.articles).toHaveLength(5);
    // The only issue is the near-copy, counted once (whichever copy is kept).
    expect(briefing.issues.map((i) => i.code)).toEqual(['duplicate']);
    const dups = briefing.articles.filter((a) => a.duplicateOf).map((a) => [a.id, a.duplicateOf].sort().join(' = '));
    expect(dups).toEqual([[COPY, ORIGINAL].sort().join(' = ')]);
  });
});

describe('hold-out corpus: digests', () => {
  const reports = digests.map((d) => evaluateTopic({ ...d, items: d.items.map(folded) }, labels.topics[d.topic]!));
  const summary = summarise(reports);
  const repeated = reports.flatMap((r) => r.repeated.map((f) => `${r.topic}/${f}`));
  const forbidden = reports.flatMap((r) => r.forbidden.map((f) => `${r.topic}: ${f}`));
  const copyTwice = digests.flatMap((d) => d.items.filter((i) => bothCopies(i.sources)).map((i) => `${d.topic}: ${i.text}`));
  const lost = digests.flatMap((d) =>
    d.items
      .filter((item) => {
        const e = item.evidence[0]!;
        const s = briefing.articles.find((a) => a.id === e.article)!.sentences[e.sentence]!;
        return hasAttribution(s.text) && !hasAttribution(item.text);
      })
      .map((i) => `${d.topic}: ${i.text}`),
  );
  const contested = ['violation-accusation', 'thirty-civilians-withheld', 'private-withdrawal-claim'];
  const unmarked = digests.flatMap((d) =>
    labels.topics[d.topic]!.facts.filter((f) => contested.includes(f.id)).flatMap((f) =>
      d.items.filter((i) => new RegExp(f.match, 'i').test(i.text) && !i.disputed && !i.dispute).map((i) => `${d.topic}/${f.id}: ${i.text}`),
    ),
  );
  const block = [
    formatReport('hold-out', reports, summary),
    `  repeated facts (${repeated.length}): ${repeated.join(', ') || 'none'}`,
    `  labelled off-topic shown (${forbidden.length}):${forbidden.map((f) => `\n    ${f}`).join('') || ' none'}`,
    `  near-copy cited as a second source (${copyTwice.length}):${copyTwice.map((t) => `\n    ${t}`).join('') || ' none'}`,
    `  attribution lost (${lost.length}):${lost.map((t) => `\n    ${t}`).join('') || ' none'}`,
    `  contested claims not marked (${unmarked.length}):${unmarked.map((t) => `\n    ${t}`).join('') || ' none'}`,
    ...reports.flatMap((r) => [
      ...r.missing.map((id) => `  MISSED ${r.topic}/${id}: ${labels.topics[r.topic]!.facts.find((f) => f.id === id)!.text}`),
      ...r.offTopic.map((t) => `  OFF-TOPIC ${r.topic}: ${t}`),
      ...r.repeated.map((id) => {
        const f = labels.topics[r.topic]!.facts.find((x) => x.id === id)!;
        const d = digests.find((x) => x.topic === r.topic)!;
        return `  REPEATED ${r.topic}/${id}: ${d.items
          .filter((i) => new RegExp(f.match, 'i').test(i.text))
          .map((i) => JSON.stringify(i.text))
          .join(' | ')}`;
      }),
      ...r.incompleteSources.map((s) => `  UNCITED ${r.topic}/${s}`),
    ]),
  ];
  console.log(block.join('\n'));
  for (const d of digests) {
    console.log(
      `[holdout digest ${d.topic}]\n${d.items
        .map((i) => `  - ${i.text} [${i.sources.map((s) => s.article.split('-').slice(0, 2).join('-')).join(', ')}]${i.disputed ? ' (disputed)' : ''}`)
        .join('\n')}`,
    );
  }

  it('meets the measured floors', () => {
    expect(summary.recall).toBeGreaterThanOrEqual(FLOORS.recall);
    expect(summary.precision).toBeGreaterThanOrEqual(FLOORS.precision);
    expect(summary.sourceCompleteness).toBeGreaterThanOrEqual(FLOORS.sourceCompleteness);
    expect(repeated.length).toBeLessThanOrEqual(FLOORS.repeated);
    expect(forbidden.length).toBeLessThanOrEqual(FLOORS.forbidden);
  });

  it('gives every point a source and evidence from each source, and no duplicate texts', () => expectCitedPoints(digests));
});

const TimelineLabels = z.object({
  events: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      match: z.string(),
      date: z.string(),
      alt_dates: z.array(z.string()).default([]),
      sources: z.array(z.string()),
      optional_sources: z.array(z.string()).default([]),
      optional: z.boolean().default(false),
      not: z.string().optional(),
    }),
  ),
  forbid_dates: z.array(z.string()).default([]),
  forbid: z.array(z.string()).default([]),
});
type EventLabel = z.infer<typeof TimelineLabels>['events'][number];

/** How an event's date compares with its label: exact, right day without a year, a range holding it, or wrong. */
function dateVerdict(date: string, label: EventLabel): 'exact' | 'no-year' | 'range' | 'wrong' {
  const days = [label.date, ...label.alt_dates];
  if (days.includes(date)) return 'exact';
  const md = (d: string) => d.slice(-5);
  if (date.startsWith('--') && !date.includes('/') && days.some((d) => !d.includes('/') && md(d) === date.slice(2))) return 'no-year';
  if (date.includes('/')) {
    const [from, to] = date.split('/') as [string, string];
    const yearless = from.startsWith('--');
    const norm = (d: string) => (yearless ? `--${md(d)}` : d);
    if (days.some((d) => !d.includes('/') && norm(d) >= from && norm(d) <= to)) return 'range';
    if (days.some((d) => d.includes('/') && d === date)) return 'exact';
  }
  if (label.date.includes('/')) {
    const [from, to] = label.date.split('/') as [string, string];
    if (!date.includes('/') && date >= from && date <= to) return 'exact';
  }
  return 'wrong';
}

describe('hold-out corpus: timeline', () => {
  const tl = TimelineLabels.parse(parse(readFileSync(join(HOLDOUT, 'timeline.yaml'), 'utf8')));
  const res = briefing.timeline();
  if (!res.ok) throw new Error(res.error.code);
  const events: TimelineEvent[] = res.value;
  const matches = (e: TimelineEvent, l: EventLabel) => new RegExp(l.match, 'i').test(e.text) && !(l.not && new RegExp(l.not, 'i').test(e.text));
  const labelOf = (e: TimelineEvent) => {
    const ls = tl.events.filter((l) => matches(e, l));
    return ls.find((l) => dateVerdict(e.date, l) !== 'wrong') ?? ls[0];
  };
  const lines: string[] = [];
  let correct = 0;
  const wrongDates: string[] = [];
  const imprecise: string[] = [];
  const offList: string[] = [];
  for (const e of events) {
    const l = labelOf(e);
    const refs = e.sources.map((s) => s.article).join(', ');
    const forbidden = tl.forbid_dates.some((d) => e.date.endsWith(d)) || tl.forbid.some((p) => new RegExp(p, 'i').test(e.text));
    if (!l || forbidden) {
      offList.push(`${e.date} ${e.text} [${refs}]${forbidden ? ' (labelled: a plan or off-topic)' : ''}`);
      continue;
    }
    correct++;
    const v = dateVerdict(e.date, l);
    if (v === 'wrong') wrongDates.push(`${l.id}: got ${e.date}, want ${[l.date, ...l.alt_dates].join(' or ')} — ${e.text} [${refs}]`);
    else if (v !== 'exact') imprecise.push(`${l.id} (${v}): ${e.date} — ${e.text} [${refs}]`);
  }
  const required = tl.events.filter((l) => !l.optional);
  const found = required.filter((l) => events.some((e) => matches(e, l)));
  const missed = required.filter((l) => !found.includes(l));
  const repeated = tl.events.filter((l) => events.filter((e) => matches(e, l)).length > 1);
  const uncited = found.flatMap((l) => {
    const evs = events.filter((e) => matches(e, l)).map(folded);
    const lacking = l.sources.filter((ref) => !evs.some((e) => e.sources.some((s) => s.article === ref)));
    return lacking.length ? [`${l.id}: ${lacking.join(', ')}`] : [];
  });
  const copyTwice = events.filter((e) => bothCopies(e.sources)).map((e) => `${e.date} ${e.text}`);
  lines.push(
    `[timeline: hold-out] event recall ${found.length}/${required.length} = ${(found.length / required.length).toFixed(2)}; ` +
      `precision ${correct}/${events.length} = ${(events.length ? correct / events.length : 1).toFixed(2)}; ` +
      `wrong dates ${wrongDates.length}; imprecise ${imprecise.length}; repeated ${repeated.length}; uncited ${uncited.length}; near-copy cited twice ${copyTwice.length}`,
    ...missed.map((l) => `  MISSED ${l.id} (${l.date}): ${l.text}`),
    ...wrongDates.map((w) => `  WRONG DATE ${w}`),
    ...imprecise.map((w) => `  IMPRECISE ${w}`),
    ...offList.map((w) => `  NOT AN EVENT ${w}`),
    ...repeated.map(
      (l) =>
        `  REPEATED ${l.id}: ${events
          .filter((e) => matches(e, l))
          .map((e) => `${e.date} ${JSON.stringify(e.text)}`)
          .join(' | ')}`,
    ),
    ...uncited.map((u) => `  UNCITED ${u}`),
    ...copyTwice.map((c) => `  NEAR-COPY CITED TWICE ${c}`),
    '[timeline events]',
    ...events.map((e) => `  ${e.date} ${e.text} [${e.sources.map((s) => s.article).join(', ')}]`),
  );
  console.log(lines.join('\n'));

  it('meets the measured floors', () => {
    expect(found.length / required.length).toBeGreaterThanOrEqual(FLOORS.eventRecall);
    expect(events.length ? correct / events.length : 1).toBeGreaterThanOrEqual(FLOORS.eventPrecision);
    expect(wrongDates.length).toBeLessThanOrEqual(FLOORS.wrongDates);
  });

  it('uses the date formats of the contract', () => {
    for (const e of events) expect(e.date).toMatch(/^(?:\d{4}|-)-\d{2}-\d{2}(?:\/(?:\d{4}|-)-\d{2}-\d{2})?$/);
  });
});

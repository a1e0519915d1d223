/**
 * Evaluation of digests against hand-labelled key facts (test/fixtures/topics/*-key-facts.yaml):
 * key-fact recall, point precision (on-topic points / points), source completeness of merged points,
 * forbidden (off-topic) points and repeated points.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Digest, DigestItem } from '../../../src/core/model.ts';

const FactSchema = z.object({
  id: z.string(),
  text: z.string(),
  match: z.string(),
  sources: z.array(z.string()).min(1),
  optional_sources: z.array(z.string()).default([]),
});
const TopicFactsSchema = z.object({
  facts: z.array(FactSchema).default([]),
  acceptable: z.array(z.string()).default([]),
  forbid: z.array(z.string()).default([]),
});
const FactsFileSchema = z.object({ topics: z.record(z.string(), TopicFactsSchema) });

/** A validated key-facts file. */
export type FactsFile = z.infer<typeof FactsFileSchema>;

/** Reads and validates a key-facts YAML file. */
export function loadFacts(path: string): FactsFile {
  return FactsFileSchema.parse(parse(readFileSync(path, 'utf8')));
}

/** What the evaluation found for one topic. */
export interface TopicReport {
  topic: string;
  points: number;
  onTopic: number;
  facts: number;
  found: string[];
  missing: string[];
  /** Facts stated by a point that does not cite every required source: `fact: missing refs`. */
  incompleteSources: string[];
  /** Optional sources cited / optional sources labelled. */
  optionalCited: number;
  optionalTotal: number;
  forbidden: string[];
  /** Facts stated by more than one point. */
  repeated: string[];
  offTopic: string[];
}

const re = (pattern: string) => new RegExp(pattern, 'i');
const cites = (item: DigestItem, ref: string) => item.sources.some((s) => s.article === ref || s.article.startsWith(`${ref}_`));

/** Evaluates one digest against its topic's labels. */
export function evaluateTopic(digest: Digest, labels: FactsFile['topics'][string]): TopicReport {
  const report: TopicReport = {
    topic: digest.topic,
    points: digest.items.length,
    onTopic: 0,
    facts: labels.facts.length,
    found: [],
    missing: [],
    incompleteSources: [],
    optionalCited: 0,
    optionalTotal: 0,
    forbidden: [],
    repeated: [],
    offTopic: [],
  };
  for (const item of digest.items) {
    const isFact = labels.facts.some((f) => re(f.match).test(item.text));
    const isOk = isFact || labels.acceptable.some((p) => re(p).test(item.text));
    if (isOk) report.onTopic++;
    else report.offTopic.push(item.text);
    for (const p of labels.forbid) if (re(p).test(item.text)) report.forbidden.push(`${p} ⇒ ${item.text}`);
  }
  for (const f of labels.facts) {
    const items = digest.items.filter((i) => re(f.match).test(i.text));
    if (items.length === 0) {
      report.missing.push(f.id);
      continue;
    }
    report.found.push(f.id);
    if (items.length > 1) report.repeated.push(f.id);
    const cited = new Set(f.sources.filter((ref) => items.some((i) => cites(i, ref))));
    const lacking = f.sources.filter((ref) => !cited.has(ref));
    if (lacking.length > 0) report.incompleteSources.push(`${f.id}: ${lacking.join(', ')}`);
    report.optionalTotal += f.optional_sources.length;
    report.optionalCited += f.optional_sources.filter((ref) => items.some((i) => cites(i, ref))).length;
  }
  return report;
}

/** Totals over topics: recall, precision and source completeness. */
export interface Summary {
  facts: number;
  found: number;
  recall: number;
  points: number;
  onTopic: number;
  precision: number;
  /** Found facts citing every required source / found facts. */
  sourceCompleteness: number;
}

/** Sums topic reports into the headline figures. */
export function summarise(reports: TopicReport[]): Summary {
  const facts = reports.reduce((n, r) => n + r.facts, 0);
  const found = reports.reduce((n, r) => n + r.found.length, 0);
  const points = reports.reduce((n, r) => n + r.points, 0);
  const onTopic = reports.reduce((n, r) => n + r.onTopic, 0);
  const complete = reports.reduce((n, r) => n + r.found.length - r.incompleteSources.length, 0);
  return {
    facts,
    found,
    recall: facts ? found / facts : 1,
    points,
    onTopic,
    precision: points ? onTopic / points : 1,
    sourceCompleteness: found ? complete / found : 1,
  };
}

/** A readable block for the test output. */
export function formatReport(name: string, reports: TopicReport[], s: Summary): string {
  const lines = [
    `[digest quality: ${name}] key-fact recall ${s.found}/${s.facts} = ${s.recall.toFixed(2)}; ` +
      `point precision ${s.onTopic}/${s.points} = ${s.precision.toFixed(2)}; source completeness ${s.sourceCompleteness.toFixed(2)}`,
  ];
  for (const r of reports) {
    const extra = [
      r.missing.length ? `missing: ${r.missing.join(', ')}` : '',
      r.incompleteSources.length ? `uncited: ${r.incompleteSources.join('; ')}` : '',
      r.optionalTotal ? `optional sources ${r.optionalCited}/${r.optionalTotal}` : '',
      r.offTopic.length ? `off-topic: ${r.offTopic.map((t) => JSON.stringify(t.slice(0, 70))).join(' | ')}` : '',
    ].filter(Boolean);
    lines.push(`  ${r.topic}: ${r.found.length}/${r.facts} facts, ${r.onTopic}/${r.points} on-topic${extra.length ? ` — ${extra.join('; ')}` : ''}`);
  }
  return lines.join('\n');
}

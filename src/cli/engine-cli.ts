import { isWebAddress } from '../feeds/index.ts';
import { copyFile, mkdir, writeFile, access } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import type { Briefing } from '../core/briefing.ts';
import type { Result, Statement } from '../core/model.ts';
import { loadArticleFile } from '../io/load-corpus.ts';
import { citation } from '../core/digest/render-markdown.ts';
import { renderPlain } from '../platforms/shared/render-plain.ts';
import { digestReply } from '../reply/digest-reply.ts';
import { digestMarkdown, positionsMarkdown, timelineMarkdown, whoSaidWhatMarkdown } from '../output/markdown.ts';
import { explain, positiveInt, UsageError, type CliContext } from './cli-context.ts';

function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw explain(r.error);
  return r.value;
}

function json(ctx: CliContext, value: unknown): void {
  ctx.out(JSON.stringify(value, null, 2));
}

/** The `quotes --json` shape of one statement (DESIGN.md). */
export function statementJson(b: Briefing, s: Statement) {
  return {
    article: s.article,
    speaker: s.speaker,
    role: s.role ?? null,
    kind: s.kind,
    text: s.text,
    cue: s.cue,
    sentence: s.sentenceText,
    date: b.sourceOf(s.article)?.date ?? null,
    topics: s.topics,
  };
}

/** Registers the engine's commands: topics, digest, quotes, speakers, sources, timeline, build, add. */
export function registerEngineCommands(program: Command, ctx: CliContext): void {
  program
    .command('topics')
    .description('list the configured topics')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const topics = (await ctx.config()).briefing.topics.map((t) => ({ id: t.id, title: t.title, description: t.description }));
      if (o.json) return json(ctx, { topics });
      for (const t of topics) ctx.out(`${t.id.padEnd(22)} ${t.title}${t.description ? ` — ${t.description}` : ''}`);
    });

  program
    .command('digest [topic]')
    .description('a cited digest of one topic, or of any question with --query')
    .option('--query <text>', 'a digest answering this question (free text) instead of a configured topic')
    .option('--words <n>', 'at most this many words in total', positiveInt('--words'))
    .option('--corpus <dir>', 'corpus folder (default: the configured one)')
    .option('--max <n>', 'at most this many points', positiveInt('--max'))
    .option('--since <date>', 'only what articles published or added after this date contribute (YYYY-MM-DD or ISO time)')
    .option('--json', 'print JSON')
    .action(async (topic: string | undefined, o: { query?: string; words?: number; corpus?: string; max?: number; since?: string; json?: boolean }) => {
      if (!topic === !o.query) throw new UsageError('give either a topic or --query "TEXT" (see briefing topics)');
      const b = await ctx.briefing(o.corpus);
      const options = { ...(o.max ? { max: o.max } : {}), ...(o.since ? { since: o.since } : {}), ...(o.words ? { words: o.words } : {}) };
      const d = unwrap(o.query !== undefined ? b.ask(o.query, options) : b.digest(topic!, options));
      if (!o.json) return ctx.out(renderPlain(digestReply(d)));
      json(ctx, {
        topic: d.topic,
        title: d.title,
        ...(d.since ? { since: d.since } : {}),
        items: d.items.map((i) => ({
          text: i.text,
          sources: i.sources.map((s) => ({
            article: s.article,
            title: s.title,
            date: s.date ?? null,
            ...(s.source ? { source: s.source } : {}),
            ...(s.url ? { url: s.url } : {}),
          })),
          ...(i.disputed ? { disputed: true } : {}),
          ...(i.dispute ? { dispute: { text: i.dispute.text, sources: i.dispute.sources.map((s) => s.article) } } : {}),
        })),
      });
    });

  program
    .command('quotes')
    .description('who said what: direct quotes and reported statements')
    .option('--speaker <name>', 'only this speaker (loose match: surname, other spellings)')
    .option('--topic <topic>', 'only statements on this topic')
    .option('--corpus <dir>', 'corpus folder (default: the configured one)')
    .option('--json', 'print JSON')
    .action(async (o: { speaker?: string; topic?: string; corpus?: string; json?: boolean }) => {
      const b = await ctx.briefing(o.corpus);
      const list = unwrap(b.statements({ ...(o.speaker ? { speaker: o.speaker } : {}), ...(o.topic ? { topic: o.topic } : {}) }));
      if (o.json) return json(ctx, { statements: list.map((s) => statementJson(b, s)) });
      if (list.length === 0) return ctx.out('No statements found.');
      for (const s of list) {
        const said = s.kind === 'direct' ? `“${s.text}”` : s.text;
        const ref = b.sourceOf(s.article);
        ctx.out(`${s.speaker ?? '(unknown speaker)'} — ${said} [${s.cue}; ${ref ? citation(ref) : s.article}]`);
      }
    });

  program
    .command('speakers')
    .description('everyone quoted, with roles and statement counts')
    .option('--corpus <dir>', 'corpus folder (default: the configured one)')
    .option('--json', 'print JSON')
    .action(async (o: { corpus?: string; json?: boolean }) => {
      const speakers = (await ctx.briefing(o.corpus)).speakers();
      if (o.json) {
        return json(ctx, {
          speakers: speakers.map((s) => ({ name: s.name, kind: s.kind, roles: s.roles, aliases: s.aliases, count: s.count, articles: s.articles })),
        });
      }
      for (const s of speakers) ctx.out(`${String(s.count).padStart(3)}  ${s.name}${s.roles.length ? ` — ${s.roles.join('; ')}` : ''}`);
    });

  program
    .command('sources')
    .description('the articles of the corpus')
    .option('--corpus <dir>', 'corpus folder (default: the configured one)')
    .option('--json', 'print JSON')
    .action(async (o: { corpus?: string; json?: boolean }) => {
      const b = await ctx.briefing(o.corpus);
      const sources = b.sources();
      if (o.json) return json(ctx, { sources });
      for (const s of sources) ctx.out(`${s.article}  ${s.date ?? '(undated)'}  ${s.source ?? ''}${s.source ? ' — ' : ''}${s.title}`);
    });

  program
    .command('timeline')
    .description('dated events across the corpus, oldest first')
    .option('--topic <topic>', 'only events on this topic')
    .option('--corpus <dir>', 'corpus folder (default: the configured one)')
    .option('--json', 'print JSON')
    .action(async (o: { topic?: string; corpus?: string; json?: boolean }) => {
      const b = await ctx.briefing(o.corpus);
      const events = unwrap(b.timeline(o.topic ? { topic: o.topic } : {}));
      if (o.json) return json(ctx, { events: events.map((e) => ({ date: e.date, text: e.text, sources: e.sources, topics: e.topics })) });
      ctx.out(timelineMarkdown(events));
    });

  program
    .command('positions <topic>')
    .description('what each party has said on a topic, side by side')
    .option('--corpus <dir>', 'corpus folder (default: the configured one)')
    .option('--json', 'print JSON')
    .action(async (topic: string, o: { corpus?: string; json?: boolean }) => {
      const b = await ctx.briefing(o.corpus);
      const p = unwrap(b.positions(topic));
      const withDate = <T extends { article: string }>(s: T) => ({ ...s, date: b.sourceOf(s.article)?.date ?? null });
      if (o.json) {
        return json(ctx, {
          topic: p.topic,
          title: p.title,
          parties: p.parties.map((party) => ({ ...party, statements: party.statements.map(withDate) })),
          unassigned: p.unassigned,
        });
      }
      ctx.out(positionsMarkdown(p, (id) => b.sourceOf(id)));
    });

  program
    .command('build')
    .description('regenerate the Markdown digests in briefings/')
    .option('--corpus <dir>', 'corpus folder (default: the configured one)')
    .option('--out <dir>', 'output folder (default: the configured one)')
    .action(async (o: { corpus?: string; out?: string }) => {
      const config = await ctx.config();
      const b = await ctx.briefing(o.corpus);
      const outDir = path.resolve(o.out ?? path.resolve(path.dirname(config.dir), config.briefing.output));
      await mkdir(outDir, { recursive: true });
      const written: string[] = [];
      const write = async (name: string, text: string) => {
        await writeFile(path.join(outDir, name), text);
        written.push(name);
      };
      for (const t of b.topics()) await write(`${t.id}.md`, digestMarkdown(unwrap(b.digest(t.id))));
      await write(
        'who-said-what.md',
        whoSaidWhatMarkdown(b.speakers(), unwrap(b.statements()), (id) => b.sourceOf(id)),
      );
      await write('timeline.md', timelineMarkdown(unwrap(b.timeline())));
      ctx.out(`wrote ${written.length} files to ${outDir}: ${written.join(', ')}`);
    });

  program
    .command('add <file>')
    .description(
      'add an article: a file (validated and copied) or a web page (fetched and extracted) into $BRIEFING_DATA_DIR/corpus; the bundled sample is never written to',
    )
    .option('--corpus <dir>', 'copy into this folder instead (not the configured sample corpus)')
    .action(async (file: string, o: { corpus?: string }) => {
      if (isWebAddress(file)) {
        if (o.corpus) throw new UsageError('--corpus: a web page is always added to $BRIEFING_DATA_DIR/corpus; leave --corpus out');
        const c = await ctx.composition();
        const store = c.openStore();
        const feeds = c.feeds(store);
        try {
          const r = await feeds.service.addUrl(file);
          if (!r.ok) throw new UsageError(`${file} was not added: ${r.error.message}`);
          ctx.out(`added ${r.value.file} (“${r.value.title}”, published ${r.value.published}) to ${feeds.corpusDir}`);
        } finally {
          await feeds.close();
          await store.close();
        }
        return;
      }
      const parsed = await loadArticleFile(path.resolve(file));
      for (const issue of parsed.issues) ctx.err(`${issue.severity}: ${issue.file}: ${issue.message}`);
      if (!parsed.article) throw new UsageError(`${file} was not added: fix the problem above and try again`);
      const { paths } = await ctx.composition();
      const corpusDir = o.corpus ? path.resolve(o.corpus) : paths.addedCorpus;
      if (corpusDir === paths.corpus)
        throw new UsageError(`--corpus ${o.corpus}: the configured corpus is read-only; leave --corpus out to add to ${paths.addedCorpus}`);
      const exists = (p: string) =>
        access(p).then(
          () => true,
          () => false,
        );
      for (const dir of o.corpus ? [corpusDir] : [paths.corpus, corpusDir]) {
        const taken = path.join(dir, path.basename(file));
        if (await exists(taken)) throw new UsageError(`${taken} already exists; rename the file to add it as a new article`);
      }
      await mkdir(corpusDir, { recursive: true });
      await copyFile(file, path.join(corpusDir, path.basename(file)));
      ctx.out(`added ${parsed.article.id} (“${parsed.article.title}”, ${parsed.article.sentences.length} sentences) to ${corpusDir}`);
    });
}

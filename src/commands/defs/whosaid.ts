/** `/whosaid <person> [topic]`: what one person said, quoted or reported, each cited. */
import { z } from 'zod';
import { defineCommand, type ParseContext, type RawArgs } from '../command.ts';
import { option, optionalText } from '../args.ts';
import { speakerChoices } from '../menus.ts';
import { citationOf, clip, engineErrorReply, infoReply, point } from '../reply-helpers.ts';
import type { Statement } from '../../core/model.ts';
import type { ReplyPoint } from '../../reply/reply.ts';

/** At most this many statements in one answer. */
export const MAX_STATEMENTS = 30;

/**
 * One person's statements without the quotations that a reported statement of theirs already shows in
 * full (`X said Y had "rejected the offer"` is one point, not that plus `"rejected the offer"`).
 */
export function foldQuotedFragments<S extends Pick<Statement, 'article' | 'sentence' | 'kind' | 'span'>>(statements: readonly S[]): S[] {
  // Article → sentence → reported statements: no key strings or list copies for a speaker with thousands of statements.
  const reported = new Map<string, Map<number, S[]>>();
  for (const r of statements) {
    if (r.kind !== 'reported') continue;
    let bySentence = reported.get(r.article);
    if (!bySentence) {
      bySentence = new Map();
      reported.set(r.article, bySentence);
    }
    const list = bySentence.get(r.sentence);
    if (list) list.push(r);
    else bySentence.set(r.sentence, [r]);
  }
  const inside = (s: S, r: S) => r.span.start <= s.span.start && s.span.end <= r.span.end;
  return statements.filter(
    (s) =>
      s.kind !== 'direct' ||
      !reported
        .get(s.article)
        ?.get(s.sentence)
        ?.some((r) => inside(s, r)),
  );
}

/** Splits `Name words [topic-id]`: a trailing known topic id is the topic, the rest is the person. */
export function parseWhosaid(tokens: string[], ctx: ParseContext): RawArgs {
  const last = tokens.at(-1)?.toLowerCase();
  if (tokens.length >= 2 && last && ctx.topicIds.includes(last)) return { person: tokens.slice(0, -1).join(' '), topic: last };
  return { person: tokens.join(' ') };
}

/** The `/whosaid` command. */
export const whosaidCommand = defineCommand({
  name: 'whosaid',
  description: 'What one person said, quoted or reported, with sources',
  usage: '/whosaid <person> [topic]',
  options: [option('person', 'person', 'Who (see /speakers)'), option('topic', 'topic', 'Only on this topic (optional)')],
  schema: z.object({ person: optionalText(100), topic: optionalText(100) }),
  slow: true,
  parseText: parseWhosaid,
  async handler(deps, args) {
    const briefing = deps.briefing();
    if (!args.person) {
      const choices = speakerChoices(briefing, 'whosaid');
      if (choices.length === 0) return infoReply('Nobody quoted yet', 'No statements were found in the articles.');
      return infoReply('Pick a person', 'Whose statements would you like?', choices);
    }
    const result = briefing.statements({ speaker: args.person, ...(args.topic ? { topic: args.topic } : {}) });
    if (!result.ok) return engineErrorReply(result.error, 'whosaid');
    const statements = foldQuotedFragments(result.value);
    const name = statements[0]?.speaker ?? args.person;
    const on = args.topic ? ` on ${args.topic}` : '';
    if (statements.length === 0) {
      // Nothing on that topic: say what there is instead of a dead end.
      const any = args.topic ? briefing.statements({ speaker: args.person }) : undefined;
      const all = any?.ok ? any.value : [];
      const who = all[0]?.speaker ?? name;
      if (all.length === 0) return infoReply(`${clip(who, 80)}${on}`, 'No statements found.');
      const topics = [...new Set(all.flatMap((s) => s.topics))];
      const text = `${clip(who, 80)} has ${all.length} statement${all.length === 1 ? '' : 's'}, none on ${args.topic}${topics.length ? ` (they touch ${topics.slice(0, 4).join(', ')})` : ''}.`;
      return infoReply(`${clip(who, 80)}${on}`, text, [{ label: `All of ${clip(who, 60)}`, command: `/whosaid ${who}` }]);
    }
    const points: ReplyPoint[] = statements.slice(0, MAX_STATEMENTS).map((s) => {
      const ref = briefing.sourceOf(s.article);
      const text = s.kind === 'direct' ? `“${s.text}”` : s.text;
      const who = [s.speaker ?? name, s.role].filter(Boolean).join(', ');
      return point(text, ref ? [citationOf(ref)] : [], { tag: s.kind === 'direct' ? 'quote' : 'reported', detail: clip(`${who} — ${s.cue}`, 200) });
    });
    const more = statements.length > MAX_STATEMENTS ? ` (showing ${MAX_STATEMENTS})` : '';
    return {
      kind: 'answer',
      title: `What ${clip(name, 80)} said${on}`,
      sections: [{ points }],
      footer: `${statements.length} statements${more}`,
    };
  },
});

import { statementLine } from '../../output/statement-line.ts';
/** `/positions <topic>`: what each party has said on a topic, side by side, each point cited. */
import { z } from 'zod';
import type { Briefing } from '../../core/briefing.ts';
import type { PositionStatement } from '../../core/positions/build-positions.ts';
import { defineCommand } from '../command.ts';
import { option, optionalText } from '../args.ts';
import { topicChoices } from '../menus.ts';
import { citationOf, clip, engineErrorReply, infoReply, point } from '../reply-helpers.ts';
import type { ReplyPoint, ReplySection } from '../../reply/reply.ts';

/** At most this many statements are shown per party. */
export const MAX_PER_PARTY = 8;

function statementPoint(briefing: Briefing, s: PositionStatement): ReplyPoint {
  const ref = briefing.sourceOf(s.article);
  return point(statementLine(s), ref ? [citationOf(ref)] : [], {
    ...(s.disputed ? { tag: 'disputed' } : {}),
    ...(s.role ? { detail: clip(s.role, 200) } : {}),
  });
}

function section(briefing: Briefing, heading: string, statements: PositionStatement[]): ReplySection {
  const shown = statements.slice(0, MAX_PER_PARTY).map((s) => statementPoint(briefing, s));
  const more = statements.length - shown.length;
  return { heading: clip(heading, 100), points: shown, ...(more > 0 ? { text: `${statements.length} statements; the first ${shown.length} are shown.` } : {}) };
}

/** The `/positions` command. */
export const positionsCommand = defineCommand({
  name: 'positions',
  description: 'What each party has said on a topic, side by side, with sources',
  usage: '/positions <topic>',
  options: [option('topic', 'topic', 'The topic (see /topics)')],
  schema: z.object({ topic: optionalText(100) }),
  slow: true,
  async handler(deps, args) {
    const briefing = deps.briefing();
    if (!args.topic) return infoReply('Pick a topic', 'Positions on which topic?', topicChoices(briefing, 'positions'));
    const result = briefing.positions(args.topic);
    if (!result.ok) return engineErrorReply(result.error, 'positions');
    const p = result.value;
    const sections = p.parties.map((party) => section(briefing, `${party.name}${party.disputed ? ' (disputed)' : ''}`, party.statements));
    const others = p.unassigned.flatMap((u) => u.statements);
    if (others.length) sections.push(section(briefing, 'Others quoted', others));
    const title = `Positions: ${p.title}`;
    if (sections.length === 0) return infoReply(title, 'Nobody is quoted on this topic in the articles yet.');
    return {
      kind: 'answer',
      title,
      sections,
      footer: `${p.parties.length} ${p.parties.length === 1 ? 'party' : 'parties'}${others.length ? ` · ${others.length} other statements` : ''}`,
    };
  },
});

/**
 * Recognises lines of web-page boilerplate that scrapers leave in article text: comment widgets,
 * share and follow prompts, navigation, ads, cookie and copyright notices, CSS and markup, bylines,
 * section labels and source credits. Each rule matches a whole line, so body prose that merely
 * mentions such words is kept.
 */

import { breadcrumb, breadcrumbOutlet, pageStamp } from './page-meta.ts';

/** What a boilerplate line is. */
export type Boilerplate =
  /** Page furniture, dropped. `related` starts a list of links to other stories. */
  | {
      kind: 'debris';
      reason: string;
      related?: boolean;
      /** A breadcrumb's outlet (`Example News | World` → `Example News`). */
      outlet?: string;
      /** A publication stamp's date, `YYYY-MM-DD`; `updated` when it says when the page changed. */
      published?: string;
      updated?: boolean;
    }
  /** A source credit (`Based On XYZ Report`): dropped, but names the outlet. */
  | { kind: 'credit'; reason: string; source: string }
  /** A section label (`Synopsis`, `Key Takeaways`): dropped; `takeaways` marks the bullets after it. */
  | { kind: 'label'; reason: string; takeaways: boolean };

interface Rule {
  reason: string;
  re: RegExp;
  related?: boolean;
  /** Longest line the rule applies to (default 200): longer lines are prose. */
  max?: number;
  /** Lower-case fragments of which the line must contain one, checked before the pattern (speed). */
  hint?: string[];
}

const SOCIAL = '(?:facebook|twitter|x|whatsapp|linkedin|telegram|reddit|pinterest|email|e-mail|print|messenger|copy link|sms)';

/** Whole-line patterns of page furniture. Lines are trimmed before matching. */
const RULES: Rule[] = [
  { reason: 'comment widget', re: /^(?:no|\d+|view|show|load|add|write|hide|all)?\s*(?:comments?|responses?|replies)\s*(?:\(\d+\))?\s*:?$/i },
  {
    reason: 'comment widget',
    re: /^(?:post|add|leave|write|submit|view|show|load|read) (?:a|your|the|all|more|\d+)?\s*(?:comments?|reply|replies|response)\b.{0,40}$/i,
  },
  { reason: 'comment widget', re: /^(?:cancel reply|be the first to comment.{0,30}|join the (?:discussion|conversation).{0,30})$/i },
  {
    reason: 'comment widget',
    re: /your email address will not be published|required fields are marked|save my name,? email,? and website|comments are moderated|notify me of (?:follow-up|new) (?:comments|posts)/i,
    max: 300,
    hint: ['email', 'required', 'comments', 'notify'],
  },
  {
    reason: 'related links',
    related: true,
    re: /^(?:related|recommended|popular|trending|latest|more|top|similar|other|further) (?:articles?|stories|posts|news|reads?|reading|coverage|links?|videos?|topics?)(?: (?:from|on|in) .{1,40})?\s*:?$/i,
  },
  {
    reason: 'related links',
    related: true,
    re: /^(?:you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|also read|read also|read more|read next|see also|don'?t miss|must read|more from .{1,40})\b.{0,160}$/i,
  },
  {
    reason: 'related links',
    related: true,
    re: /^(?:trending(?: now| news| stories| topics)?|most (?:read|popular|viewed|shared|watched)|editor'?s'? picks?|top stories|latest news|more stories|recommended for you|what to read next|up next|in other news|around the web)\s*:?$/i,
  },
  { reason: 'comment widget', re: /^(?:comments are closed|comments? (?:are|is) (?:disabled|turned off)|loading comments)\b.{0,40}$/i },
  {
    reason: 'site footer',
    re: /^(?:privacy policy|privacy|terms(?: of (?:use|service))?|terms (?:&|and) conditions|about us|contact us|contact|advertise(?: with us)?|careers|sitemap|faq|help|cookie policy|disclaimer)(?:\s*[|·•,/]\s*(?:privacy policy|privacy|terms(?: of (?:use|service))?|terms (?:&|and) conditions|about us|contact us|contact|advertise(?: with us)?|careers|sitemap|faq|help|cookie policy|disclaimer))+$/i,
  },
  { reason: 'separator', re: /^[-*_=~•·.#\s]{3,}$/ },
  { reason: 'link', re: /^(?:https?:\/\/|www\.)\S+$/i },
  {
    reason: 'contact line',
    re: /^(?=.{0,160}$)(?:(?:(?:for|to) .{0,80}(?:contact|email|write to)|enter your email|your email address)\b|e-?mail(?: us)?\s*:|contact\s*:).{0,80}$/i,
    hint: ['contact', 'mail', 'write to'],
  },
  { reason: 'newsletter prompt', re: /^get (?:the )?(?:latest|best|top|daily)\b.{0,80}\b(?:inbox|newsletter|updates|alerts)\b.{0,20}$/i },
  { reason: 'breadcrumb', re: /^(?:home|news|homepage)\s*[/›>»|]\s*\S.{0,160}$/i },
  { reason: 'credits', re: /\bcontributed (?:to )?(?:this |the )?(?:report|reporting|story|article)\b.{0,20}$/i, max: 250, hint: ['contributed'] },
  {
    reason: 'photo caption',
    re: /\((?:[\p{L}.]+ )?(?:photo|photograph|image|file photo|pic)(?:\s*\/[^)]{0,80}|\s*:[^)]{0,80}|\s+by [^)]{0,80})?\)\.?$/iu,
    max: 400,
    hint: ['photo', 'image', 'pic'],
  },
  { reason: 'photo caption', re: /^(?:image (?:caption|source)|media caption|getty images|photo credit|picture credit)\b.{0,160}$/i },
  {
    reason: 'navigation',
    re: /^(?:back to top(?: button)?|scroll to top|skip to (?:main )?content|go to top|jump to (?:comments|content)|(?:previous|next|prev) (?:article|post|story|page)\b.{0,120}|home|menu|search|log ?in|sign ?in|sign up|register|close|loading\.{0,3}|more|reply|prev|next)$/i,
  },
  {
    reason: 'copy protection',
    re: /^(?:error|alert|warning)\s*:\s*content is protected\b.{0,10}$|^(?:right[- ]click|copying|text selection) (?:is )?disabled\b.{0,40}$/i,
  },
  {
    reason: 'share prompt',
    re: new RegExp(
      `^(?:share(?: this| the)?(?: article| story| post| page| on)?(?: ${SOCIAL})?|tweet(?: this)?|pin it|${SOCIAL})(?:\\s*[:|,·•/]\\s*${SOCIAL})*\\s*:?$`,
      'i',
    ),
  },
  {
    reason: 'follow prompt',
    re: /^(?:follow|like|join|find) us on\b.{0,80}$|^follow @\w+.{0,120}$|^(?:get|download) (?:the|our) (?:app|newsletter)\b.{0,80}$/i,
  },
  {
    reason: 'follow prompt',
    re: /^(?:follow|find) (?:(?:him|her|them|me|us)\s+|(?:\p{Lu}[\p{L}.'’-]*\s+){1,4})(?:and (?:\p{Lu}[\p{L}.'’-]*\s+){1,4})?on (?:twitter|facebook|instagram|x|threads|bluesky)\b.{0,120}$|^on twitter,? follow\b.{0,160}$/iu,
    hint: ['twitter', 'facebook', 'instagram', ' on x', 'threads', 'bluesky'],
  },
  { reason: 'contact line', re: /^(?:reach|email|e-mail|contact|write to) (?:him|her|them|me|us)\b.{0,60}\S+@\S+\.\w+\.?$/i, hint: ['@'] },
  { reason: 'newsletter prompt', re: /^(?:for more,?\s+)?sign up (?:for|to)\b.{0,140}$/i },
  { reason: 'video prompt', re: /^(?:read|watch|listen to|see) (?:it all|the full|the whole|the entire|more)\b.{0,80}\b(?:here|below|above)\s*[.:]?$/i },
  {
    reason: 'newsletter prompt',
    re: /^(?:subscribe|sign up|signup|register)\b.{0,60}\b(?:newsletters?|updates|alerts|channel|free|today|now|inbox)\b.{0,60}$|^(?:subscribe|subscribe now|subscribe to read)$/i,
  },
  {
    reason: 'advertisement',
    re: /^(?:advertisement|advertising|ad|ads|sponsored(?: content| post)?|promoted(?: content)?|paid (?:post|content)|story continues below(?: advertisement)?|continue reading(?: below| the main story)?|scroll (?:down )?to continue(?: with content)?|article continues (?:below|after (?:this )?advertisement))\s*:?$/i,
  },
  {
    reason: 'cookie notice',
    re: /\b(?:we use cookies|this (?:web)?site uses cookies|uses cookies to|cookie (?:policy|settings|preferences|consent))\b|^accept(?: all)?(?: cookies)?$/i,
    max: 400,
    hint: ['cookie', 'accept'],
  },
  { reason: 'copyright notice', re: /^(?:©|\(c\)|copyright\b).{0,160}$|\ball rights reserved\b/i, hint: ['©', '(c)', 'copyright', 'rights reserved'] },
  { reason: 'click prompt', re: /^(?:click|tap) here\b.{0,120}$/i },
  {
    reason: 'syndication disclaimer',
    re: /(?:except for the headline, this story has not been edited|(?:story|article|report) has not been edited by|auto-generated from a syndicated (?:news )?feed|published from a (?:wire agency|syndicated) feed)/i,
    max: 400,
    hint: ['edited', 'feed'],
  },
  { reason: 'disclaimer', re: /^\(?disclaimer\s*:/i, max: 600 },
  { reason: 'CSS rule', re: /^[^{}\n]{1,300}\{\s*(?:[-a-z]+\s*:\s*[^;{}:]+;\s*)*[-a-z]+\s*:\s*[^;{}:]+;?\s*\}\s*$/i, max: 600, hint: ['{'] },
  { reason: 'markup', re: /^(?:<[^>]{1,300}>\s*)+$|^<\/?[a-z][^>]*>.{0,80}<\/[a-z]+>$/i, max: 600 },
  { reason: 'script', re: /^(?:function\s*\(|var \w+\s*=|let \w+\s*=|const \w+\s*=|window\.\w|document\.\w|\(function\s*\(|\}\)\(\);?$)/, max: 600 },
  { reason: 'credits', re: /^\(?(?:reporting|writing|editing|additional reporting|compiled|translated) by\b.{0,200}$/i },
  { reason: 'timestamp', re: /^(?:(?:last )?updated|published|posted|first published|modified)(?: on| at)?\s*:?\s*(?=[^\d]*\d)[\p{L}\p{N},:. /+-]{0,60}$/iu },
  { reason: 'reading time', re: /^\d+\s*(?:-\s*)?(?:min(?:ute)?s?|mins?)\.?\s*(?:read|listen)$|^listen to (?:this )?(?:article|story)\b.{0,40}$/i },
  {
    reason: 'photo credit',
    re: /^(?:photo|image|picture|file photo|representative image|video|graphic)(?: credit)?s?\s*[:|].{0,150}$|^\((?:photo|image|picture|file photo|representative image)\b[^)]{0,150}\)$/i,
  },
  { reason: 'tags', re: /^(?:tags|topics|filed under|categories|category|keywords)\s*:.{0,300}$/i },
];

/** `Based On XYZ Report`, `Source: Reuters`, `(With inputs from agencies)`, `Courtesy: AP`. */
/** A wire credit alone on a line: `— Reuters`, `(AFP)`, `-PTI`. */
const WIRE_CREDIT = /^(?:[—–]\s*|-(?=\p{Lu})|\()(\p{Lu}[\p{L}&.]*(?:\s\p{Lu}[\p{L}&.]*){0,2})\)?$/u;

const CREDIT =
  /^\(?(?:based on(?: an?)?|source|sources|courtesy|credit|via|with inputs? from|inputs? from)\s*:?\s+(.{1,60}?)(?:\s+(?:report|reports|reporting|inputs))?\s*\.?\)?$/i;

/** An outlet's name in a credit: capitalised words (`XYZ`, `Example News`) or `agencies`. */
const CREDIT_NAME =
  /^(?:\p{Lu}[\p{L}\p{N}&.'’-]*|agencies|agency|wires?|staff)(?:(?:\s*[,/]\s*|\s+)(?:\p{Lu}[\p{L}\p{N}&.'’-]*|and|&|of|the|agencies|agency|wires?|staff)){0,5}$/u;

/** `By …`, `Written by …`: the start of a byline. */
const BYLINE_PREFIX = /^(?:by|(?:written|reported|edited|posted|published|compiled|curated|story) by\s*:?|authors?\s*:)\s+/i;

const NAME = "\\p{Lu}[\\p{L}.'’-]*";
/** The rest of a byline: up to five capitalised names (initials allowed), maybe a second author, maybe a role. */
const BYLINE = new RegExp(`^${NAME}(?:\\s+${NAME}){0,4}(?:\\s+(?:and|&)\\s+${NAME}(?:\\s+${NAME}){0,4})?(?:\\s*[,:|–—-]\\s*[^.!?]{0,60})?$`, 'u');

/** Labels that head a list of takeaways. */
const TAKEAWAY_LABEL =
  /^(?:key takeaways?|takeaways?|key points?|highlights?|story highlights|key highlights|in brief|at a glance|tl;?dr|quick read|what you need to know|the big picture|main points|summary)\s*:?$/i;

/** Other labels that head a section rather than say anything. */
const SECTION_LABEL =
  /^(?:synopsis|overview|abstract|in short|brief|top news|top stories|breaking(?: news)?|exclusive|analysis|opinion|explainer|live updates?|developing story|just in)\s*[.:]?$/i;

/** Markers of news archives and wire feeds (`ABSTRACT.`, `FULL TEXT.`, `CORRECTION APPENDED.`, `___`): structure, not text. */
const ARCHIVE_MARKER =
  /^(?:full text|correction appended|corrections? appended|correction|clarification|editors?['’]? note|lead|body|text|end|more|endit|eds|_{3,})\s*[.:]?$/i;

/** `By JANE Q. DOE.`: a byline in capitals, as wire budgets and archives put them at the end of a paragraph. */
const INLINE_BYLINE = /^by\s+\p{Lu}[\p{Lu}.'’-]*(?:\s+\p{Lu}[\p{Lu}.'’-]*){0,4}(?:\s+(?:and|&)\s+\p{Lu}[\p{Lu}.'’-]*(?:\s+\p{Lu}[\p{Lu}.'’-]*){0,4})?\.?$/iu;

/** True when a whole sentence is a byline in capitals (`By JANE Q. DOE.`), never prose. */
export function isInlineByline(sentence: string): boolean {
  return sentence.length <= 80 && /^by\s/i.test(sentence) && INLINE_BYLINE.test(sentence) && !/\p{Ll}/u.test(sentence.slice(3));
}

/** Classifies one trimmed line; `undefined` means it is (or may be) content. */
export function classifyLine(line: string): Boilerplate | undefined {
  if (line.length > 600) return undefined;
  if (TAKEAWAY_LABEL.test(line)) return { kind: 'label', reason: 'section label', takeaways: true };
  if (SECTION_LABEL.test(line)) return { kind: 'label', reason: 'section label', takeaways: false };
  if (ARCHIVE_MARKER.test(line)) return { kind: 'label', reason: 'archive marker', takeaways: false };
  const credit = CREDIT.exec(line);
  if (credit?.[1] && CREDIT_NAME.test(credit[1])) {
    return { kind: 'credit', reason: 'source credit', source: credit[1].trim() };
  }
  const wire = WIRE_CREDIT.exec(line);
  if (wire?.[1]) return { kind: 'credit', reason: 'source credit', source: wire[1] };
  if (BYLINE_PREFIX.test(line) && BYLINE.test(line.replace(BYLINE_PREFIX, ''))) return { kind: 'debris', reason: 'byline' };
  const stamp = pageStamp(line);
  if (stamp) return { kind: 'debris', reason: 'timestamp', published: stamp.date, updated: stamp.updated };
  const crumbs = line.includes(' ') && /[|›»>/]/.test(line) ? breadcrumb(line) : undefined;
  if (crumbs) {
    const outlet = breadcrumbOutlet(crumbs);
    return outlet ? { kind: 'debris', reason: 'breadcrumb', outlet } : { kind: 'debris', reason: 'breadcrumb' };
  }
  const lower = line.toLowerCase();
  for (const rule of RULES) {
    if (line.length > (rule.max ?? 200)) continue;
    if (rule.hint && !rule.hint.some((h) => lower.includes(h))) continue;
    if (rule.re.test(line)) {
      return rule.related ? { kind: 'debris', reason: rule.reason, related: true } : { kind: 'debris', reason: rule.reason };
    }
  }
  return undefined;
}

/**
 * Generic English word lists used to recognise speech, speakers and roles. No names of people,
 * places or organisations: those are found in the text itself.
 */

/** Verbs of how something was said (`Ruiz retaliated`, `agrees Ruiz`): attribution cues only next to a quotation. */
const QUOTE_VERBS = 'retaliate riff gloat agree chime charge mock rebut snipe taunt brag reflect rail slam jab rave groan echo read'.split(' ');

const SPEECH_LEMMAS = [
  'say:said',
  'tell:told',
  'state',
  'announce',
  'confirm',
  'insist',
  'warn',
  'note',
  'add',
  'argue',
  'claim',
  'deny:denied',
  'reject',
  'dismiss',
  'describe',
  'call',
  'urge',
  'reiterate',
  'emphasize',
  'emphasise',
  'underscore',
  'stress',
  'acknowledge',
  'disclose',
  'suggest',
  'remark',
  'mention',
  'express',
  'maintain',
  'signal:signalled:signaled',
  'highlight',
  'explain',
  'reply:replied',
  'admit:admitted',
  'assert',
  'declare',
  'reaffirm',
  'conclude',
  'term',
  'characterise',
  'characterize',
  'vow',
  'pledge',
  'predict',
  'concede',
  'caution',
  'complain',
  'recall',
  'reveal',
  'observe',
  'respond',
  'answer',
  'write:wrote',
  'tweet',
  'allege',
  'accuse',
  'contend',
  'point',
  'assure',
  'affirm',
  'label',
  'brand',
  'reassure',
  'ask',
  'scoff',
  'quip:quipped',
  'joke',
  'exclaim',
  'retort',
  'boast',
  'lament',
  'recount',
  'shout',
  'yell',
  'plead',
  'elaborate',
  'testify:testified',
  'proclaim',
  'muse',
  'marvel:marveled:marvelled',
  'grumble',
  'gush',
  'counter',
  'interject',
  'fume',
  'sigh',
  'snap:snapped',
  'crow',
  'continue',
  'wonder',
  'posit',
  'concur:concurred',
  'thunder',
  'beam',
  'put:put',
  'holler',
  'chant',
  'whisper',
  'scream',
  'cry:cried',
  'laugh',
  'bark',
  'growl',
  'remember',
  'mutter',
  'murmur',
  'gasp',
  'scold',
  'rant',
  'tease',
  'promise',
  'comment',
  ...QUOTE_VERBS.map((v) => (/^(rebut|brag|slam|jab)$/.test(v) ? `${v}:${v}${v.slice(-1)}ed` : v === 'read' ? 'read:read' : v)),
  'deadpan',
  'post',
  'opine',
  'chide',
  'blast',
  'tout',
  'report',
  'shoot:shot',
] as const;

/** Speech verbs that only report speech with a particle or an object we check for (`called for`, `pointed out`). */
export const NEEDS_PARTICLE: Record<string, readonly string[]> = {
  call: ['for', 'on', 'it', 'them', 'him', 'her', 'the', 'a', 'an', 'what'],
  point: ['out'],
  put: ['it'],
  shoot: ['back'],
};

/** Lemmas whose `-s` form is usually a noun (`member states`, `phone calls`): that form is not taken as a verb. */
export const NOUN_LIKE_PRESENT = new Set([
  'comment',
  'promise',
  'state',
  'note',
  'claim',
  'call',
  'remark',
  'signal',
  'answer',
  'reply',
  'tweet',
  'stress',
  'label',
  'brand',
  'point',
  'term',
  'caution',
  'complain',
  'recall',
  'highlight',
  'mention',
  'respond',
  'write',
  'express',
  'observe',
  'conclude',
  'counter',
  'shout',
  'plead',
  'blast',
  'tout',
  'crow',
  'sigh',
  'snap',
  'joke',
  'continue',
  'wonder',
  'yell',
  'boast',
]);

/** Verbs that attribute a quotation next to them but too often mean something else to report speech on their own. */
export const QUOTE_ONLY = new Set([
  'continue',
  'wonder',
  'sigh',
  'snap',
  'crow',
  'fume',
  'thunder',
  'gush',
  'marvel',
  'muse',
  'blast',
  'tout',
  'counter',
  'beam',
  'put',
  'laugh',
  'cry',
  'bark',
  'growl',
  'post',
  'rant',
  'tease',
  'gasp',
  'shoot',
  ...QUOTE_VERBS,
]);

/** Verbs that name what the speaker thinks of something (`described X as Y`) rather than introduce a clause. */
export const CHARACTERISING = new Set(['describe', 'call', 'term', 'characterise', 'characterize', 'label', 'brand']);

/** Speech verbs whose bare form is taken as a present tense after a plural speaker (`analysts say`, `they warn`). */
const PLURAL_PRESENT = new Set([
  'say',
  'warn',
  'argue',
  'claim',
  'insist',
  'note',
  'stress',
  'maintain',
  'contend',
  'deny',
  'reject',
  'urge',
  'suggest',
  'acknowledge',
  'predict',
  'caution',
  'allege',
]);

/** Form → lemma, for every inflection of every speech verb. */
export const SPEECH_FORMS: ReadonlyMap<string, { lemma: string; form: 'past' | 'present' | 'ing' | 'base' }> = (() => {
  const m = new Map<string, { lemma: string; form: 'past' | 'present' | 'ing' | 'base' }>();
  for (const entry of SPEECH_LEMMAS) {
    const [lemma = '', ...irregular] = entry.split(':');
    const stem = lemma.endsWith('e') ? lemma.slice(0, -1) : lemma;
    const y = lemma.endsWith('y') && !/[aeiou]y$/.test(lemma);
    const past = irregular.length ? irregular : [y ? `${lemma.slice(0, -1)}ied` : `${stem}ed`];
    const present = y ? `${lemma.slice(0, -1)}ies` : /(s|sh|ch|x)$/.test(lemma) ? `${lemma}es` : `${lemma}s`;
    const doubled = /^(admit|signal)$/.test(lemma) ? `${lemma}${lemma.slice(-1)}ing` : '';
    const ing = doubled || `${stem}ing`;
    for (const p of past) m.set(p, { lemma, form: 'past' });
    m.set(present, { lemma, form: 'present' });
    m.set(ing, { lemma, form: 'ing' });
    if (lemma === 'signal') m.set('signaling', { lemma, form: 'ing' });
    if (PLURAL_PRESENT.has(lemma)) m.set(lemma, { lemma, form: 'base' });
  }
  return m;
})();

/** Words that name a role or title (case-insensitive); a name after them is the person holding it. */
export const ROLE_WORDS = new Set(
  `president vice prime minister ministers secretary state foreign defence defense interior finance economy
  spokesperson spokesman spokeswoman spokespeople aide aides adviser advisor advisers advisors envoy special chancellor
  chief head director general governor mayor senator senators representative lawmaker lawmakers deputy senior top
  former acting policy national security press counsellor counselor ambassador commander leader leaders official officials
  diplomat diplomats negotiator negotiators premier king queen prince princess sheikh emir pope cardinal bishop judge
  justice attorney prosecutor chairman chairwoman chair chairperson ceo founder analyst analysts expert experts economist
  professor dr mr mrs ms miss messrs sir sen sens rep reps gov gen lt col sgt rev prof capt adm maj cmdr cpl pvt atty supt amb dame lord lady colonel lieutenant captain major sergeant admiral marshal
  councillor councilor member members mp mps speaker correspondent editor reporter journalist journalists spy
  administrator commissioner commissioners delegate delegates delegation delegations ministry department agency office
  cabinet council committee government administration parliament presidency military army navy
  energy trade climate industry health justice education environment agriculture transport labour labor culture
  coordinator assistant officer officers executive secretary-general director-general deputy-head representative-elect
  partners allies counterpart counterparts sources source ministerial presidential governmental scientist researcher
  lecturer strategist activist campaigner mediator historian sociologist lawyer physician engineer academic
  manager consultant operative pollster fellow staffer organizer organiser donor supporter candidate nominee congressman
  congresswoman assemblyman assemblywoman councilman councilwoman sheriff owner host anchor columnist commentator
  author writer blogger pastor rabbi imam priest veteran coach partner contractor doctor nurse trooper agent detective
  investigator superintendent principal dean provost trustee treasurer clerk auditor comptroller surrogate volunteer
  lobbyist publisher producer cofounder co-founder vice-president businessman businesswoman mother father wife husband
  son daughter friend neighbor neighbour retiree student teacher worker pundit consultant analyst spokesperson
  representative governor-elect president-elect chief-of-staff front-runner frontrunner hopeful mogul tycoon billionaire
  contender challenger incumbent moderator nominee-elect`.split(/\s+/),
);

/** Heads of a noun phrase that name a body (an organisation) rather than a person. */
export const BODY_HEADS = new Set(
  `ministry department agency office cabinet council committee government administration parliament presidency
  military army navy newspaper paper outlet broadcaster network channel daily magazine wire service union bank court
  commission party company group alliance organisation organization institute foundation times post news press tribune
  journal herald gazette guardian telegraph association chamber programme program fund bureau authority federation
  coalition university charity centre center board secretariat campaign team camp staff statement poll survey study
  letter memo complaint lawsuit editorial ad advertisement website article polling analysis data records documents
  filings estimates figures tally results audit transcript transcripts interviews`.split(/\s+/),
);

/** Plural heads that make a noun phrase a group speaker (`Western leaders`, `the ministers`). */
export const GROUP_HEADS = new Set(
  `leaders officials ministers diplomats negotiators lawmakers senators analysts experts allies partners counterparts
  delegates delegations members officers commissioners aides advisers advisors authorities governments spokespeople
  journalists reporters critics protesters residents witnesses observers investigators prosecutors cooperatives unions
  farmers workers groups companies firms activists campaigners rebels militants troops forces police voters citizens
  scientists researchers doctors economists lawyers judges ministries governments officers opposition parties
  percent respondents people supporters organizers organisers participants attendees superdelegates donors students
  parents women men demonstrators fans viewers readers users employees staffers strategists operatives pollsters
  insiders conservatives liberals moderates evangelicals independents caucusgoers caucus-goers veterans republicans
  democrats americans`.split(/\s+/),
);

/** Speakers that cannot be identified (`sources`, `reports`). */
export const ANONYMOUS_HEADS = new Set(['source', 'sources', 'report', 'reports', 'media', 'reporters', 'journalists']);

/** Common words that are capitalised only because they start a sentence or a heading. */
export const FUNCTION_WORDS = new Set(
  `a an the and but or nor so yet for of in on at to by with from into onto over under after before during since until
  about above below between among against through throughout despite although though while whereas because if unless
  when whenever where wherever whether which who whom whose what that this these those there here then than thus hence
  however meanwhile moreover furthermore nevertheless nonetheless instead still also even just only already again
  according asked speaking pre earlier later last next first second third finally both either neither each every
  all some any many much more most few several such other another no not as it its he she they we i you his her their
  our my your him them us me one two three four five six seven eight nine ten is are was were be been being has have had
  do does did will would shall should can could may might must upon within without like unlike amid amidst via per
  toward towards around across behind beyond near off out up down let new key related synopsis`.split(/\s+/),
);

/** Month and weekday names, capitalised but never names of speakers. */
export const CALENDAR_WORDS = new Set(
  `january february march april may june july august september october november december jan feb mar apr jun jul aug
  sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow`.split(/\s+/),
);

/** Adverbs and auxiliaries that can sit between a subject and its verb (`Adams also said`, `has since denied`). */
export const BETWEEN_SUBJECT_AND_VERB = new Set(
  `also later earlier then again since repeatedly previously once recently merely simply publicly privately openly
  firmly flatly bluntly reportedly further himself herself themselves itself has have had did does do is was
  were are been already still quickly separately subsequently immediately initially originally yesterday today
  consistently frequently often always finally nonetheless nevertheless however instead last this week month year night morning evening afternoon on
  monday tuesday wednesday thursday friday saturday sunday`.split(/\s+/),
);

/** Temporal heads that follow `on`, `last` or `this` (`on Monday`, `last week`). */
export const TIME_WORDS = new Set(
  `week month year night morning evening afternoon weekend day monday tuesday wednesday thursday friday saturday
  sunday`.split(/\s+/),
);

/** Lowercase particles allowed inside personal names (`Ursula von der Leyen`). */
export const NAME_PARTICLES = new Set([
  'von',
  'van',
  'der',
  'den',
  'de',
  'da',
  'del',
  'della',
  'di',
  'du',
  'le',
  'la',
  'al',
  'bin',
  'ibn',
  'ben',
  'dos',
  'das',
  'ter',
]);

export { GENDERED_TITLES, PRONOUNS } from './person-words.ts';

/** Words that end a clause and start a new one after a comma (`…, though Paris denied …`). */
export const CLAUSE_CONJUNCTIONS = new Set(['and', 'but', 'though', 'although', 'while', 'whereas', 'yet', 'or', 'so']);

/** Negations that cancel a speech verb (`did not confirm`). */
export const NEGATIONS = new Set(['not', "n't", 'never', 'no', 'neither', 'nor', 'declined', 'refused']);

/** Modals and `to` before a verb: the speech has not happened (`plans to announce`, `will say`). */
export const IRREALIS = new Set(['to', 'will', 'would', 'could', 'may', 'might', 'should', 'shall', 'must', 'can', 'cannot', 'expected']);

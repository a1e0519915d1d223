/**
 * Generates a synthetic news corpus for the benchmark: articles that vary names, places, dates,
 * outlets and sentence shapes (quotes before/after attribution, reported speech, dated events,
 * background), so no two articles are copies. Deterministic for a given seed.
 */

const FIRST = [
  'Anna',
  'Marek',
  'Sofia',
  'Daniel',
  'Leila',
  'Tomas',
  'Ingrid',
  'Kwame',
  'Priya',
  'Hiroshi',
  'Elena',
  'Mateo',
  'Amara',
  'Jonas',
  'Nadia',
  'Rafael',
  'Chen',
  'Olga',
  'Samuel',
  'Fatima',
  'Lucas',
  'Yara',
  'Viktor',
  'Maeve',
];
const LAST = [
  'Kowalski',
  'Haddad',
  'Lindqvist',
  'Mensah',
  'Okafor',
  'Varga',
  'Nakamura',
  'Moreau',
  'Castillo',
  'Petrov',
  'Ibrahim',
  'Novak',
  'Fischer',
  'Santos',
  'Rahman',
  'Dubois',
  'Keller',
  'Horvath',
  'Jensen',
  'Alvarez',
  'Osei',
  'Tanaka',
  'Bergstrom',
  'Costa',
];
const COUNTRIES = [
  ['Norland', 'Norlandic', 'Vasta'],
  ['Estoria', 'Estorian', 'Calma'],
  ['Miravia', 'Miravian', 'Porto Real'],
  ['Kestrel Isles', 'Kestrel', 'Harrowgate'],
  ['Ardania', 'Ardanian', 'Belgrad'],
  ['Sulvania', 'Sulvanian', 'Tarsk'],
  ['Ostrava Union', 'Ostravan', 'Lenport'],
  ['Tavira', 'Taviran', 'Olmo'],
];
const ROLES = [
  'President',
  'Prime Minister',
  'Foreign Minister',
  'Defence Minister',
  'foreign ministry spokesperson',
  'presidential aide',
  'Trade Commissioner',
  'chief negotiator',
  'Interior Minister',
  'ambassador',
];
const OUTLETS = ['Harbor Wire', 'Daily Ledger', 'Meridian News', 'Coastal Times', 'Northern Post', 'Global Desk', 'Capital Report'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MON3 = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const QUOTES = [
  'We will not accept any deal that leaves our borders undefended',
  'The sanctions are working, and we are ready to go further if needed',
  'A ceasefire must come first. Everything else can follow',
  'These talks were constructive, but there is a long road ahead',
  'Nobody wants this conflict to drag on for another winter',
  'We are prepared to meet without preconditions',
  'Security guarantees have to be credible, or they are worthless',
  'The exchange of prisoners is a humanitarian priority for us',
  'Our partners understand that pressure and dialogue go together',
  'There will be no summit until the shelling stops',
];
const CLAIMS = [
  'the summit would go ahead as planned',
  'new sanctions on energy exports were under consideration',
  'both sides had agreed to an exchange of prisoners',
  'security guarantees would be discussed at the next round of talks',
  'a ceasefire along the current front line was possible',
  'the talks had made real progress on humanitarian issues',
  'any foreign troop presence would be rejected',
  'the sanctions package would be expanded to cover shipping',
];
const EVENTS = [
  'held a summit in {city}',
  'spoke by phone for nearly an hour',
  'signed a memorandum on grain shipments',
  'announced a new package of sanctions',
  'met European counterparts to discuss security guarantees',
  'agreed to a temporary ceasefire around the port',
  'completed an exchange of prisoners of war',
];
const BACKGROUND = [
  'Analysts said the outcome of the talks remained uncertain.',
  'The conflict has displaced hundreds of thousands of people since it began.',
  'Diplomats from several countries have tried to broker a settlement.',
  'Markets reacted cautiously to the news, with energy prices edging higher.',
  'The two sides have not met at leader level for more than a year.',
  'Humanitarian groups have called for safe corridors for civilians.',
];

/** A small seeded PRNG (mulberry32), so generated corpora are reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One generated article file. */
export interface GeneratedArticle {
  file: string;
  text: string;
}

/** Generates `count` varied articles. */
export function generateCorpus(count: number, seed = 42): GeneratedArticle[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const out: GeneratedArticle[] = [];
  for (let i = 0; i < count; i++) {
    const [country, adj, city] = pick(COUNTRIES) as [string, string, string];
    const [country2, adj2] = pick(COUNTRIES) as [string, string, string];
    const people = Array.from({ length: 3 }, () => ({ first: pick(FIRST), last: pick(LAST), role: pick(ROLES) }));
    const [a, b, c] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]];
    const month = Math.floor(r() * 12);
    const day = 1 + Math.floor(r() * 27);
    const year = 2020 + Math.floor(r() * 6);
    const outlet = pick(OUTLETS);
    const event = pick(EVENTS).replace('{city}', city);
    const paras: string[] = [];
    const withFront = r() < 0.5;
    const head = `${adj} ${a.role} ${a.last} ${pick(['Signals', 'Rejects', 'Welcomes', 'Questions'])} ${pick(['Talks', 'Sanctions', 'Ceasefire Plan', 'Summit Offer'])} With ${country2}`;
    if (!withFront) paras.push(head);
    const dateline = withFront ? '' : `${city.toUpperCase()}, ${MON3[month]} ${day} (${outlet}): `;
    paras.push(`${dateline}${adj} ${a.role} ${a.first} ${a.last} on ${pick(WEEKDAYS)} said that ${pick(CLAIMS)}, in remarks to reporters in ${city}.`);
    paras.push(`“${pick(QUOTES)},” ${a.last} told reporters. “${pick(QUOTES)}.”`);
    paras.push(`On ${MONTHS[month]} ${Math.max(1, day - 3)}, the leaders of ${country} and ${country2} ${event}.`);
    paras.push(`${adj2} ${b.role} ${b.first} ${b.last} dismissed the idea, stating that ${pick(CLAIMS)}. She warned that “${pick(QUOTES).toLowerCase()}.”`);
    paras.push(pick(BACKGROUND));
    paras.push(`According to ${c.role} ${c.first} ${c.last}, ${pick(CLAIMS)}.`);
    paras.push(
      `${c.last} added that the talks, which began in ${MONTHS[(month + 11) % 12]}, would continue ${pick(['next week', 'later this month', 'after the holidays'])}.`,
    );
    for (let k = 0, n = 2 + Math.floor(r() * 4); k < n; k++) paras.push(`${pick(BACKGROUND)} ${pick(BACKGROUND)}`);
    paras.push(`“${pick(QUOTES)},” said ${b.first} ${b.last}, the ${b.role}, adding that ${pick(CLAIMS)}.`);
    let text = paras.join('\n');
    if (withFront) {
      const published = `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      text = `---\ntitle: "${head}"\nsource: ${outlet}\npublished: ${published}\n---\n${text}\n`;
    }
    out.push({ file: `gen_${String(i).padStart(5, '0')}.txt`, text });
  }
  return out;
}

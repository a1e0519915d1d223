import { describe, expect, it } from 'vitest';
import { extractStatements, type ExtractedStatement } from '../../../src/core/statements/extract-statements.ts';
import { makeArticle } from '../../helpers/statements-article.ts';

/** Patterns from the blind hold-out diagnosis (causes A–F), with invented names: none comes from a fixture article. */
const run = (text: string) => extractStatements(makeArticle(text));
const direct = (list: ExtractedStatement[]) => list.filter((s) => s.kind === 'direct');
const reported = (list: ExtractedStatement[]) => list.filter((s) => s.kind === 'reported');
const who = (s: ExtractedStatement | undefined) => s?.mention?.name ?? null;

describe('A. names with lowercase particles', () => {
  it.each([
    ['Senator Lotte van Aken', 'van Aken'],
    ['Judge Pieter de Wit', 'de Wit'],
    ['Envoy Omar bin Sultan', 'bin Sultan'],
    ['Minister Klara von der Au', 'von der Au'],
    ['Mayor Jorge dos Reis', 'dos Reis'],
    ['Director Idris ibn Salem', 'ibn Salem'],
  ])('%s and the bare surname %s are one person', (full, bare) => {
    const text = `${full} said the plan was ready.\n“We start tomorrow,” ${bare} said. ${bare.charAt(0).toUpperCase()}${bare.slice(1)} added that costs would rise.`;
    const list = run(text);
    const name = full.split(' ').slice(1).join(' ');
    expect(list.map(who)).toEqual([name, name, name]);
  });

  it('reads a hyphenated Arabic article as part of a capitalised name', () => {
    const list = run('Spokesman Samir al-Haddad briefed reporters.\n“The border is open,” al-Haddad said. El-Masri, a trader, said prices fell.');
    expect(who(direct(list)[0])).toBe('Samir al-Haddad');
    expect(who(reported(list)[0])).toBe('El-Masri');
  });
});

describe('B. subject shapes', () => {
  it('takes the name of an appositive after a short description opening the sentence', () => {
    const [s] = run('The arbiter, former judge Mira Holm, told reporters outside the court that the parties were close.');
    expect(who(s)).toBe('Mira Holm');
    expect(s?.text).toBe('the parties were close');
  });

  it('keeps a statement whose subject is a bare description, the description as speaker or resolved by a unique role', () => {
    const a = run('Talks broke down, and the official chairing the meeting warned that a deal was now unlikely.');
    expect(reported(a)).toHaveLength(1);
    expect(who(a[0])).toBe('the official');
    expect(a[0]?.mention?.role).toBe('the official chairing the meeting');
    const b = run('Mediator Nils Berg opened the session.\nThe mediator warned that a deal was now unlikely.');
    expect(who(b.at(-1))).toBe('Nils Berg');
  });

  it('reads `Name of <Organisation> said` and `Name, <aside>, told`', () => {
    const a = run('Historian Ada Lind of Uppsala University said the border dated from 1905.');
    expect(who(a[0])).toBe('Ada Lind');
    const b = run('Envoy Karl Moe, speaking in Oslo, told Reuters the talks would resume.');
    expect(who(b[0])).toBe('Karl Moe');
    expect(b[0]?.text).toBe('the talks would resume');
    const c = run("Deputy Minister Ana Ruiz, Lima's chief negotiator on the file, told Reuters the ministry would appeal.");
    expect(who(c[0])).toBe('Ana Ruiz');
  });

  it('reads a relative clause after the subject and an appositive name after `according to`', () => {
    const a = run('One delegate who attended the session described the mood as "calm but tense."');
    expect(reported(a)).toHaveLength(1);
    expect(direct(a)[0]?.text).toBe('calm but tense');
    const b = run('According to the charity that employs them, Aidnet, the two nurses were travelling to a clinic.');
    expect(who(b[0])).toBe('Aidnet');
    expect(b[0]?.text).toBe('the two nurses were travelling to a clinic');
  });
});

describe('C. long names of bodies and roles', () => {
  it.each([
    ["Chile's Ministry of Mining and Energy said the quota stood.", "Chile's Ministry of Mining and Energy"],
    ['The Ministry of Foreign Affairs said the quota stood.', 'Ministry of Foreign Affairs'],
    ['The Andean Copper and Zinc Producers Association said the quota stood.', 'Andean Copper and Zinc Producers Association'],
    ['According to the U.N. food agency, the quota stood.', 'U.N. food agency'],
    ["North Macedonia's foreign ministry said the quota stood. Winds from the north rose.", "North Macedonia's foreign ministry"],
  ])('%s', (text, name) => {
    expect(who(run(text)[0])).toBe(name);
  });

  it('keeps roles joined by `and`, and names joined by `and` apart', () => {
    const [a] = run('Mining and Energy Minister Rosa Vidal said the quota stood.');
    expect(a?.mention?.role).toBe('Mining and Energy Minister');
    const [b] = run('Trade Minister Rosa Vidal and Health Minister Eva Soto met. The minister said nothing new.');
    expect(b).toBeUndefined();
  });

  it('records a role given in an appositive in a sentence without speech', () => {
    const list = run(
      "Lina Osei, the bloc's executive secretary and its chief mediator, chaired the talks.\nThe executive secretary acknowledged, however, that the mission had no money.",
    );
    expect(who(list[0])).toBe('Lina Osei');
    expect(list[0]?.text).toBe('the mission had no money');
  });
});

describe('D. pronouns and descriptions', () => {
  it('takes the subject of the clause, not the nearest name, for `he`', () => {
    const list = run(
      'Defence Minister Tom Aro said he was ready. Interior Minister Jon Baker rejected that.\nAro shook hands with Baker at the end, and he later told Reuters that a hotline would be set up.',
    );
    expect(who(list.at(-1))).toBe('Tom Aro');
  });

  it('resolves `the minister` to the most recently named minister, or to no one when both were named together', () => {
    const a = run('Deputy Minister Eva Lund spoke first. Her boss, Trade Minister Ola Dahl, was cautious.\n"It is a regional problem," the minister said.');
    expect(who(direct(a)[0])).toBe('Ola Dahl');
    const b = run('Trade Minister Ola Dahl and Deputy Minister Eva Lund met.\n"It is a regional problem," the minister said.');
    expect(who(direct(b)[0])).toBeNull();
  });
});

describe('E. clause boundaries', () => {
  it('splits a lead attribution from the writer’s clause and its embedded report', () => {
    const list = run(
      'Peru will cut copper exports by 10 percent from June, Mining Minister Rosa Vidal said on Monday, in a move Santiago said broke a trade pact.',
    );
    expect(list.map((s) => [who(s), s.text])).toEqual([
      ['Rosa Vidal', 'Peru will cut copper exports by 10 percent from June'],
      ['Santiago', 'broke a trade pact'],
    ]);
  });

  it('continues a complement across `, but that` and leaves words before `that` out', () => {
    const [a] = run('Bank analysts said in a note on Tuesday that the dispute would stay small, but that a wider fight "cannot be excluded."');
    expect(a?.text).toContain('but that a wider fight');
    const [b] = run('Envoy Karl Moe told a weekly briefing in Oslo that the talks would resume.');
    expect(b?.text).toBe('the talks would resume');
    const [c] = run('Envoy Karl Moe said afterwards that the talks would resume.');
    expect(c?.text).toBe('the talks would resume');
  });

  it('takes reported speech in a headline only when the body settles the speaker', () => {
    const article = makeArticle('Oslo says ceasefire talks at a critical stage\nOslo said on Monday that the ceasefire talks had reached a critical stage.');
    article.sentences[0] = { ...article.sentences[0]!, kind: 'subhead' };
    const list = extractStatements(article);
    expect(list.map(who)).toEqual(['Oslo', 'Oslo']);
    const lone = makeArticle('Oslo says ceasefire talks at a critical stage\nThe talks resumed on Monday.');
    lone.sentences[0] = { ...lone.sentences[0]!, kind: 'subhead' };
    expect(extractStatements(lone)).toHaveLength(0);
  });
});

describe('F. not statements', () => {
  it('drops scare quotes after `so-called`, `what X call`, or a determiner', () => {
    const list = run(
      'Fighting centred on the so-called "Red Hill pocket". Mediators practise what diplomats call "shuttle patience". The ministry defended its "localisation" policy.',
    );
    expect(direct(list)).toHaveLength(0);
  });

  it('keeps words a speaker was said to have used (`what he termed "…"`)', () => {
    const list = run('Envoy Karl Moe spoke of what he termed "very useful talks" in Oslo.');
    expect(direct(list)[0]?.text).toBe('very useful talks');
  });

  it('drops `claim` in a relative clause, `said little`, `said nothing` and `declined to say`', () => {
    const list = run(
      'It is farmland that both states claim under a 1910 treaty. Minister Ola Dahl has said little in public. Eva Lund said nothing about it. The ministry declined to say when.',
    );
    expect(list).toHaveLength(0);
  });
});

describe('further generic shapes', () => {
  it('reads `Jan`, `Mar` before a surname as a given name', () => {
    expect(who(run('A spokesman, Jan ter Laak, said the fund was closed.')[0])).toBe('Jan ter Laak');
  });

  it('reads a lowercase description up to its possessive as the role', () => {
    const [s] = run("Peru's social affairs minister, Rosa Vidal, rejected that account.");
    expect(s?.mention?.role).toBe("Peru's social affairs minister");
    const list = run("Talks resumed on Monday, the country's energy minister said.\nEnergy Minister Rosa Vidal and Finance Minister Eva Soto spoke later.");
    expect(who(list[0])).toBe('Rosa Vidal');
  });

  it('takes a body before `, which said` and bodies named with `for`', () => {
    const [s] = run(
      'The money goes through the Federal Agency for Rural Development and Housing, which said in a statement that every payment would be audited.',
    );
    expect(who(s)).toBe('Federal Agency for Rural Development and Housing');
    expect(s?.text).toBe('every payment would be audited');
  });

  it('takes the appositive name after an opening description as the subject for a pronoun', () => {
    const list = run('Her colleague, Economy Minister Rita Sala, met Ana Pires on Monday, and she later told reporters that banks would not handle the funds.');
    expect(who(list[0])).toBe('Rita Sala');
  });
});

import { describe, expect, it } from 'vitest';
import { extractStatements, type ExtractedStatement } from '../../../src/core/statements/extract-statements.ts';
import { makeArticle } from '../../helpers/statements-article.ts';

const run = (text: string) => extractStatements(makeArticle(text));
const direct = (list: ExtractedStatement[]) => list.filter((s) => s.kind === 'direct');
const reported = (list: ExtractedStatement[]) => list.filter((s) => s.kind === 'reported');
const who = (s: ExtractedStatement | undefined) => s?.mention?.name ?? null;

describe('direct quotes', () => {
  it('keeps exactly the quoted words, with a span into the text, for attribution after the quote', () => {
    const text = 'Prime Minister Anna Berg spoke on Friday.\n“We will not give up the port,” Berg told reporters.';
    const [q] = direct(run(text));
    expect(q?.text).toBe('We will not give up the port');
    expect(text.slice(q!.span.start, q!.span.end)).toBe(q!.text);
    expect(who(q)).toBe('Anna Berg');
    expect(q?.cue).toBe('told reporters');
  });

  it('handles straight quotes and an inverted attribution (`said the minister`)', () => {
    const text = 'Finance Minister Omar Haddad met bankers.\n"The budget is balanced," said the finance minister.';
    const [q] = direct(run(text));
    expect(q?.text).toBe('The budget is balanced');
    expect(who(q)).toBe('Omar Haddad');
  });

  it('handles attribution before the quote with a comma, a colon or `with,`', () => {
    const text = [
      'Mayor Lena Park replied, “Yes, we have.”',
      'Governor Tom Reyes said: “The bridge opens in May.”',
      'He concluded with, “Everyone will benefit.”',
    ].join('\n');
    const qs = direct(run(text));
    expect(qs.map((q) => q.text)).toEqual(['Yes, we have', 'The bridge opens in May', 'Everyone will benefit']);
    expect(qs.map(who)).toEqual(['Lena Park', 'Tom Reyes', 'Tom Reyes']);
    expect(reported(run(text))).toEqual([]);
  });

  it('gives both parts of a split quote the same speaker', () => {
    const text = 'Defence Minister Karl Strand visited the base.\n“If they attack,” the defence minister said, “we will respond at once.”';
    const qs = direct(run(text));
    expect(qs.map((q) => q.text)).toEqual(['If they attack', 'we will respond at once']);
    expect(qs.map(who)).toEqual(['Karl Strand', 'Karl Strand']);
  });

  it('continues a quotation into the next paragraph with the same speaker', () => {
    const text = [
      'Union leader Maria Costa addressed the strikers. “We are not going back,” she said.',
      '“Not this week, not next week.',
      '“Not until the contract is signed.”',
    ].join('\n');
    const qs = direct(run(text));
    expect(qs.map((q) => q.text)).toEqual(['We are not going back', 'Not this week, not next week', 'Not until the contract is signed']);
    expect(qs.map(who)).toEqual(['Maria Costa', 'Maria Costa', 'Maria Costa']);
  });

  it('gives a partial quote inside reported speech to that clause’s speaker', () => {
    const text = 'Foreign Minister Ivan Petrov described the talks as “constructive” and said the sides were “close to a deal.”';
    const list = run(text);
    expect(direct(list).map((q) => [q.text, who(q)])).toEqual([
      ['constructive', 'Ivan Petrov'],
      ['close to a deal', 'Ivan Petrov'],
    ]);
  });

  it('keeps a nested single-quoted phrase inside the outer quote', () => {
    const [q] = direct(run('“When he says ‘later’, he means never,” Senator Ruth Obi said.'));
    expect(q?.text).toBe('When he says ‘later’, he means never');
    expect(who(q)).toBe('Ruth Obi');
  });

  it('does not take apostrophes for quotation marks', () => {
    expect(run("The country's leaders didn't meet at the workers' hall.")).toEqual([]);
  });

  it('ignores quotation marks in markup and CSS', () => {
    expect(run('.footer[data-section="footer-builder"] { margin-bottom: 40px;}')).toEqual([]);
    expect(run('<a href="https://example.org">link</a>')).toEqual([]);
  });

  it('does not make a statement of a scare-quoted title-case name', () => {
    expect(direct(run('The so-called “Coalition Of The Willing” met in Rome.'))).toEqual([]);
  });

  it('settles a headline quote only when the body quotes the same words with a speaker', () => {
    const text = ['Was It a ‘Frank and Useful’ Meeting?', 'The leaders held a “frank and useful meeting” on Monday, according to Deputy Minister Li Wei.'].join(
      '\n',
    );
    const qs = direct(run(text));
    expect(qs.map((q) => [q.text, who(q)])).toEqual([
      ['Frank and Useful', 'Li Wei'],
      ['frank and useful meeting', 'Li Wei'],
    ]);
    expect(direct(run('Was It a ‘Frank and Useful’ Meeting?\nThe leaders met on Monday.'))).toEqual([]);
    const article = { ...makeArticle(text.replace(/^[^\n]*\n/, (h) => ' '.repeat(h.length))), text };
    const headline = { ...article, titleSpan: { start: 0, end: text.indexOf('\n') } };
    const fromTitle = direct(extractStatements(headline))[0];
    expect(fromTitle?.text).toBe('Frank and Useful');
    expect(fromTitle?.sentence).toBeGreaterThanOrEqual(0);
  });

  it('leaves the speaker unknown when there is none', () => {
    const [q] = direct(run('The summit was deemed “extremely productive” in the end.'));
    expect(q?.text).toBe('extremely productive');
    expect(q?.mention).toBeNull();
  });
});

describe('reported speech', () => {
  it('finds the speaker, the cue and what was said', () => {
    const [s] = run('Interior Minister Sara Lind said on Tuesday that the border would reopen next month.');
    expect(s?.kind).toBe('reported');
    expect(who(s)).toBe('Sara Lind');
    expect(s?.role).toBe('Interior Minister');
    expect(s?.cue).toBe('said');
    expect(s?.text).toBe('the border would reopen next month');
  });

  it.each([
    ['announced', 'Mayor Jon Vik announced that the tram line will close.'],
    ['insisted', 'Mayor Jon Vik insisted the tram line will close.'],
    ['warned', 'Mayor Jon Vik warned the tram line will close.'],
    ['denied', 'Mayor Jon Vik denied plans to close the tram line.'],
    ['emphasised', 'Mayor Jon Vik emphasised the need to close the tram line.'],
    ['underscored', 'Mayor Jon Vik underscored the need to close the tram line.'],
    ['reiterated', 'Mayor Jon Vik reiterated his plan to close the tram line.'],
    ['signalled', 'Mayor Jon Vik has signalled a plan to close the tram line.'],
    ['urged', 'Mayor Jon Vik urged residents to accept the tram line closure.'],
  ])('recognises `%s`', (cue, text) => {
    const [s] = run(text);
    expect(s?.cue).toBe(cue);
    expect(who(s)).toBe('Jon Vik');
    expect(s?.text).toMatch(/tram line/);
  });

  it('takes the speaker after `according to` and keeps the rest as what was said', () => {
    const [s] = run('The two leaders spoke by phone on Monday, according to a senior aide to Chancellor Eva Moll.');
    expect(s?.cue).toBe('according to');
    expect(s?.text).toBe('The two leaders spoke by phone on Monday');
  });

  it('resolves a description to the one person of the article with that role', () => {
    const text = ['The ministers met, according to a senior aide from the presidency.', 'Presidential aide Tomas Ruiz said the meeting went well.'].join('\n');
    expect(run(text).map(who)).toEqual(['Tomas Ruiz', 'Tomas Ruiz']);
  });

  it('gives participle cues the main clause speaker', () => {
    const list = run('Minister Ana Sousa dismissed the plan, stating that the costs were too high.');
    expect(list.map((s) => [s.cue, who(s), s.text])).toEqual([
      ['dismissed', 'Ana Sousa', 'the plan'],
      ['stating', 'Ana Sousa', 'the costs were too high'],
    ]);
  });

  it('reads parenthetical and trailing attributions, and the reporter is the speaker', () => {
    const text = [
      'Presidential envoy Mark Olsen briefed the press.',
      'The president supported direct talks, Olsen stated.',
      'The talks, he argued, had been useful.',
    ].join('\n');
    const list = run(text);
    expect(list.map((s) => [who(s), s.cue, s.text])).toEqual([
      ['Mark Olsen', 'stated', 'The president supported direct talks'],
      ['Mark Olsen', 'argued', 'The talks had been useful'],
    ]);
  });

  it('treats an outlet after `told` as the addressee, not the speaker', () => {
    const [s] = run('Economy Minister Petra Holm told the Morning Ledger that prices would fall.');
    expect(who(s)).toBe('Petra Holm');
    expect(s?.cue).toBe('told the Morning Ledger');
  });

  it('gives statements of bodies and anonymous sources, the source as the article describes it', () => {
    const list = run(
      [
        'The ministry denied any involvement.',
        'Western diplomats stressed that the deal was fragile.',
        'The ship was seized, as reported by sources to a local radio station.',
      ].join('\n'),
    );
    expect(list.map((s) => [s.mention?.name ?? null, s.mention?.kind ?? null])).toEqual([
      ['ministry', 'body'],
      ['Western diplomats', 'body'],
      ['sources', 'body'],
    ]);
  });

  it('skips negated, future and passive uses of speech verbs', () => {
    expect(run('Minister Ana Sousa did not confirm the deal.')).toEqual([]);
    expect(run('Minister Ana Sousa will announce the deal on Friday.')).toEqual([]);
    expect(run('The deal was announced on Friday.')).toEqual([]);
    expect(run('The stated goal of the talks is peace.')).toEqual([]);
  });

  it('does not report what is said inside another report', () => {
    const list = run('Aide Pavel Orlov said that the president stressed the need for talks.');
    expect(list).toHaveLength(1);
    expect(who(list[0])).toBe('Pavel Orlov');
  });
});

describe('pronouns and surnames', () => {
  it('resolves `He` to the speaker of the previous attribution, not the most frequent name', () => {
    const text = [
      'President Paul Adams said talks would go on. Adams said more. Adams said still more.',
      'Foreign Minister Luca Moretti underscored the need for guarantees.',
      'He emphasized strengthening the armed forces.',
    ].join('\n');
    const last = run(text).at(-1);
    expect(who(last)).toBe('Luca Moretti');
  });

  it('resolves `She` past a man to the last woman, two women in one paragraph to the right one', () => {
    const text = [
      'Trade Minister Rosa Diaz said the tariffs would go. Mr Hans Weber rejected that.',
      'She warned the talks could fail.',
      'Health Minister Ines Roth and Education Minister Clara Vogt met. Roth said the budget was tight. She added that cuts were coming.',
    ].join('\n');
    const list = run(text);
    expect(list.map(who)).toEqual(['Rosa Diaz', 'Hans Weber', 'Rosa Diaz', 'Ines Roth', 'Ines Roth']);
  });

  it('resolves a bare surname to the full name introduced earlier in the article', () => {
    const text = 'Senator Janet Okafor spoke first.\nOkafor said the bill would pass.';
    expect(who(run(text)[0])).toBe('Janet Okafor');
  });

  it('gives a pronoun with no antecedent no name: the quote is left out rather than given to someone', () => {
    expect(run('“The bill will pass,” he said.')).toEqual([]);
    expect(run('Harbor Road was quiet.\n“The bill will pass,” he said.').map((s) => s.mention?.name ?? null)).toEqual([]);
  });

  it('keeps no reported speech whose speaker stays unknown', () => {
    expect(run('He said the bill would pass.')).toEqual([]);
    expect(run('Olga Varga spoke first.\nShe said the bill would pass.').map((s) => s.mention?.name)).toEqual(['Olga Varga']);
  });
});

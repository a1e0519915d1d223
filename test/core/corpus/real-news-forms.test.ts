import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../src/core/corpus/parse-article.ts';
import { splitSentences } from '../../../src/core/corpus/sentences.ts';
import type { Article } from '../../../src/core/model.ts';

/** Forms of real news (archives, wire copy) the loader must read; every text here is made up. */
const parse = (text: string, file = 'story.txt'): Article => {
  const { article, issues } = parseArticle(file, text);
  if (!article) throw new Error(issues.map((i) => i.message).join('; '));
  return article;
};
const bodyTexts = (a: Article) => a.sentences.filter((s) => s.kind === 'body').map((s) => s.text);
const split = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('headlines of real news', () => {
  it('takes a first line that spells the front matter title as the headline, even ending with a full stop', () => {
    const a = parse(
      '---\ntitle: Council delays vote on transit plan\n---\nCouncil delays vote on transit plan.\n\nThe city council put off a vote on Tuesday.\n',
    );
    expect(bodyTexts(a)).toEqual(['The city council put off a vote on Tuesday.']);
    expect(a.title).toBe('Council delays vote on transit plan');
  });

  it('takes a headline and its deck on two lines when together they spell the title', () => {
    const a = parse(
      '---\ntitle: "Rates rise again; Lenders brace for a slower spring"\n---\nRates rise again; \nLenders brace for a slower spring.\n\nMortgage rates rose for a third week.\n',
    );
    expect(bodyTexts(a)).toEqual(['Mortgage rates rose for a third week.']);
  });

  it('takes a title-case first line with a full stop as the headline when nothing else says so', () => {
    const a = parse('The Long Road Back to the Harbor Front.\n\nWork on the harbor began in May. It will take years.\n');
    expect(a.title).toBe('The Long Road Back to the Harbor Front.');
    expect(bodyTexts(a)).toEqual(['Work on the harbor began in May.', 'It will take years.']);
  });

  it('keeps a one-sentence lead paragraph in sentence case as text', () => {
    const a = parse('The mayor resigned on Monday after a week of protests.\n\nHer deputy takes over until an election.\n');
    expect(bodyTexts(a)[0]).toBe('The mayor resigned on Monday after a week of protests.');
  });

  it('takes the line before a dateline paragraph as the headline', () => {
    const a = parse('Ferry line adds a night crossing.\n\nSPRINGFIELD (AP) — The ferry line will add a night crossing, officials said.\n');
    expect(a.title).toBe('Ferry line adds a night crossing.');
    expect(a.dateline?.place).toBe('SPRINGFIELD');
    expect(a.dateline?.outlet).toBe('AP');
    expect(bodyTexts(a)).toEqual(['The ferry line will add a night crossing, officials said.']);
  });
});

describe('datelines, markers and labels of real news', () => {
  it('finds a dateline that opens the second paragraph', () => {
    const a = parse(
      '---\ntitle: Port reopens\n---\nPort reopens\n\nA short deck about the port\n\nHARBORTON, March 3 (Example Wire) - The port reopened on Friday.\n',
    );
    expect(a.dateline).toMatchObject({ place: 'HARBORTON', month: 3, day: 3, outlet: 'Example Wire' });
  });

  it('takes no dateline from the second paragraph when the first is prose', () => {
    const a = parse(
      'Port reopens\n\nThe port reopened on Friday after a week of repairs, and ships that had waited outside the harbor for days began to unload their cargo at the quays before the end of the morning shift on the docks.\n\nHARBORTON (Example Wire) — A second item follows.\n',
    );
    expect(a.dateline).toBeUndefined();
  });

  it('reads the underscore dateline of older wire copy', () => {
    const a = parse('WESTBURY _ Officials opened the new bridge on Sunday.\n\nIt cost less than planned.\n');
    expect(a.dateline?.place).toBe('WESTBURY');
    expect(bodyTexts(a)[0]).toBe('Officials opened the new bridge on Sunday.');
  });

  it('drops archive markers and section labels, keeping the text they introduce', () => {
    const a = parse(
      [
        '---',
        'title: Budget talks stall; Local Scene',
        '---',
        'Budget talks stall; ',
        'Local Scene.',
        '',
        'ABSTRACT.',
        '',
        'Talks on the budget stalled again.',
        '',
        'FULL TEXT.',
        '',
        'Talks on the budget stalled again on Monday, officials said.',
        '',
        'CORRECTION APPENDED.',
        '',
        'Correction:',
        '',
        'An earlier version misstated the date.',
      ].join('\n'),
    );
    expect(bodyTexts(a)).toEqual([
      'Talks on the budget stalled again.',
      'Talks on the budget stalled again on Monday, officials said.',
      'An earlier version misstated the date.',
    ]);
  });

  it('drops a title-case label standing alone after the headline', () => {
    const a = parse('---\ntitle: Morning notes\n---\nMorning notes\n\nTOP STORIES.\n\nThe river rose overnight.\n');
    expect(bodyTexts(a)).toEqual(['The river rose overnight.']);
  });

  it('drops bylines of any case', () => {
    const a = parse('Ferry service resumes\n\nBy JANE Q. EXAMPLE\n\nThe ferry ran again on Monday.\n');
    expect(bodyTexts(a)).toEqual(['The ferry ran again on Monday.']);
  });

  it('drops a byline in capitals that ends a paragraph, and keeps prose that opens with "By"', () => {
    const a = parse(
      'Budget notes\n\nThe mayor will brief reporters on Monday. By JANE Q. EXAMPLE.\n\nBy Tuesday, the plan had changed. By then it was late.\n',
    );
    expect(bodyTexts(a)).toEqual(['The mayor will brief reporters on Monday.', 'By Tuesday, the plan had changed.', 'By then it was late.']);
  });

  it('drops follow, contact, sign-up and watch prompts standing alone on a line', () => {
    const a = parse(
      [
        'Ferry service resumes',
        '',
        'The ferry ran again on Monday.',
        '',
        'Follow Jane Example on Twitter @janeexample.',
        '',
        'Reach her directly at jane@example.com.',
        '',
        'For more, sign up for the Harbor Notes newsletter.',
        '',
        'Watch the full interview below:',
        '',
        'Follow the money, the auditor said, and the story is plain.',
      ].join('\n'),
    );
    expect(bodyTexts(a)).toEqual(['The ferry ran again on Monday.', 'Follow the money, the auditor said, and the story is plain.']);
  });

  it('repairs mojibake in the text and the title before anything reads them', () => {
    const a = parse('---\ntitle: "JosÃ© Ortiz wins"\n---\nJosÃ© Ortiz wins\n\nâ€œWe did it,â€\u009D said JosÃ© Ortiz.\n');
    expect(a.title).toBe('José Ortiz wins');
    expect(bodyTexts(a)).toEqual(['“We did it,” said José Ortiz.']);
  });
});

describe('sentences of real news', () => {
  it.each(['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Sen.', 'Rep.', 'Gov.', 'Gen.', 'Lt.', 'Sgt.', 'Rev.', 'St.'])('%s never ends a sentence', (abbr) => {
    expect(split(`The call came from ${abbr} Ann Example on Monday. She hung up.`)).toEqual([
      `The call came from ${abbr} Ann Example on Monday.`,
      'She hung up.',
    ]);
  });

  it('keeps middle initials and Jr. inside the sentence', () => {
    expect(split('Barry R. Example and Sam Example Jr. said the plan failed. They left.')).toEqual([
      'Barry R. Example and Sam Example Jr. said the plan failed.',
      'They left.',
    ]);
  });

  it.each([
    ['curly', '“We are ready. We will go,” she said. Then she left.'],
    ['straight', '"We are ready. We will go," she said. Then she left.'],
    ['doubled apostrophes', "''We are ready. We will go,'' she said. Then she left."],
    ['backticks', "``We are ready. We will go,'' she said. Then she left."],
    ['guillemets', '«We are ready. We will go,» she said. Then she left.'],
    ['single inside double', "''He said, 'Go home.' We are ready. We will go,'' she said. Then she left."],
    ['a closing mark typed as an opening one', '“We are ready. We will go,“ she said. Then she left.'],
  ])('keeps a quotation in one sentence: %s', (_, text) => {
    const parts = split(text);
    expect(parts).toHaveLength(2);
    expect(parts[1]).toBe('Then she left.');
  });

  it('keeps a quotation that opens right after a colon together', () => {
    expect(split('The aide wrote:"We are ready. We will go." Then she left.')).toEqual(['The aide wrote:"We are ready. We will go."', 'Then she left.']);
  });
});

import { describe, expect, it } from 'vitest';
import { extractStatements, type ExtractedStatement } from '../../../src/core/statements/extract-statements.ts';
import { findQuotations } from '../../../src/core/statements/quotes.ts';
import { tokenize } from '../../../src/core/statements/tokens.ts';
import { parseArticle } from '../../../src/core/corpus/parse-article.ts';
import { makeArticle } from '../../helpers/statements-article.ts';

// Conventions of real newswire text, on invented sentences, read by the real loader (its sentence splitter knows `Mr.`).
const run = (text: string) => {
  const parsed = parseArticle('t.txt', `---\ntitle: "A test"\n---\n${text.split('\n').join('\n\n')}\n`);
  return extractStatements(parsed.article!);
};
const direct = (list: ExtractedStatement[]) => list.filter((s) => s.kind === 'direct');
const who = (s: ExtractedStatement | undefined) => s?.mention?.name ?? null;

describe('archive quotation marks', () => {
  it('reads two apostrophes as one double quotation mark, with single quotes inside', () => {
    const text = "''The plan is 'dead on arrival,' and we know it,'' he said. A ''frank'' talk.";
    const qs = findQuotations(text, 0, text.length);
    expect(qs.map((q) => text.slice(q.content.start, q.content.end))).toEqual(["The plan is 'dead on arrival,' and we know it", 'frank']);
    expect(qs[0]!.marks).toBe('double');
    expect(text.slice(qs[0]!.close)).toBe(" he said. A ''frank'' talk.");
  });

  it('tokenizes a pair of apostrophes as one quotation mark', () => {
    expect(tokenize("''Yes,'' she said").map((t) => [t.text, t.type])).toEqual([
      ["''", 'q'],
      ['Yes', 'w'],
      [',', 'p'],
      ["''", 'q'],
      ['she', 'w'],
      ['said', 'w'],
    ]);
  });

  it('attributes a quote in two-apostrophe marks to the speaker after it', () => {
    const [q] = direct(run("Tomas Ekberg runs the depot.\n''We are out of salt,'' Mr. Ekberg said."));
    expect(q?.text).toBe('We are out of salt');
    expect(who(q)).toBe('Tomas Ekberg');
  });
});

describe('titles and initials', () => {
  it('keeps a title abbreviation and its full stop as one token, without the stop in lc', () => {
    const toks = tokenize('Sen. Ivo R. Delacroix and Mrs. Pell');
    expect(toks.map((t) => t.text)).toEqual(['Sen.', 'Ivo', 'R.', 'Delacroix', 'and', 'Mrs.', 'Pell']);
    expect(toks.map((t) => t.lc)).toEqual(['sen', 'ivo', 'r', 'delacroix', 'and', 'mrs', 'pell']);
  });

  it('reads a name after a title abbreviation and through a middle initial', () => {
    const qs = direct(run('“The vote is close,” said Sen. Ivo R. Delacroix of the Farm Caucus.\n“We will see,” said Mr. Ekberg of the Salt Institute.'));
    expect(qs.map(who)).toEqual(['Ivo R. Delacroix', 'Ekberg']);
  });
});

describe('the attribution frame after a quotation', () => {
  it('finds the speaker through an apposition, a relative clause or a possessive description', () => {
    const qs = direct(
      run(
        [
          '“The harbour is full,” Wilma Tarn, who ran the port authority during the 1990s, told a local radio station.',
          '“We lost a week,” Lionel J. Tarp, the mayor’s deputy transport adviser, said on Sunday.',
          '"By March, the road was gone," Tarn’s ferry manager, Odd Welle, said in an interview.',
        ].join('\n'),
      ),
    );
    expect(qs.map(who)).toEqual(['Wilma Tarn', 'Lionel J. Tarp', 'Odd Welle']);
  });

  it('reads a lower-case title before a name, on either side of the verb', () => {
    const qs = direct(run('“Turnout is the key,” said county pollster Ivo Brandt.\n“Nobody saw it coming,” assistant harbour master Lea Sund said.'));
    expect(qs.map(who)).toEqual(['Ivo Brandt', 'Lea Sund']);
  });

  it('knows more speech verbs next to a quotation, but does not report speech from them alone', () => {
    const qs = run('“Too slow by far,” grumbled Ove Tamm, 64, who runs the ferry.\nTamm continued to sail all winter.');
    expect(direct(qs).map(who)).toEqual(['Ove Tamm']);
    expect(qs.filter((s) => s.kind === 'reported')).toEqual([]);
  });

  it('does not take a passive or a request for anonymity as speech', () => {
    const qs = run('When Ned Orr was asked about the ferry, he paused and said, “Ask me in May.”\nA clerk, who asked not to be named, left early.');
    expect(direct(qs).map(who)).toEqual(['Ned Orr']);
    expect(qs.filter((s) => s.kind === 'reported')).toEqual([]);
  });
});

describe('more attribution frames', () => {
  it('reads the attribution after a question or exclamation the loader cut off as its own sentence', () => {
    const qs = direct(run("Lena Vos runs the clinic.\n''Who pays for the ferry?'' Ms. Vos asked.\n\"Not us!\" Vos shouted."));
    expect(qs.map(who)).toEqual(['Lena Vos', 'Lena Vos']);
  });

  it('takes the inverted attribution after the writer’s words, and a circumstance before the quote', () => {
    const qs = direct(
      run(
        '"The harbour would stay shut" if the vote failed, said Dora Lund, an engineer.\nSen. Ron Pike, D-Xyz., said in a letter to the board, “The office failed.”',
      ),
    );
    expect(qs.map(who)).toEqual(['Dora Lund', 'Ron Pike']);
    expect(run('Sen. Ron Pike, D-Xyz., said in a letter to the board, “The office failed.”').filter((s) => s.kind === 'reported')).toEqual([]);
  });

  it('gives the quote of the next paragraph to a cue ending in a colon', () => {
    const qs = direct(run('Ola Brenn spoke last.\nBrenn continued:\n“Look at the tide tables. Why?”'));
    expect(qs.map(who)).toEqual(['Ola Brenn']);
  });

  it('gives a quotation no verb claims to the subject of the sentence, not to a name in a relative clause', () => {
    const qs = direct(
      run(
        'Speaking at a pier in Vela, Tom Ruiz praised Bell, calling him “a careful pilot.”\nAnna Holm thanked him for “keeping the lights on.”\nIn May, Ruiz and Bell held a meeting, which was deemed “very useful” by both.',
      ),
    );
    expect(qs.map(who)).toEqual(['Tom Ruiz', 'Anna Holm', null]);
  });
});

describe('pronouns and descriptions', () => {
  it('does not give a pronoun to someone whose first name is of the other gender', () => {
    const qs = direct(run('Tom Ruiz spoke first. Anna Lee spoke next.\nShe called his plan “a fine idea for the pier.”\n“We are done,” he said.'));
    expect(qs.map(who)).toEqual(['Anna Lee', 'Tom Ruiz']);
  });

  it('does not give a pronoun to a place that looks like a name', () => {
    // The pronoun stays unresolved: the quote is left out rather than given to the place (or shown without a speaker).
    const qs = direct(run('Crowds gathered on Harbor Avenue at noon.\n“We will stay,” he said.'));
    expect(qs.map(who)).toEqual([]);
  });

  it('finds `the governor` through an abbreviated title', () => {
    const qs = direct(run('Gov. Chris Lane toured the plant.\n“I have known it for years,” the governor said.'));
    expect(qs.map(who)).toEqual(['Chris Lane']);
  });
});

describe('reported speech on real news', () => {
  const reported = (list: ExtractedStatement[]) => list.filter((s) => s.kind === 'reported').map((s) => [who(s), s.text]);

  it('keeps the apposition of an inverted attribution out of what was said', () => {
    expect(reported(run('The ferry runs late in winter, said Mark Oden, a harbour pilot who has sailed it for years.'))).toEqual([
      ['Mark Oden', 'The ferry runs late in winter'],
    ]);
  });

  it('reads poll shares, plural possessives and ages as speakers', () => {
    expect(
      reported(
        run(
          "In the survey, 21 percent said they would take the bus.\nNine in 10 said the ferry was too slow.\nWalters' team said the board ignores the tides.\nMarta Lind, 21, a student from Vela, said she came for the boats.",
        ),
      ),
    ).toEqual([
      ['21 percent', 'they would take the bus'],
      ['Nine in 10', 'the ferry was too slow'],
      ["Walters' team", 'the board ignores the tides'],
      ['Marta Lind', 'she came for the boats'],
    ]);
  });
});

describe('according to a source in lower case', () => {
  it('reads a poll or an article as the source, and keeps the rest of the source out of what it says', () => {
    const qs = run(
      'The ferry leads with 24 percent, according to a recent survey by Harbor Research.\nAccording to the same survey, the bus fell behind in August.',
    ).filter((s) => s.kind === 'reported');
    expect(qs.map((s) => [who(s), s.text])).toEqual([
      ['recent survey', 'The ferry leads with 24 percent'],
      ['same survey', 'the bus fell behind in August'],
    ]);
  });
});

describe('told and its object', () => {
  const reported = (list: ExtractedStatement[]) => list.filter((s) => s.kind === 'reported').map((s) => [who(s), s.cue, s.text]);

  it('keeps an outlet named with Post whole and the description before an apposed name out of the content', () => {
    expect(reported(run('Despite the storms, the ferry still sails, its chief engineer, Ivar Holm, told The Harbor Post.'))).toEqual([
      ['Ivar Holm', 'told The Harbor Post', 'Despite the storms, the ferry still sails'],
    ]);
  });

  it('does not let a cue with its own that-clause claim the quotation before it', () => {
    const qs = run('Citing “the low tide,” the harbour’s spokeswoman told reporters that the ferry will wait.');
    expect(reported(qs)).toEqual([['the harbour’s spokeswoman', 'told reporters', 'the ferry will wait']]);
  });
});

describe('appositions around the speaker of reported speech', () => {
  const reported = (list: ExtractedStatement[]) => list.filter((s) => s.kind === 'reported').map((s) => [who(s), s.text]);

  it('reads past a role of an organisation and a relative clause to the name', () => {
    expect(reported(run('But Eva Strand, acting director of the Harbor League, which wrote the letter, said the reply came too late.'))).toEqual([
      ['Eva Strand', 'the reply came too late'],
    ]);
  });

  it('takes the name apposed to a description after an inverted verb', () => {
    expect(reported(run('The pier was never safe, said a former spokesman for the port, Knut Berg, who later ran the school.'))).toEqual([
      ['Knut Berg', 'The pier was never safe'],
    ]);
  });
});

describe('quotes over several paragraphs and guillemets', () => {
  it('gives the earlier paragraphs of a quotation attributed only at its end the same speaker', () => {
    const qs = direct(run('Ana Ruiz spoke to the crowd.\n"The first boat came in the spring. Then the second.\n"By autumn we had a harbour," Ruiz said.'));
    expect(qs.map((q) => [q.text, who(q)])).toEqual([
      ['The first boat came in the spring. Then the second', 'Ana Ruiz'],
      ['By autumn we had a harbour', 'Ana Ruiz'],
    ]);
  });

  it('reads guillemets like double quotation marks', () => {
    const qs = extractStatements(makeArticle('Mayor Ed Hale spoke.\nMayor Ed Hale replied: «We agree on this.»\n«It is over,» said Hale.')).filter(
      (s) => s.kind === 'direct',
    );
    expect(qs.map((q) => [q.text, who(q)])).toEqual([
      ['We agree on this', 'Ed Hale'],
      ['It is over', 'Ed Hale'],
    ]);
  });
});

describe('role words that are surnames', () => {
  it('reads King or Prince after a first name, an initial or a title as a surname', () => {
    const qs = direct(
      run('Owen Prince runs the ferry.\n“It is risky,” Mr. Prince said.\n“It is not easy,” said Representative Ada R. King of Vela, who backed him.'),
    );
    expect(qs.map(who)).toEqual(['Owen Prince', 'Ada R. King']);
  });
});

import { describe, expect, it } from 'vitest';
import { extractStatements, type ExtractedStatement } from '../../../src/core/statements/extract-statements.ts';
import { findQuotations } from '../../../src/core/statements/quotes.ts';
import { tokenize } from '../../../src/core/statements/tokens.ts';
import { parseArticle } from '../../../src/core/corpus/parse-article.ts';

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
    expect(text.slice(qs[0]!.close)).toBe(' he said. A \'\'frank\'\' talk.');
  });

  it('tokenizes a pair of apostrophes as one quotation mark', () => {
    expect(tokenize("''Yes,'' she said").map((t) => [t.text, t.type])).toEqual([["''", 'q'], ['Yes', 'w'], [',', 'p'], ["''", 'q'], ['she', 'w'], ['said', 'w']]);
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
    const qs = direct(run([
      '“The harbour is full,” Wilma Tarn, who ran the port authority during the 1990s, told a local radio station.',
      '“We lost a week,” Lionel J. Tarp, the mayor’s deputy transport adviser, said on Sunday.',
      '"By March, the road was gone," Tarn’s ferry manager, Odd Welle, said in an interview.',
    ].join('\n')));
    expect(qs.map(who)).toEqual(['Wilma Tarn', 'Lionel J. Tarp', 'Odd Welle']);
  });

  it('reads a lower-case title before a name, on either side of the verb', () => {
    const qs = direct(run('“Turnout is the key,” said county pollster Ivo Brandt.\n“Nobody saw it coming,” assistant athletic director Bryan Marsh said.'));
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

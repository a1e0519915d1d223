import { describe, expect, it } from 'vitest';
import { extractStatements, type ExtractedStatement } from '../../../src/core/statements/extract-statements.ts';
import { parseArticle } from '../../../src/core/corpus/parse-article.ts';

// Who said a direct quote, on invented sentences read by the real loader: the patterns real news uses.
const run = (text: string) => {
  const parsed = parseArticle('t.txt', `---\ntitle: "A test"\n---\n${text.split('\n').join('\n\n')}\n`);
  return extractStatements(parsed.article!);
};
const direct = (list: ExtractedStatement[]) => list.filter((s) => s.kind === 'direct');
const who = (s: ExtractedStatement | undefined) => s?.mention?.name ?? null;
const quoteBy = (list: ExtractedStatement[], words: string) => who(direct(list).find((s) => s.text.includes(words)));

describe('names after a possessive', () => {
  it("does not take a place after a possessive (`Vela's Port Alda rally`) for a person a pronoun can stand for", () => {
    const list = run('John Ekberg spoke on Monday. Vela\'s Port Alda rally was full.\n"We will win this county," he told the crowd.');
    expect(quoteBy(list, 'win this county')).toBe('John Ekberg');
  });

  it("keeps a person named after an outlet's possessive (`the Ledger's Ana Ruiz said`)", () => {
    const list = run('"The count is not over," the Vela Ledger\'s Mirta Olsson said on Tuesday.');
    expect(quoteBy(list, 'count is not over')).toBe('Mirta Olsson');
  });
});

describe('bare surnames', () => {
  it('does not read a bare name as the first word of a place named earlier (`Ekberg` is not `Ekberg Lindqvist`)', () => {
    const list = run('The rally took place at Ekberg Lindqvist on the coast.\n"We will win this county," Ekberg said.');
    expect(quoteBy(list, 'win this county')).toBe('Ekberg');
  });
});

describe('the frame after a quotation', () => {
  it('takes the name that opens the frame, not a word of its asides (`Ana Ruiz, 30, of Alda, N.C., who …, said`)', () => {
    const list = run('"The roads are a mess," Mirta Olsson, 30, of Alda, N.C., who was among those asked, said on Monday.');
    expect(quoteBy(list, 'roads are a mess')).toBe('Mirta Olsson');
  });
});

describe('a sentence that is all quotation, with no frame of its own', () => {
  it('goes on with the last attributed quote of its paragraph, across a sentence about the speaker', () => {
    const list = run('"The road is closed," said Mirta Olsson, who runs the depot. She has worked there for 24 years. "But I like the night shift."');
    expect(quoteBy(list, 'night shift')).toBe('Mirta Olsson');
  });

  it('takes the named subject of the sentence before it', () => {
    const list = run('Mirta Olsson says she got a call from the depot on Monday. "They told me the road was closed."');
    expect(quoteBy(list, 'road was closed')).toBe('Mirta Olsson');
  });

  it('takes the named subject of the last sentence of the paragraph before, for a paragraph that is all quotation', () => {
    const list = run('Mirta Olsson praised the crews for their work on the bridge.\n"We need people who finish the job."');
    expect(quoteBy(list, 'finish the job')).toBe('Mirta Olsson');
  });

  it('does not take a capitalised word standing alone for a subject (`Pause.`)', () => {
    const list = run('The crews worked all night.\nPause.\n"We need people who finish the job."');
    expect(quoteBy(list, 'finish the job')).toBeNull();
  });
});

describe('split quotations', () => {
  it('gives the first part the speaker of the frame after the second part', () => {
    const list = run("''The delays are painful'' but needed ''for the long-term health of the port,'' Mirta Olsson said.");
    expect(quoteBy(list, 'delays are painful')).toBe('Mirta Olsson');
    expect(quoteBy(list, 'long-term health')).toBe('Mirta Olsson');
  });

  it('does not reach past a full stop for the second part', () => {
    const list = run('The crews called it "painful." "It is over," Mirta Olsson said.');
    expect(quoteBy(list, 'painful')).not.toBe('Mirta Olsson');
  });
});

describe('a sentence that opens with a quotation and adds a few words', () => {
  it('goes on with the speaker before it when no frame follows', () => {
    const list = run('"The road is closed," said Mirta Olsson. "I think the crews will care most about the bridge" and the other repairs.');
    expect(quoteBy(list, 'care most about the bridge')).toBe('Mirta Olsson');
  });

  it('leaves a quotation ending in a comma to its own frame', () => {
    const list = run('"The road is closed," said Mirta Olsson. "The bridge is next," the two crews write.');
    expect(quoteBy(list, 'bridge is next')).not.toBe('Mirta Olsson');
  });
});

describe('verbs that attribute a quotation next to them', () => {
  it('reads `reported` and `shot back` as the frame of a quotation', () => {
    const list = run('"The port will reopen on Friday," the Vela Ledger reported. "Not before we see the plan," Mirta Olsson shot back.');
    expect(quoteBy(list, 'port will reopen')).toBe('Vela Ledger');
    expect(quoteBy(list, 'see the plan')).toBe('Mirta Olsson');
  });

  it('does not read `reported` away from a quotation as speech', () => {
    const list = run('The ministry reported higher exports in May.');
    expect(list.filter((s) => s.cue === 'reported')).toEqual([]);
  });
});

describe('quotations with no speaker found', () => {
  it('leaves out a quotation the text attributes but we cannot, rather than show it without a speaker', () => {
    expect(direct(run('The crews worked through the night, and the mood was calm "until the lights went out" at the port.'))).toEqual([]);
    expect(direct(run('Crowds gathered at noon.\n"We will stay," he said.'))).toEqual([]);
  });

  it('keeps a quotation the text itself leaves unattributed: after a passive, after a colon, a paragraph of its own', () => {
    const unattributed = (text: string) => direct(run(text)).map((s) => [s.text, who(s)]);
    expect(unattributed('The talks were deemed "very productive" in the end.')).toEqual([['very productive', null]]);
    expect(unattributed('A line going round the port summed up the mood: "Four ships, three crews, one week."')).toEqual([
      ['Four ships, three crews, one week', null],
    ]);
    expect(unattributed('The port was quiet on Tuesday.\n"We just want them home before the summer."')).toEqual([
      ['We just want them home before the summer', null],
    ]);
  });
});

describe('titles in quotation marks', () => {
  it("does not take a show's or a book's title after a possessive for something said", () => {
    const list = run('"The port will reopen," Mirta Olsson told the Vela Channel\'s "Morning Harbour" on Monday.');
    expect(direct(list).map((s) => s.text)).toEqual(['The port will reopen']);
    const said = run('Mirta Olsson said during an interview on the Vela Channel\'s "Morning Harbour Report" that the port would reopen.');
    expect(direct(said)).toEqual([]);
  });
});

describe('names of bodies in Title Case', () => {
  it('does not give a pronoun to the last word of a body named in Title Case (`Alda State College`)', () => {
    const list = run('Students from Alda State College marched to the port on Monday.\n"We will stay until the port reopens," she said.');
    expect(direct(list).map(who)).not.toContain('College');
  });
});

describe('an adverbial opening the sentence', () => {
  it('does not read a capitalised adverb or participle opening the sentence as the speaker (`Soon after, …`, `Dashing into …`)', () => {
    const soon = run('Soon after, Mrs. Alder agreed to keep the matters apart, with a pledge to "not take part in any matter" at all.');
    expect(quoteBy(soon, 'not take part')).toBe('Alder');
    const dash = run('Dashing into a lunch, Senator Ada Lind, Republican of Vela, called over her shoulder, "His words are not helping."');
    expect(quoteBy(dash, 'not helping')).toBe('Ada Lind');
  });

  it('keeps a name ending in -ing before a speech verb (`Manning said`)', () => {
    expect(quoteBy(run('Manning said, "We are ready for the storm."'), 'ready for the storm')).toBe('Manning');
  });
});

describe('asides between the subject and its verb', () => {
  it('skips a relative clause that names someone else (`Olsson, whose firm, Datafix, …, said`)', () => {
    const firm = run('Mr. Olsson, whose latest firm, Datafix, helps brands find suppliers, said Ms. Alder was "a start-up kind of person."');
    expect(quoteBy(firm, 'start-up kind')).toBe('Olsson');
    const heads = run(
      'Senator Ken Dorn, the Vela Republican who heads the Farm Committee, which oversees the board, said her gifts "call into question the independence" of it.',
    );
    expect(quoteBy(heads, 'call into question')).toBe('Ken Dorn');
  });

  it('keeps the subject of a relative clause (`which Dorn had called "a disaster"`)', () => {
    const list = run('And the Free Trade Pact, which Dorn had called a "disaster" and promised to "rip up"? Not a word.');
    expect(quoteBy(list, 'disaster')).toBe('Dorn');
  });

  it('skips a place and its state ending an aside (`Alder, at a meeting in Alda, Vela, said`)', () => {
    const list = run('Alder, during a town hall meeting in Alda, Vela, said she was "going to put a lot of miners out of work."');
    expect(quoteBy(list, 'miners out of work')).toBe('Alder');
  });
});

describe('a verb that takes a particle, right before the quotation', () => {
  it('attributes `what Dorn called "…"` to Dorn, not to the sentence subject', () => {
    const list = run('Alda sought the fair in the hope of shedding what Dorn called "a perception problem."');
    expect(quoteBy(list, 'perception problem')).toBe('Dorn');
  });
});

describe('more frames', () => {
  it('takes the subject of the clause before a colon, after an opening clause with its own cue', () => {
    const list = run('When Dorn suggested that Vela would sue the town, Ruiz fired back hard: "If they sue us in a court in Alda, they are going to lose."');
    expect(quoteBy(list, 'going to lose')).toBe('Ruiz');
  });

  it('reads a name with a party tag before an aside (`Sen. Ken Dorn (D-Vela), noting …, said`)', () => {
    const list = run('But Sen. Ken Dorn (D-Vela), noting the size of the crowd, said, "Let me tell you, he has a heck of a list."');
    expect(quoteBy(list, 'heck of a list')).toBe('Ken Dorn');
  });
});

describe('indefinite descriptions', () => {
  it('does not take `a`/`one` + role for the person of that role named earlier: it brings in someone unnamed', () => {
    const a = run(
      'Ken Dorn, an adviser to the mayor, spoke on Monday.\n"We have a ton of work to do," said a longtime adviser to the mayor, who asked not to be named.',
    );
    expect(quoteBy(a, 'ton of work')).toBe('a longtime adviser');
    const one = run('Ken Dorn, a Vela aide, spoke.\n"That does not mean no response," one Alda aide said late last month.');
    expect(quoteBy(one, 'no response')).toBe('one Alda aide');
  });

  it('resolves an indefinite description to the role holder the article names only after it', () => {
    const list = run('The talks were "candid and very useful," according to a senior aide from the palace.\nPalace aide Ken Dorn said the talks went on.');
    expect(quoteBy(list, 'candid and very useful')).toBe('Ken Dorn');
  });

  it('still resolves the definite description to the person named with that role', () => {
    const list = run('Ken Dorn, the Vela mayor, spoke.\n"That does not mean no response," the mayor said.');
    expect(quoteBy(list, 'no response')).toBe('Ken Dorn');
  });
});

describe('pronouns', () => {
  it('takes the person opening the sentence before last over a later mention (`Orr … ties to Baker. But he … . "…," he said`)', () => {
    const list = run(
      'Ken Orr, a union man, had close ties to Senator Jim Baker. But on Sunday he finally gave Ada Lind a warm nod.\n"We need someone who fights hard," he said.',
    );
    expect(quoteBy(list, 'fights hard')).toBe('Ken Orr');
  });
});

describe('a byline under the quotation', () => {
  it('takes the name on a dash line after a quotation that is its own paragraph', () => {
    const list = run('The town met on Monday.\n"The whole idea of a crooked mayor is something we hear all the time."\n-Ada Lind, Alda.\nThe vote is next.');
    expect(quoteBy(list, 'crooked mayor')).toBe('Ada Lind');
    const bullet = run('The town met.\n"Great speech. She is ready."\n- Mayor Ken Dorn, after the speech.');
    expect(quoteBy(bullet, 'Great speech')).toBe('Ken Dorn');
  });

  it('does not take a bullet that goes on as a sentence for a byline', () => {
    const list = run('The town met.\n"Great speech. She is ready."\n- Ken Dorn won the vote in May.');
    expect(quoteBy(list, 'Great speech')).not.toBe('Ken Dorn');
  });
});

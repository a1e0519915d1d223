import { describe, expect, it } from 'vitest';
import { extractStatements, type ExtractedStatement } from '../../../src/core/statements/extract-statements.ts';
import { resolveSpeakers } from '../../../src/core/statements/resolve-speakers.ts';
import { makeArticle } from '../../helpers/statements-article.ts';

const run = (text: string, id = 'test') => extractStatements(makeArticle(text, id));
const who = (s: ExtractedStatement | undefined) => s?.mention?.name ?? null;

describe('speakers known only by a description', () => {
  it('names the description up to its head noun, the whole phrase as its role', () => {
    const list = run(
      [
        '"We will appeal," said a spokesman for the port authority.',
        'A source close to the talks said the deal was off.',
        '"Nobody wins," one steel trader in Leith said.',
      ].join('\n'),
    );
    expect(list.map(who)).toEqual(['a spokesman', 'A source', 'one steel trader']);
    expect(list[0]?.mention?.role).toBe('a spokesman for the port authority');
    expect(list[0]?.mention?.gender).toBe('male');
    expect(list[2]?.mention?.kind).toBe('person');
  });

  it('leaves `the minister` unknown when ministers are named but none can be chosen, and a time or clause is no speaker', () => {
    const a = run('Trade Minister Ola Dahl and Deputy Minister Eva Lund met.\n"It is a regional problem," the minister said.');
    expect(who(a.at(-1))).toBeNull();
    const b = run('The next day said it all, and the vote went ahead.');
    expect(b.every((s) => s.mention === null)).toBe(true);
  });

  it('lets a pronoun right after an indefinite description stand for it, not for a person named earlier', () => {
    const list = run(
      ['Mayor Karl Moe opened the new bridge on Monday.', '"The tolls are too high," a local shopkeeper said. "He promised they would fall," he added.'].join(
        '\n',
      ),
    );
    expect(list.map(who)).toEqual(['a local shopkeeper', 'a local shopkeeper']);
  });

  it('keeps two articles’ spokesmen apart when speakers are merged, and does not merge a group into a person', () => {
    const a = run('"No comment," a spokesman said.', 'one');
    const b = run('"We disagree," a spokesman said.\nRepublicans said the plan was flawed.', 'two');
    const c = run('Vela County Republican said the plan was fine.\nVela Democratic said the plan was fine.\nDemocrats said it was not.', 'three');
    const { statements, speakers } = resolveSpeakers([...a, ...b, ...c]);
    const ids = statements.map((s) => s.speakerId);
    expect(ids[0]).not.toBe(ids[1]);
    const spokesmen = speakers.filter((s) => s.name === 'a spokesman');
    expect(spokesmen.map((s) => s.articles)).toEqual([['one'], ['two']]);
    expect(statements.map((s) => s.speaker)).toEqual(['a spokesman', 'a spokesman', 'Republicans', 'Vela County Republican', 'Vela Democratic', 'Democrats']);
  });
});

describe('the frame after a quotation, read loosely when the cue finder finds no speaker', () => {
  it('reads `said <name>, <apposition>` and `<name>, <asides>, said`', () => {
    const list = run(
      [
        '"Thanks for coming," said master of ceremonies Omar Tabchi, an engineer who moved here decades ago.',
        '"It is an expensive model," said Will Dorne, a professor of economics at Vela University in Lund, Sweden.',
        '"I do not know where he stands," said undecided voter Stephanie Hooton of Derry, before the barn event.',
        '"I just do not think so," Cecelia Purner, 67, a retired clerk in Allentown, Pa., said in an interview.',
      ].join('\n'),
    );
    expect(list.map(who)).toEqual(['Omar Tabchi', 'Will Dorne', 'Stephanie Hooton', 'Cecelia Purner']);
    expect(list.map((s) => s.cue)).toEqual(['said', 'said', 'said', 'said']);
  });

  it('does not override a speaker deliberately left unknown', () => {
    const a = run('Governor Ada Stone and Governor Tom Reyes met.\n"I have known him for years," the governor said, before leaving.');
    expect(who(a.at(-1))).toBeNull();
  });
});

describe('a bare name and the places named after it', () => {
  it('does not take `Vela` for the given name of `Vela Tower`', () => {
    const list = run('Supporters gathered outside Vela Tower on Monday, and the tower was lit.\nVela said the crowd was the largest yet.');
    expect(list.map(who)).toEqual(['Vela']);
    const korean = run('Foreign Minister Park Jae-won arrived on Monday.\nPark said the talks would resume.');
    expect(korean.map(who)).toEqual(['Park Jae-won']);
  });
});

describe('the name opening a sentence, before asides the subject reader does not take', () => {
  it('reads `Name, 29, of Town, St., says …` and `Name, role - which … - said …`', () => {
    const list = run(
      [
        'Bria Stone, 29, of Lund, Ala., says her biggest concern is the harbour.',
        'Nils Sroka, director of the group Harbour First - which was founded by Ada Lind and which backs the plan - said the city has several options.',
        'On Friday, after a long meeting, the council said nothing.',
      ].join('\n'),
    );
    expect(list.map((s) => [who(s), s.text])).toEqual([
      ['Bria Stone', 'her biggest concern is the harbour'],
      ['Nils Sroka', 'the city has several options'],
    ]);
  });
});

describe('the subject after an opening adverbial with a place in it', () => {
  it('skips a place between the commas (`in Lund, Vela,`) to the phrase followed by its verb', () => {
    const list = run('At a campaign event in Lund, Vela, on Sunday, Senator Ada Stone expanded on her plan, saying that the port should reopen.');
    expect(list.map((s) => [who(s), s.text])).toEqual([['Ada Stone', 'the port should reopen']]);
  });
});

describe('a pronoun after a speaker named only by a bare surname', () => {
  it('stands for that speaker, not for someone named earlier, and never for an abbreviation or a common word', () => {
    const a = run(
      'Mayor Karl Moe opened the hearing.\nThe defence spoke for an hour. Brafman said the case was weak.\nHe concluded, "There is not a single case like it."',
    );
    expect(a.map(who)).toEqual(['Brafman', 'Brafman']);
    const b = run('Mayor Karl Moe opened the hearing.\nD.C. said the case was weak.\n"It is a shame," he said.');
    expect(who(b.at(-1))).not.toBe('D.C.');
  });
});

describe('`according to` a document by a named author', () => {
  it('takes the author as the source, and keeps a document without one', () => {
    const list = run('According to an analysis by the Vela Research Center, turnout hit a record.\nAccording to a count by the Lund Herald, 40 ships left.');
    expect(list.map(who)).toEqual(['Vela Research Center', 'Lund Herald']);
  });
});

describe('verbs of how something was said, next to a quotation only', () => {
  it('attributes `"…," an angry Lind retaliated` and `"…," agrees Ada Stone`, but reads no speech in `slammed the door`', () => {
    const list = run(
      [
        '"Vela will always be Vela," an angry Lind retaliated.',
        '"Our ideas are different," agrees Ada Stone, 30, of Lund.',
        'He slammed the door. His comments drew fire.',
        'Mayor Karl Moe promised that the port would reopen.',
      ].join('\n'),
    );
    expect(list.map((s) => [s.kind, who(s), s.cue])).toEqual([
      ['direct', 'Lind', 'retaliated'],
      ['direct', 'Ada Stone', 'agrees'],
      ['reported', 'Karl Moe', 'promised'],
    ]);
  });
});

describe('a coordinated speech verb after an opening adverbial', () => {
  it('takes the subject after the adverbial’s comma: `Eight years ago, Ada Stone backed Moe and said, "…"`', () => {
    const list = run('Mayor Karl Moe spoke first.\nEight years ago, Ada Stone backed Moe over Lind and said, "He has done nothing for us."');
    // The endorsement (`backed Moe`) is hers too: an attribution of its own since endorsements are read.
    expect(list.map((s) => [s.kind, who(s), s.text])).toEqual([
      ['reported', 'Ada Stone', 'Moe'],
      ['direct', 'Ada Stone', 'He has done nothing for us'],
    ]);
  });
});

describe('documents and signs as speakers of a quotation', () => {
  it('reads `"…," the note says`, `"…," the email read` and `"…" read one banner`', () => {
    const list = run(['"You are a total loser!" the note says.', '"Let me be blunt," the email read.', '"Vela is great!" read one banner.'].join('\n'));
    expect(list.map(who)).toEqual(['the note', 'the email', 'one banner']);
  });
});

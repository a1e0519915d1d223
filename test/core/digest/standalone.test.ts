import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanOpening, dropReportDay, openingName, opensWithReference } from '../../../src/core/digest/standalone.ts';
import { makeReferents, standAlone } from '../../../src/core/digest/referents.ts';
import type { Speaker, Statement } from '../../../src/core/model.ts';

describe('cleanOpening', () => {
  it('cuts a wire dateline, a leading connective and a leading time phrase', () => {
    expect(cleanOpening('VELMORA, Ostrelia (Harbor Wire) _ The council approved the dam on a close vote.')).toBe(
      'The council approved the dam on a close vote.',
    );
    expect(cleanOpening('-- The council approved the dam on a close vote.')).toBe('The council approved the dam on a close vote.');
    expect(cleanOpening('However, the council approved the dam on a close vote.')).toBe('The council approved the dam on a close vote.');
    expect(cleanOpening('Only Monday, the council approved the dam on a close vote.')).toBe('The council approved the dam on a close vote.');
    expect(cleanOpening('But earlier this week, the council approved the dam.')).toBe('The council approved the dam.');
    expect(cleanOpening('Earlier in the week, the council approved the dam.')).toBe('The council approved the dam.');
    expect(cleanOpening('Moll winner: The council approved the dam on a close vote.')).toBe('The council approved the dam on a close vote.');
    expect(cleanOpening('MOLL: The council approved the dam on a close vote.')).toBe('MOLL: The council approved the dam on a close vote.');
    expect(cleanOpening('The council approved three things: Dams, roads and schools.')).toBe('The council approved three things: Dams, roads and schools.');
  });

  it('leaves a sentence alone when there is nothing to cut or too little would remain', () => {
    const s = 'In 1997, the council approved the dam on a close vote.';
    expect(cleanOpening(s)).toBe(s);
    expect(cleanOpening('However, it did.')).toBe('However, it did.');
  });

  it('never grows a text and never throws (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        expect(cleanOpening(s).length).toBeLessThanOrEqual(s.trim().length);
      }),
    );
  });
});

describe('opening references', () => {
  it('finds pronouns and definite references back, not names or plain subjects', () => {
    for (const s of [
      'He said the dam would open.',
      'They said the changes were final.',
      'The report warns of floods.',
      'The remarks came a day later.',
      'This was denied.',
    ])
      expect(opensWithReference(s), s).toBe(true);
    for (const s of ['The council approved the dam.', 'Heavy rain flooded the valley.', 'Theresa Moll said the dam would open.', 'Their'])
      expect(opensWithReference(s), s).toBe(s === 'Their');
    expect(openingName('Moll said the dam would open.')).toBe('Moll');
    expect(openingName('The council said so.')).toBe('The');
  });
});

describe('standAlone with the speaker resolver', () => {
  const speakers: Speaker[] = [
    { id: 'theresa-moll', name: 'Theresa Moll', kind: 'person', roles: ['water minister'], aliases: ['Theresa Moll', 'Moll'], count: 2, articles: ['a'] },
  ];
  const statements: Statement[] = [
    {
      article: 'a',
      sentence: 3,
      speaker: 'Theresa Moll',
      speakerId: 'theresa-moll',
      kind: 'reported',
      text: 'x',
      span: { start: 0, end: 1 },
      cue: 'said',
      sentenceText: 'She said x.',
      topics: [],
    },
  ];
  const referents = makeReferents(statements, speakers);

  it('names the person behind a leading pronoun, with the role on first mention only', () => {
    const mentioned = new Set<string>();
    expect(standAlone('She said the dam would open in May.', { article: 'a', sentence: 3 }, referents, mentioned)).toBe(
      'Theresa Moll, water minister, said the dam would open in May.',
    );
    expect(standAlone('She said the dam would open in May.', { article: 'a', sentence: 3 }, referents, mentioned)).toBe(
      'Theresa Moll said the dam would open in May.',
    );
  });

  it('introduces a bare surname in full once, and keeps it bare after the full name was shown', () => {
    expect(standAlone('Moll said the dam would open.', { article: 'b', sentence: 0 }, referents, new Set())).toBe(
      'Theresa Moll, water minister, said the dam would open.',
    );
    const seen = new Set<string>();
    standAlone('Theresa Moll opened the dam.', { article: 'b', sentence: 1 }, referents, seen);
    expect(standAlone('Moll said the dam would open.', { article: 'b', sentence: 0 }, referents, seen)).toBe('Moll said the dam would open.');
  });

  it('does not use a point whose opening surname is someone else than the full name it writes later', () => {
    expect(standAlone('Moll is the father of Theresa Moll, who runs the dam.', { article: 'b', sentence: 4 }, referents, new Set())).toBeUndefined();
  });

  it('gives a person quoted by full name their role on first mention, not when the sentence describes them', () => {
    const seen = new Set<string>();
    expect(standAlone('"The dam is safe," Theresa Moll said on the radio.', { article: 'b', sentence: 2 }, referents, seen)).toBe(
      '"The dam is safe," Theresa Moll, water minister, said on the radio.',
    );
    expect(standAlone('"The gates open in May," Theresa Moll said.', { article: 'b', sentence: 3 }, referents, seen)).toBe(
      '"The gates open in May," Theresa Moll said.',
    );
    expect(standAlone('The dam is safe, water minister Theresa Moll said.', { article: 'b', sentence: 2 }, referents, new Set())).toBe(
      'The dam is safe, water minister Theresa Moll said.',
    );
  });

  it('rejects an opening reference it cannot name', () => {
    expect(standAlone('They said the changes were final.', { article: 'b', sentence: 5 }, referents, new Set())).toBeUndefined();
    expect(standAlone('The report warns of floods.', { article: 'a', sentence: 3 }, referents, new Set())).toBeUndefined();
  });
});

describe('an inserted attribution by pronoun', () => {
  const speakers: Speaker[] = [
    { id: 'theresa-moll', name: 'Theresa Moll', kind: 'person', roles: [], aliases: ['Theresa Moll', 'Moll'], count: 1, articles: ['a'] },
  ];
  const statements: Statement[] = [
    {
      article: 'a',
      sentence: 1,
      speaker: 'Theresa Moll',
      speakerId: 'theresa-moll',
      kind: 'reported',
      text: 'x',
      span: { start: 0, end: 1 },
      cue: 'said',
      sentenceText: 'x',
      topics: [],
    },
  ];
  const referents = makeReferents(statements, speakers);
  it('names the speaker, or leaves the point out when nobody is known', () => {
    expect(standAlone('The dam, she said, will open in May.', { article: 'a', sentence: 1 }, referents, new Set())).toBe(
      'The dam, Theresa Moll said, will open in May.',
    );
    expect(standAlone('The dam, she said, will open in May.', { article: 'a', sentence: 2 }, referents, new Set())).toBeUndefined();
  });
});

describe('a description the speaker resolver kept as a person', () => {
  const speakers: Speaker[] = [
    { id: 'another-doctor', name: 'Another doctor', kind: 'person', roles: [], aliases: ['Another doctor'], count: 1, articles: ['a'] },
    { id: 'the-film', name: 'The film', kind: 'person', roles: [], aliases: ['The film'], count: 1, articles: ['a'] },
  ];
  const statements: Statement[] = [
    {
      article: 'a',
      sentence: 2,
      speaker: 'Another doctor',
      speakerId: 'another-doctor',
      kind: 'reported',
      text: 'x',
      span: { start: 0, end: 1 },
      cue: 'said',
      sentenceText: 'He said x.',
      topics: [],
    },
  ];
  const referents = makeReferents(statements, speakers);
  it('never names an opening word, nor stands for a pronoun', () => {
    for (const s of ['Another strong earthquake struck the coast on Sunday.', 'The success of the show made room for others.'])
      expect(standAlone(s, { article: 'b', sentence: 0 }, referents, new Set())).toBe(s);
    expect(standAlone('He said the clinic was full.', { article: 'a', sentence: 2 }, referents, new Set())).toBeUndefined();
  });
});

describe('a bare name inside a point', () => {
  const speakers: Speaker[] = [
    { id: 'theresa-moll', name: 'Theresa Moll', kind: 'person', roles: ['water minister'], aliases: ['Theresa Moll', 'Moll'], count: 2, articles: ['a'] },
    { id: 'acme-corp', name: 'Acme Corp', kind: 'person', roles: [], aliases: ['Acme Corp', 'Acme'], count: 2, articles: ['a'] },
    { id: 'kenyan-radio', name: 'Kenyan Radio Service', kind: 'person', roles: [], aliases: ['Kenyan Radio Service'], count: 1, articles: ['a'] },
    { id: 'nils-berg', name: 'Nils Berg', kind: 'person', roles: ['Ms'], aliases: ['Nils Berg'], count: 1, articles: ['a'] },
  ];
  const referents = makeReferents([], speakers);
  it('is named in full on its first mention only, an organisation never', () => {
    const seen = new Set<string>();
    expect(standAlone('The council and Moll agreed that Acme would build the dam.', { article: 'a', sentence: 0 }, referents, seen)).toBe(
      'The council and Theresa Moll agreed that Acme would build the dam.',
    );
    expect(standAlone("The council backed Moll's plan.", { article: 'a', sentence: 1 }, referents, seen)).toBe("The council backed Moll's plan.");
    expect(standAlone("The council backed Moll's plan.", { article: 'a', sentence: 1 }, referents, new Set())).toBe("The council backed Theresa Moll's plan.");
    expect(standAlone('Berg said the dam was safe.', { article: 'a', sentence: 1 }, referents, new Set())).toBe('Nils Berg said the dam was safe.');
    for (const t of ['The Kenyan and Swedish pilots landed.', 'The council thanked Nils for the plan.'])
      expect(standAlone(t, { article: 'a', sentence: 1 }, referents, new Set())).toBe(t);
    expect(standAlone('The council heard Judge Moll on Monday.', { article: 'a', sentence: 1 }, referents, new Set())).toBe(
      'The council heard Judge Moll on Monday.',
    );
  });
});

describe('a bare opening surname nobody resolved', () => {
  const referents = makeReferents([], []);
  const article = 'Judge Ruiz said photographers Lena Okafor and Tom Vik own the pictures. Okafor said the book used them.';
  it('is named as its own article first wrote it, titles aside', () => {
    expect(standAlone('Okafor said the book used them.', { article: 'a', sentence: 1, text: article }, referents, new Set())).toBe(
      'Lena Okafor said the book used them.',
    );
    expect(standAlone('Ruiz said the case goes to trial.', { article: 'a', sentence: 1, text: article }, referents, new Set())).toBe(
      'Ruiz said the case goes to trial.',
    );
    expect(standAlone('Okafor said the book used them.', { article: 'a', sentence: 1 }, referents, new Set())).toBe('Okafor said the book used them.');
  });
  it('is never a function word, nor joined to a heading on the line above', () => {
    const point = 'The appeals court rules that the dam may be built.';
    const advisory = 'A Note For Editors The appeals court rules that the dam may be built.';
    expect(standAlone(point, { article: 'a', sentence: 0, text: advisory }, referents, new Set())).toBe(point);
    const headed = 'Court Notes\n\nOkafor said the book used them.';
    expect(standAlone('Okafor said the book used them.', { article: 'a', sentence: 0, text: headed }, referents, new Set())).toBe(
      'Okafor said the book used them.',
    );
  });
});

describe('datelines with a date', () => {
  it('are cut', () => {
    expect(cleanOpening('LENPORT, August 21 -- A fire at the Lenport refinery was put out on Saturday.')).toBe(
      'A fire at the Lenport refinery was put out on Saturday.',
    );
  });
});

describe('datelines with a region in brackets and an agency', () => {
  it('are cut', () => {
    expect(cleanOpening('LENPORT (Ostrelia), August 21 (Harbor Wire) -- A fire at the Lenport refinery was put out.')).toBe(
      'A fire at the Lenport refinery was put out.',
    );
  });
});

describe('dropReportDay', () => {
  it('drops the weekday a report is dated by, never who reported it', () => {
    expect(dropReportDay('The dam will open in May, officials in Velmora said Thursday.')).toBe('The dam will open in May, officials in Velmora said.');
    expect(dropReportDay('The council approved the dam, the harbour daily reported on Monday morning.')).toBe(
      'The council approved the dam, the harbour daily reported.',
    );
    expect(dropReportDay('Minister Ilse Marek said Tuesday that the dam would open in May.')).toBe('Minister Ilse Marek said that the dam would open in May.');
  });

  it('keeps a day that dates the event itself, and quotes as they are', () => {
    const event = 'The plane landed in Brennhaven on Sunday.';
    expect(dropReportDay(event)).toBe(event);
    const quote = '"We will open the dam on Friday," Marek said.';
    expect(dropReportDay(quote)).toBe(quote);
  });

  it('only removes words and keeps every speech cue (property)', () => {
    const day = fc.constantFrom('Monday', 'on Friday', 'late Tuesday', 'today', 'Sunday evening');
    const words = fc.array(fc.constantFrom('the', 'council', 'Marek', 'dam', 'said', 'reported', ',', '"', 'officials', 'Thursday', '.'), { maxLength: 30 });
    fc.assert(
      fc.property(words, day, fc.string({ maxLength: 200 }), (w, d, noise) => {
        for (const text of [`${w.join(' ')} said ${d}.`, noise, `${noise}, officials said ${d}.`]) {
          const out = dropReportDay(text);
          expect(out.length).toBeLessThanOrEqual(text.length);
          expect((out.match(/\b(?:said|reported)\b/g) ?? []).length).toBe((text.match(/\b(?:said|reported)\b/g) ?? []).length);
        }
      }),
    );
  });
});

describe('opensWithReference: answers and transcript lines', () => {
  it('treats an answer to an unseen question, or an interview line, as not standing alone', () => {
    expect(opensWithReference('Yes, the council cracked down on protests in 1997.')).toBe(true);
    expect(opensWithReference('MAREK: Yes, my mind has not changed in any way.')).toBe(true);
    expect(opensWithReference('Yesterday the council approved the dam.')).toBe(false);
    expect(opensWithReference('No dam has been approved since 1997.')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import type { ExtractedStatement } from '../../../src/core/statements/extract-statements.ts';
import type { SpeakerMention } from '../../../src/core/statements/speaker-mention.ts';
import { matchSpeaker, resolveSpeakers } from '../../../src/core/statements/resolve-speakers.ts';

let n = 0;
function st(article: string, mention: SpeakerMention | null): ExtractedStatement {
  n++;
  return { article, sentence: 0, kind: 'reported', text: `thing ${n}`, span: { start: 0, end: 1 }, cue: 'said', sentenceText: 'x', mention };
}

const person = (name: string, extra: Partial<SpeakerMention> = {}): SpeakerMention => ({ name, kind: 'person', ...extra });

describe('resolveSpeakers', () => {
  const extracted = [
    st('a1', person('Yuri Sokolov', { role: 'Kremlin-style aide' })),
    st('a2', person('Yury Sokolov', { role: 'foreign policy aide' })),
    st('a2', person('Yury Sokolov')),
    st('a3', { name: 'Sokolov', kind: 'body' }),
    st('a1', person('Olena Zelenskyy', { gender: 'female' })),
    st('a3', person('Olena Zelensky')),
    st('a3', { name: 'Western leaders', kind: 'body' }),
    st('a3', null),
  ];
  const { statements, speakers } = resolveSpeakers(extracted);

  it('merges spellings and bare surnames across articles into one speaker', () => {
    const sok = speakers.find((s) => s.aliases.includes('Yuri Sokolov'));
    expect(sok?.name).toBe('Yury Sokolov');
    expect(sok?.aliases).toEqual(expect.arrayContaining(['Yuri Sokolov', 'Yury Sokolov', 'Sokolov']));
    expect(sok?.kind).toBe('person');
    expect(sok?.count).toBe(4);
    expect(sok?.articles).toEqual(['a1', 'a2', 'a3']);
    expect(sok?.roles).toEqual(['Kremlin-style aide', 'foreign policy aide']);
    expect(speakers.find((s) => s.aliases.includes('Olena Zelensky'))?.aliases).toContain('Olena Zelenskyy');
  });

  it('keeps gender, sorts by count, and gives unknown speakers null', () => {
    expect(speakers.map((s) => s.count)).toEqual([...speakers.map((s) => s.count)].sort((a, b) => b - a));
    expect(speakers[0]?.name).toBe('Yury Sokolov');
    expect(speakers.find((s) => s.name.startsWith('Olena'))?.gender).toBe('female');
    expect(statements.at(-1)?.speaker).toBeNull();
    expect(statements.at(-1)?.speakerId).toBeNull();
    const ids = new Set(statements.filter((s) => s.speaker === 'Yury Sokolov').map((s) => s.speakerId));
    expect(ids.size).toBe(1);
  });

  it('does not merge different people who share a surname', () => {
    const r = resolveSpeakers([st('a', person('Anna Berg')), st('b', person('Karl Berg'))]);
    expect(r.speakers.map((s) => s.name).sort()).toEqual(['Anna Berg', 'Karl Berg']);
  });

  it('uses configured aliases for canonical names, kinds and gender', () => {
    const r = resolveSpeakers([st('a', { name: 'the Palace', kind: 'body' }), st('b', person('Jo Kim'))], {
      speakers: [
        { name: 'Royal Household', aliases: ['the Palace'], kind: 'body' },
        { name: 'Jo-Anne Kim', aliases: ['Jo Kim'], gender: 'female', kind: 'person' },
      ],
    });
    expect(r.statements.map((s) => s.speaker)).toEqual(['Royal Household', 'Jo-Anne Kim']);
    expect(r.speakers.find((s) => s.name === 'Jo-Anne Kim')?.gender).toBe('female');
  });
});

describe('matchSpeaker', () => {
  const { speakers } = resolveSpeakers([
    st('a', person('Maria Zakharova')),
    st('a', person('Volodymyr Zelensky')),
    st('b', person('Volodymyr Zelenskyy')),
    st('a', person('Yury Ushakov')),
    st('b', person('Yuri Ushakov')),
    st('a', { name: 'Kremlin', kind: 'body' }),
  ]);
  const name = (q: string) => matchSpeaker(speakers, q).speaker?.name;

  it('matches case- and diacritic-insensitively, by surname, by alias and with typos', () => {
    expect(name('zakharova')).toBe('Maria Zakharova');
    expect(name('ZAKHÁROVA')).toBe('Maria Zakharova');
    expect(name('Zelenskyy')).toBe('Volodymyr Zelensky');
    expect(name('ushakov')).toBe('Yury Ushakov');
    expect(name('yuri ushakov')).toBe('Yury Ushakov');
    expect(name('zakarova')).toBe('Maria Zakharova');
    expect(name('the kremlin')).toBe('Kremlin');
  });

  it('returns the closest names as suggestions when nothing matches', () => {
    const r = matchSpeaker(speakers, 'Zorro');
    expect(r.speaker).toBeUndefined();
    expect(r.suggestions.length).toBeGreaterThan(0);
    expect(r.suggestions.length).toBeLessThanOrEqual(3);
    expect(matchSpeaker(speakers, 'Zakharov Smith').speaker).toBeUndefined();
  });
});

describe('config/speakers.yaml', () => {
  it('is valid for SpeakersConfigSchema, and a bad entry names the field', async () => {
    const { readFileSync } = await import('node:fs');
    const { parse } = await import('yaml');
    const { SpeakersConfigSchema } = await import('../../../src/config/briefing-config.schema.ts');
    expect(SpeakersConfigSchema.safeParse(parse(readFileSync('config/speakers.yaml', 'utf8'))).success).toBe(true);
    const bad = SpeakersConfigSchema.safeParse({ speakers: [{ name: 'X', gender: 'other' }] });
    expect(bad.success).toBe(false);
    expect(JSON.stringify(bad.error?.issues[0]?.path)).toBe('["speakers",0,"gender"]');
  });
});

import { describe, expect, it } from 'vitest';
import { hasAttribution, tailCarriesAttribution } from '../../../src/core/digest/attribution.ts';
import { endSentence, trimSentence } from '../../../src/core/digest/trim.ts';

const always = () => true;
const filler = 'with a great many further words that add background detail about the meeting and its long history';

describe('trimSentence', () => {
  it('leaves sentences under the length limit whole', () => {
    expect(trimSentence('The ministers met in Geneva, which surprised many.', always)).toBeUndefined();
  });

  it('cuts a long sentence at a clause boundary and ends it with a full stop', () => {
    const text = `The two presidents agreed to create a joint border commission on Monday, ${filler}, ${filler}.`;
    const t = trimSentence(text, always)!;
    expect(t.text).toBe('The two presidents agreed to create a joint border commission on Monday.');
    expect(text.slice(0, t.end)).toBe('The two presidents agreed to create a joint border commission on Monday');
  });

  it('never drops a trailing attribution clause (a claim must not become a fact)', () => {
    const text = `Moscow could accept some form of security guarantees as part of a peace deal at a later stage of talks, ${filler}, the president claimed on Tuesday.`;
    const t = trimSentence(text, always);
    if (t) expect(t.text).toMatch(/claimed/);
  });

  it('keeps the attribution when it opens the sentence', () => {
    const text = `The envoy claimed that the other side signalled on Friday that it could accept monitors, which would be ${filler} — ${filler}.`;
    const t = trimSentence(text, always)!;
    expect(t.text.startsWith('The envoy claimed that')).toBe(true);
  });

  it('drops a participle clause that attributes only its own content', () => {
    const text = `The minister described the meeting as constructive and long overdue after months of delay, saying ${filler} and ${filler}.`;
    expect(trimSentence(text, always)?.text).toBe('The minister described the meeting as constructive and long overdue after months of delay.');
  });

  it('does not cut inside a quotation', () => {
    const text = `She said “we will never accept, under any circumstances, ${filler}” and then left the room ${filler}.`;
    const t = trimSentence(text, always);
    if (t) expect((t.text.match(/“/g) ?? []).length).toBe((t.text.match(/”/g) ?? []).length);
  });

  it('does not cut when the caller says the prefix loses what matters', () => {
    const text = `The council approved the measures on Tuesday after a long debate, which included ${filler} sanctions ${filler}.`;
    expect(trimSentence(text, (prefix) => prefix.includes('sanctions'))).toBeUndefined();
  });
});

describe('attribution cues', () => {
  it('recognises speech and reporting verbs', () => {
    expect(hasAttribution('Ushakov stated that the call was useful.')).toBe(true);
    expect(hasAttribution('According to the agency, the call was useful.')).toBe(true);
    expect(hasAttribution('The call was useful.')).toBe(false);
  });

  it('tells an attributing tail from a participle clause', () => {
    expect(tailCarriesAttribution(', the spokesman said.')).toBe(true);
    expect(tailCarriesAttribution(', according to officials.')).toBe(true);
    expect(tailCarriesAttribution(', saying the talks were useful.')).toBe(false);
    expect(tailCarriesAttribution(', saying the talks were useful, he added.')).toBe(true);
    expect(tailCarriesAttribution(', which lasted six hours.')).toBe(false);
  });
});

describe('endSentence', () => {
  it('ends a kept prefix with one full stop, not a second after an abbreviation', () => {
    expect(endSentence('The channel is run by Acme Corp.,')).toBe('The channel is run by Acme Corp.');
    expect(endSentence('The council approved the dam —')).toBe('The council approved the dam.');
  });
});

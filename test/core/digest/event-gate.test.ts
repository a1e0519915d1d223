import { describe, expect, it } from 'vitest';
import { eventShape, sameEvent } from '../../../src/core/digest/event-gate.ts';
import { stemWord } from '../../../src/core/topics/tokenize.ts';

const related = new Set(['swap', 'exchange', 'release', 'prisoners'].map(stemWord));

describe('eventShape', () => {
  it('finds the main verb, not the speech verb, and the modality', () => {
    const s = eventShape('The ministry said the two sides exchanged 300 prisoners at the bridge.');
    expect(s.predicates[0]).toBe(stemWord('exchange'));
    expect(s.modality).toBe('fact');
    expect(eventShape('Both armies agreed on Monday to swap 300 prisoners.').modality).toBe('plan');
  });
});

describe('sameEvent', () => {
  it('separates a deed from the plan to do it, even with the same numbers', () => {
    expect(
      sameEvent(
        'Arvia and Belmar exchanged 300 prisoners on Friday at the river bridge.',
        'Arvia and Belmar agreed on Monday to swap 300 prisoners.',
        0.4,
        related,
      ),
    ).toBe(false);
  });

  it('merges two reports of one deed in other words', () => {
    expect(
      sameEvent('Arvia and Belmar exchanged 300 prisoners on Friday.', 'The exchange of 300 prisoners took place on Friday at the bridge.', 0.4, related),
    ).toBe(true);
    expect(sameEvent('The council froze the assets of three banks.', 'Assets of three banks were frozen by the council.', 0.4)).toBe(true);
  });

  it('separates different actions by the same actors', () => {
    expect(
      sameEvent(
        'The union is preparing new sanctions against Belmar that would target 14 banks.',
        'The union warned that it will tighten sanctions on Belmar if it refuses a truce.',
        0.4,
      ),
    ).toBe(false);
  });

  it('merges near-verbatim repeats whatever their verbs', () => {
    expect(sameEvent('Arvia and Belmar exchanged 300 prisoners.', 'Arvia and Belmar agreed 300 prisoners.', 0.7)).toBe(true);
  });

  it('merges plans named by two topic verbs (swap / release)', () => {
    expect(sameEvent('The sides agreed to swap 300 prisoners next week.', 'Each side will release 150 prisoners next week.', 0.35, related)).toBe(true);
  });
});

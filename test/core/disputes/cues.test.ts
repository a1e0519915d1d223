import { describe, expect, it } from 'vitest';
import { actorBefore, findCounterCue } from '../../../src/core/disputes/cues.ts';

describe('findCounterCue', () => {
  it.each([
    ['The ministry denied the report.', 'denied'],
    ['She dismissed the idea outright.', 'dismissed the idea'],
    ['The envoy did not confirm whether a meeting was agreed.', 'did not confirm'],
    ["The agency didn't immediately confirm the figures.", "didn't immediately confirm"],
    ['The readout stopped well short of endorsing talks.', 'stopped well short of'],
    ['Officials presented a more cautious version of the call.', 'more cautious version'],
    ['The government flatly rejects the claim.', 'rejects the claim'],
    ['He rejected reports that troops had crossed.', 'rejected reports'],
    ['The minister played down the prospect of a deal.', 'played down'],
    // One of each remaining cue form, so the cheap word scan before the patterns can never hide one.
    ['Denying it, the aide left.', 'Denying'],
    ['The spokesman refuted that.', 'refuted'],
    ['Analysts DISPUTED the figures.', 'DISPUTED the'],
    ['The board refused to endorse the count.', 'refused to endorse'],
    ['The union would not accept the figures.', 'would not accept'],
    ['Observers could not verify the tally.', 'could not verify'],
    ['Her account fell short of what was promised.', 'fell short of'],
    ['He keeps downplaying the losses.', 'downplaying'],
    ['The party pushed back on the account.', 'pushed back'],
    ['The office has no plans to comment.', 'no plans to'],
  ])('finds the cue in %j', (sentence, cue) => {
    expect(findCounterCue(sentence)?.cue).toBe(cue);
  });

  it.each([
    'Territorial disputes should be settled directly.',
    'The president dismissed his chief of staff.',
    'He said talks were going well, though details remain vague.',
    'They will not meet again this year.',
    'The journalist was denied entry at the border.',
    'The proposal was narrowly rejected by parliament.',
    // Turning down a plan, an offer or a demand is not contesting a fact.
    'The government flatly rejects any such plan.',
    'The rebels rejected a truce before a political settlement.',
    'The council rejects the proposal.',
    'She dismissed the proposal as premature.',
  ])('finds no denial in %j', (sentence) => {
    expect(findCounterCue(sentence)).toBeUndefined();
  });

  it('locates the clause opened by a contrast connective', () => {
    const s = 'The minister announced a deal, though the rebels have since denied it.';
    const cue = findCounterCue(s)!;
    expect(s.slice(cue.clauseStart)).toBe('the rebels have since denied it.');
    expect(s.slice(0, cue.connectiveAt)).toBe('The minister announced a deal');
  });
});

describe('actorBefore', () => {
  const actor = (s: string) => actorBefore(s, findCounterCue(s)!);

  it('returns the noun phrase before the cue, without auxiliaries and adverbs', () => {
    expect(actor('The minister announced a deal, though the rebels have since denied it.')).toBeUndefined();
    expect(actor('The minister announced a deal, though Rebel Command has since denied it.')).toBe('Rebel Command');
    expect(actor('However, Northern officials presented a more cautious version of the call.')).toBe('Northern officials');
    expect(actor('But Foreign Ministry spokesperson Ana Lind dismissed the idea outright.')).toBe('Foreign Ministry spokesperson Ana Lind');
    expect(actor('Lind did not confirm it.')).toBe('Lind');
  });

  it('gives up on long or clause-like stretches', () => {
    expect(actor('Kremlin aide Ivan Petrov told reporters that the leaders merely agreed to talk, stopping well short of a summit.')).toBeUndefined();
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasMojibake, repairMojibake } from '../../../src/core/corpus/mojibake.ts';

/** What a Windows-1252 decoder makes of UTF-8 bytes (undefined bytes as C1 controls, as browsers do). */
const HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const misdecode = (s: string): string => [...Buffer.from(s, 'utf8')].map((b) => (b >= 0x80 && b < 0xa0 ? HIGH[b - 0x80]! : String.fromCharCode(b))).join('');

/** Text as people write it: any scripts, no lone surrogates, no C1 controls, nothing that already looks like mojibake. */
const prose = fc.string({ unit: 'grapheme', maxLength: 60 }).filter((s) => !/[\uD800-\uDFFF]/.test(s) && !/[\u0080-\u009F]/.test(s) && !hasMojibake(s));

describe('repairMojibake', () => {
  it('repairs names and punctuation decoded once as Windows-1252', () => {
    expect(repairMojibake('Ana MarquÃ©s')).toBe('Ana Marqués');
    expect(repairMojibake('itâ€™s â€œfineâ€\u009D â€” ok')).toBe('it’s “fine” — ok');
    expect(repairMojibake('GarÃ§on, NÃºÃ±ez, BogotÃ¡')).toBe('Garçon, Núñez, Bogotá');
  });

  it('repairs sequences that a compatibility normalisation changed after the damage', () => {
    expect(repairMojibake('naÃ \u0304f')).toBe('naïf'); // ¯ became space + combining macron
    expect(repairMojibake('TÃolio')).toBe('Túlio'); // º became o
    expect(repairMojibake('fenÃatre')).toBe('fenêtre'); // ª became a
  });

  it('repairs text decoded twice', () => {
    expect(repairMojibake(misdecode(misdecode('Zoë’s café')))).toBe('Zoë’s café');
  });

  it('leaves correct text alone, Latin-1 names and capitals included', () => {
    for (const s of ['José Müller of São Paulo', 'ÉCOLE NORMALE', 'Ångström, Øresund, Ça va', 'Â-level', 'Ãrea de 1ª classe']) {
      expect(repairMojibake(s)).toBe(s);
    }
  });

  it('repairs only what forms valid UTF-8', () => {
    expect(repairMojibake('Ã€€')).toBe('À€');
    expect(repairMojibake('â€ and')).toBe('â€ and');
  });

  it('undoes one or two wrong decodings of any text, and changes no text that shows no sign of one', () => {
    fc.assert(
      fc.property(prose, (s) => {
        expect(repairMojibake(s)).toBe(s);
        expect(repairMojibake(misdecode(s))).toBe(s);
        expect(repairMojibake(misdecode(misdecode(s)))).toBe(s);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws and never grows hostile text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        expect(repairMojibake(s).length).toBeLessThanOrEqual(s.length);
      }),
      { numRuns: 400 },
    );
  });
});

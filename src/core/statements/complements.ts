import type { Cue } from './cue-types.ts';
import type { Token } from './tokens.ts';
import { CALENDAR_WORDS, CLAUSE_CONJUNCTIONS, SPEECH_FORMS, TIME_WORDS } from './vocabulary.ts';

const CIRCUMSTANCE =
  /^(in|at|during|on|to|after|before|via|through|from|while|outside|inside|afterwards|afterward|later|earlier|again|also|then|privately|publicly|repeatedly|separately|by|with|near|over|today|yesterday|once)$/;

/** Sets what each cue reports: from after the cue (and any circumstance before `that`) to the next clause. */
export function setComplements(tokens: Token[], cues: Cue[], hi: number) {
  const live = cues.filter((c) => !c.quoted && !c.nested);
  for (const c of cues) {
    if (c.around) continue;
    let s = c.end + 1;
    if (c.form === 'source') {
      while (s <= hi && (tokens[s]!.lc === ',' || tokens[s]!.lc === ':')) s++;
    } else {
      for (;;) {
        const x = tokens[s];
        if (!x || s > hi || x.quoted) break;
        if (/^(that|,|:|with|about|as)$/.test(x.lc)) {
          if (x.lc === 'that' && hi - s < 4) break;
          s++;
          continue;
        }
        if (CIRCUMSTANCE.test(x.lc) || (c.lemma === 'tell' && s === c.end + 1) || (x.lc.endsWith('ly') && !x.cap)) {
          // A circumstance before the clause: `said in a statement that …`, `said afterwards that`, `told a weekly briefing in Doha that`.
          let k = s + 1;
          while (
            k <= hi &&
            k - s < 9 &&
            tokens[k]!.lc !== 'that' &&
            tokens[k]!.lc !== ',' &&
            !tokens[k]!.quoted &&
            !/^(past|ing)$/.test(SPEECH_FORMS.get(tokens[k]!.lc)?.form ?? '')
          )
            k++;
          if (tokens[k]?.lc === 'that' && k <= hi && hi - k >= 3) {
            s = k + 1;
            continue;
          }
        }
        if (x.lc === ',' || (/^(however|though|nonetheless|nevertheless|also|too)$/.test(x.lc) && tokens[s - 1]?.lc === ',')) {
          // `acknowledged, however, that …`
          let k = s + 1;
          while (k <= hi && k - s < 4 && tokens[k]!.lc !== 'that' && !tokens[k]!.quoted) k++;
          if (tokens[k]?.lc === 'that' && k <= hi && hi - k >= 3) {
            s = k + 1;
            continue;
          }
        }
        // `said Sunday that …`, `said yesterday that …`.
        if (CALENDAR_WORDS.has(x.lc) && x.cap === !/^(today|yesterday|tomorrow)$/.test(x.lc) && !/^(may|march)$/.test(x.lc) && s < hi) {
          s++;
          continue;
        }
        const y = tokens[s + 1];
        if (/^(on|last|this|late|early|earlier)$/.test(x.lc) && y && (TIME_WORDS.has(y.lc) || CALENDAR_WORDS.has(y.lc))) {
          s += 2;
          if (tokens[s] && /^\d+$/.test(tokens[s]!.lc)) s++;
          continue;
        }
        break;
      }
    }
    const nextClause = live.find((o) => o !== c && o.clauseStart > c.end && !(o.form !== 'ing' && c.form === 'source'));
    let e = nextClause ? nextClause.clauseStart - 1 : hi;
    // Never over a later finite speech verb whose subject came first (`…, which wrote the letter, said …`).
    const laterVerb = live.find(
      (o) => o !== c && o.at > c.end && o.clauseStart <= c.end && o.form !== 'ing' && o.form !== 'source' && o.subject && o.subject.first < c.at,
    );
    if (laterVerb && laterVerb.at - 1 < e) e = tokens[laterVerb.at - 1]?.lc === ',' ? laterVerb.at - 2 : laterVerb.at - 1;
    for (let k = s + 1; k < e; k++) {
      const x = tokens[k]!;
      if (x.quoted) continue;
      const n = tokens[k + 1];
      // `said that A, but that B`: the complement goes on.
      if (x.lc === ',' && n?.lc === 'but' && tokens[k + 2]?.lc === 'that') continue;
      // `said the toll will pass, which would ruin the harbour`: a relative clause to the end is the writer's comment.
      const comment = x.lc === ',' && n?.lc === 'which' && !tokens.slice(k + 2, e + 1).some((t) => t.lc === ',' || t.quoted);
      if (x.lc === ';' || comment || (x.lc === ',' && /^(though|although|whereas|but)$/.test(n?.lc ?? ''))) {
        e = k - 1;
        break;
      }
      // The writer's comment after a dash: `… — stopping well short of …`.
      if ((x.lc === '—' || x.lc === '–') && n && n.type === 'w' && !n.cap && n.lc.endsWith('ing') && !SPEECH_FORMS.has(n.lc)) {
        e = k - 1;
        break;
      }
    }
    if (nextClause && tokens[e]?.type === 'w' && CLAUSE_CONJUNCTIONS.has(tokens[e]!.lc)) e--;
    while (e >= s && tokens[e]!.type === 'p') e--;
    c.complement = e >= s ? [{ first: s, last: e }] : [];
  }
}

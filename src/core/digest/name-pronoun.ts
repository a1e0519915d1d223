import type { Article, DigestItem } from '../model.ts';
import type { ExtractedStatement } from '../statements/extract-statements.ts';

/** What naming a pronoun needs of an article's analysis. */
export interface PronounSource {
  article: Article;
  statements: readonly ExtractedStatement[];
}

/**
 * A point that opens with a pronoun standing for its speaker (`He noted that …`) names the speaker in
 * brackets, as an editor would (`[Novak] noted that …`), using the article's own attribution.
 */
export function nameLeadingPronoun(item: DigestItem, analysisOf: (articleId: string) => PronounSource | undefined): DigestItem {
  const pronoun = /^(He|She|They)\b/.exec(item.text);
  if (!pronoun) return item;
  for (const e of item.evidence) {
    const a = analysisOf(e.article);
    if (!a?.article.sentences[e.sentence]?.text.startsWith(item.text.slice(0, 24))) continue;
    const st = a.statements.find((x) => x.sentence === e.sentence && x.mention && x.kind === 'reported');
    if (st?.mention) return { ...item, text: `[${st.mention.name}]${item.text.slice(pronoun[0].length)}` };
  }
  return item;
}

import { sourceRef } from '../source-ref.ts';

/** The citation of an article next to a point (outlet, headline, date, URL). */
export const citeArticle = sourceRef;

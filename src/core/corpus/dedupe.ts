import type { Article, InputIssue } from '../model.ts';

/** Marks articles that repeat an earlier one (same or near-identical text) with `duplicateOf`. */
export function markDuplicates(articles: Article[]): { articles: Article[]; issues: InputIssue[] } {
  // STUB: replaced by the corpus implementation.
  return { articles, issues: [] };
}

import { describe, expect, it } from 'vitest';
import { classifyLine } from '../../../src/core/corpus/boilerplate.ts';
import type { Article } from '../../../src/core/model.ts';
import { seed } from './seed.ts';

function inSentences(article: Article, needle: string): boolean {
  return article.sentences.some((s) => s.text.includes(needle));
}

function inDebris(article: Article, needle: string): boolean {
  return article.debris.some((d) => article.text.slice(d.start, d.end).includes(needle));
}

describe('debris of the seed corpus never reaches a sentence', () => {
  it.each([
    ['001', 'comment widget "No comments:"', 'No comments', 'durable settlement'],
    ['001', 'comment widget "Post a Comment"', 'Post a Comment', 'renewed urgency'],
    ['001', 'source credit "Based On ANI Report"', 'Based On', 'second phase'],
    ['002', 'section label "World War"', 'World War', 'bilateral meeting between'],
    ['002', 'byline "By Samir Kr. Singh : Editor-In-Chief"', 'Editor-In-Chief', 'announced that he spoke'],
    ['002', '"Related Articles"', 'Related Articles', 'can talk a little bit more'],
    ['002', '"Leave a Reply"', 'Leave a Reply', 'categorically rejects'],
    ['002', 'comment form notice', 'Your email address will not be published', 'legitimate military targets'],
    ['002', '"Back to top button"', 'Back to top', 'immediate ceasefire'],
    ['002', '"error: Content is protected !!"', 'Content is protected', 'arms purchases'],
    ['002', 'CSS rule', 'margin-bottom', 'truce'],
    ['003', 'section label "Synopsis"', 'Synopsis', 'candid and very constructive phone call'],
    ['003', 'section label "Key Takeaways"', 'Key Takeaways', 'The call was initiated by Trump.'],
  ])('%s: %s', (prefix, _label, debris, content) => {
    const article = seed(prefix);
    expect(inSentences(article, debris)).toBe(false);
    expect(inDebris(article, debris)).toBe(true);
    expect(inSentences(article, content)).toBe(true);
  });

  it('records every debris span inside the text and outside every paragraph', () => {
    for (const prefix of ['000', '001', '002', '003', '004']) {
      const a = seed(prefix);
      for (const d of a.debris) {
        expect(d.end).toBeLessThanOrEqual(a.text.length);
        for (const p of a.paragraphs) expect(d.end <= p.span.start || d.start >= p.span.end).toBe(true);
      }
    }
  });
});

describe('classifyLine generalises to other web boilerplate', () => {
  it.each([
    'Share this:',
    'Share on Facebook',
    'Facebook | Twitter | WhatsApp',
    'Read more',
    'Read more: Talks collapse in the capital',
    'Also Read: Markets rally',
    'You may also like',
    'Advertisement',
    'Story continues below advertisement',
    'Subscribe to our newsletter',
    'Sign up for our free daily newsletter',
    'Follow us on Twitter and Instagram',
    'We use cookies to improve your experience on our site.',
    'Accept all cookies',
    '© 2025 Example Media Group. All rights reserved.',
    'Copyright 2025 The Daily Example',
    'Click here to read the full report',
    '(Except for the headline, this story has not been edited by our staff and is published from a syndicated feed.)',
    '3 comments',
    'Comments (12)',
    'Add a comment',
    'Cancel reply',
    'Skip to content',
    'Next article',
    'Updated: Aug 26, 2025, 10:02 IST',
    '5 min read',
    'Photo: Reuters',
    'Tags: politics, diplomacy',
    '<div class="ad-slot"></div>',
    '#main .entry-title { font-size: 2em; color: #333; }',
    'BY JANE DOE',
    'Written by John Q. Public | Senior Correspondent',
    'By John Smith and Mary Jones, Staff Writers',
    '(Reporting by Jane Doe; Editing by John Roe)',
    'Trending Now',
    'Most Read',
    "Editor's Picks",
    'Comments are closed.',
    'Privacy Policy | Terms of Use | Contact Us',
    '* * *',
    '-----',
    'https://example.com/world/story-123',
    'Get the latest headlines delivered to your inbox',
    'For feedback, contact editor@example.com',
    'Home / World / Ministers Clash Over Tariffs',
    'News › Politics › Europe',
    'Published By: Rahul Kumar',
    'FILE - The minister speaks during a news conference in the capital, March 3, 2025. (AP Photo/Jane Doe, File)',
    'Image caption, Crowds gathered outside the parliament',
    'Associated Press writer Jane Doe in Geneva contributed to this report.',
  ])('drops %j', (line) => {
    const b = classifyLine(line);
    expect(b).toBeDefined();
    expect(b!.kind).not.toBe('credit');
  });

  it.each([
    ['Based On ANI Report', 'ANI'],
    ['Source: Reuters', 'Reuters'],
    ['(With inputs from agencies)', 'agencies'],
    ['Courtesy: Alliance Wire', 'Alliance Wire'],
    ['— Reuters', 'Reuters'],
    ['(AFP)', 'AFP'],
    ['-PTI', 'PTI'],
  ])('reads the outlet from the credit %j', (line, source) => {
    expect(classifyLine(line)).toMatchObject({ kind: 'credit', source });
  });

  it.each([
    ['Key Takeaways', true],
    ['Highlights', true],
    ['Synopsis', false],
  ])('treats %j as a section label', (line, takeaways) => {
    expect(classifyLine(line)).toMatchObject({ kind: 'label', takeaways });
  });

  it.each([
    'By the end of the week, officials expect the deal to be signed.',
    'Sources said the talks would resume on Tuesday.',
    'Share prices fell sharply after the announcement.',
    'Read the statement in full, the minister urged reporters.',
    'The company said all rights to the pipeline had been reserved for state firms.',
    'Let me be clear, he said, we will not accept this.',
    'Video by witnesses showed smoke over the port.',
    'Posted on his platform, the message drew wide criticism from allies.',
    'Trump To Speak With Putin As European Leaders Expected To Come Over To US',
    'Comments from the minister drew a sharp response from the opposition.',
    'Contact between the two leaders has been rare since the war began.',
    'Privacy campaigners criticised the new surveillance law.',
    'The photo (taken on Monday) shows the damaged bridge.',
    'Home owners in the region have contributed to the relief fund, officials said in a report released on Monday.',
    '- Trump and Putin had a constructive phone call.',
    '- Security Guarantees',
  ])('keeps prose %j', (line) => {
    expect(classifyLine(line)).toBeUndefined();
  });
});

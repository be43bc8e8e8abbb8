import { describe, expect, it } from 'vitest';
import type { ScoreFeatures } from './score.js';
import { HOLD_SCORE, scoreComment } from './score.js';

const established = { kind: 'reader' as const, accountAgeDays: 400, approvedComments: 25, rejectedComments: 0 };
const features = (over: Partial<ScoreFeatures> = {}): ScoreFeatures => ({
  text: 'The council should publish the full budget before the vote.',
  linkCount: 0,
  author: { kind: 'reader', accountAgeDays: 120, approvedComments: 0, rejectedComments: 0 },
  repeatedText: 0,
  suspectWords: 0,
  classifier: null,
  ...over,
});

describe('comment score', () => {
  it('gives nothing to explain for an ordinary comment with neutral features', () => {
    expect(scoreComment(features())).toEqual({ score: 0, reasons: [] });
  });

  it('scores an established reader with a clean history low', () => {
    const result = scoreComment(features({ author: established, linkCount: 1, classifier: { probability: 0.05, tokens: [] } }));
    expect(result.score).toBeLessThan(20);
    expect(result.score).toBeLessThan(HOLD_SCORE);
    expect(result.reasons).toContain('1 link');
    expect(result.reasons).toContain('25 approved before');
  });

  it('counts links in its reasons', () => {
    expect(scoreComment(features({ linkCount: 3 })).reasons).toEqual(['3 links']);
    expect(scoreComment(features({ linkCount: 1 })).reasons).toEqual(['1 link']);
  });

  it('flags repeated text', () => {
    const result = scoreComment(features({ repeatedText: 4 }));
    expect(result.reasons).toEqual(['repeated text (4 times)']);
    expect(scoreComment(features({ repeatedText: 1 })).reasons).toEqual(['repeated text (once)']);
    expect(result.score).toBeGreaterThan(scoreComment(features({ repeatedText: 1 })).score);
  });

  it('holds a brand-new account posting three links with repeated text, heaviest reasons first', () => {
    const result = scoreComment(features({ author: { kind: 'reader', accountAgeDays: 0, approvedComments: 0, rejectedComments: 0 }, linkCount: 3, repeatedText: 2 }));
    expect(result.score).toBeGreaterThanOrEqual(HOLD_SCORE);
    expect(result.reasons).toEqual(['3 links', 'repeated text (2 times)', 'new account (today)']);
  });

  it('describes guests, young accounts, rejections, capitals and suspect words', () => {
    expect(scoreComment(features({ author: { kind: 'guest' } })).reasons).toEqual(['guest']);
    expect(scoreComment(features({ author: { kind: 'reader', accountAgeDays: 2, approvedComments: 0, rejectedComments: 0 } })).reasons).toEqual(['new account (2 days)']);
    expect(scoreComment(features({ author: { kind: 'reader', accountAgeDays: 1, approvedComments: 0, rejectedComments: 0 } })).reasons).toEqual(['new account (1 day)']);
    expect(scoreComment(features({ author: { ...established, approvedComments: 0, rejectedComments: 2 } })).reasons).toEqual(['2 rejected before']);
    expect(scoreComment(features({ text: 'THE COUNCIL IS LYING TO ALL OF US AGAIN' })).reasons).toEqual(['mostly capitals']);
    expect(scoreComment(features({ text: 'The NHS and the BBC, says the MP.' })).reasons).toEqual([]);
    expect(scoreComment(features({ suspectWords: 2 })).reasons).toEqual(['2 suspect words']);
  });

  it('lowers the score for an approved history', () => {
    const newcomer = features({ author: { kind: 'reader', accountAgeDays: 3, approvedComments: 0, rejectedComments: 1 }, linkCount: 2 });
    const regular = features({ author: { kind: 'reader', accountAgeDays: 3, approvedComments: 8, rejectedComments: 1 }, linkCount: 2 });
    expect(scoreComment(regular).score).toBeLessThan(scoreComment(newcomer).score);
  });

  it('weighs the classifier in proportion to its confidence and says why', () => {
    const confident = scoreComment(features({ classifier: { probability: 0.87, tokens: ['casino', 'bonus'] } }));
    const unsure = scoreComment(features({ classifier: { probability: 0.6, tokens: ['casino'] } }));
    expect(confident.reasons).toEqual(['classifier: 87% like rejected comments (casino, bonus)']);
    expect(confident.score).toBeGreaterThan(unsure.score);
    expect(scoreComment(features({ classifier: { probability: 1, tokens: [] } })).score).toBeGreaterThanOrEqual(HOLD_SCORE);
    // No opinion, no reason.
    expect(scoreComment(features({ classifier: { probability: 0.5, tokens: [] } })).reasons).toEqual([]);
    // Resembling approved comments offsets other signals, and is shown last.
    const clean = scoreComment(features({ linkCount: 2, classifier: { probability: 0.05, tokens: [] } }));
    expect(clean.score).toBeLessThan(scoreComment(features({ linkCount: 2 })).score);
    expect(clean.reasons).toEqual(['2 links', 'classifier: 95% like approved comments']);
  });

  it('never leaves 0..100 and is always a whole number', () => {
    const worst = scoreComment({
      text: 'BUY NOW BUY NOW CHEAPEST PILLS IN TOWN!!',
      linkCount: 10,
      author: { kind: 'reader', accountAgeDays: 0, approvedComments: 0, rejectedComments: 9 },
      repeatedText: 20,
      suspectWords: 8,
      classifier: { probability: 0.999, tokens: ['pills', 'cheapest', 'buy'] },
    });
    expect(worst.score).toBe(100);
    const best = scoreComment(features({ author: { ...established, approvedComments: 500 }, classifier: { probability: 0.0001, tokens: [] } }));
    expect(best.score).toBe(0);
    expect(Number.isInteger(scoreComment(features({ classifier: { probability: 0.7321, tokens: [] } })).score)).toBe(true);
  });
});

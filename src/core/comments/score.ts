/**
 * A local, explained spam/abuse score for every comment. Each signal adds (or, for a good
 * history, removes) a documented number of points, and each that moves the score comes
 * with a short phrase, so a moderator can see at a glance why a comment was held. The
 * service layer gathers the features (counts from the database, the classifier verdict);
 * this module only weighs them.
 */
import { commentPlainText } from './body.js';
import { isMostlyCapitals } from './classifier.js';

export interface ScoreFeatures {
  /** The stored comment text. */
  text: string;
  linkCount: number;
  author: { kind: 'guest' } | { kind: 'reader'; accountAgeDays: number; approvedComments: number; rejectedComments: number };
  /** How many of this author's (or IP's) comments in the last day had the same normalised text. */
  repeatedText: number;
  /** How many suspect words the text contains. */
  suspectWords: number;
  /** The classifier's verdict, or null while it abstains. */
  classifier: { probability: number; tokens: string[] } | null;
}

export interface CommentScore {
  /** Integer 0..100, higher = more likely spam or abuse. */
  score: number;
  /** Short phrases for moderators, the heaviest first. */
  reasons: string[];
}

/** A comment scoring at or above this goes to the moderation queue. */
export const HOLD_SCORE = 60;

/**
 * The weights, in points out of 100. Chosen so that no single weak signal holds a comment,
 * while a combination typical of spam runs (new account, several links, the same text
 * again) does, and so that a confident classifier alone is enough.
 */
export const SCORE_WEIGHTS = {
  /** Per link, up to linkMax: links are what most spam exists to place. */
  link: 10,
  linkMax: 30,
  /** Guests have no history to vouch for them. */
  guest: 15,
  /** Accounts younger than a day, than a week, than a month. */
  accountToday: 20,
  accountWeek: 15,
  accountMonth: 5,
  /** Per rejected comment, up to rejectedMax. */
  rejected: 10,
  rejectedMax: 30,
  /** Per approved comment (a negative weight), down to approvedMax. */
  approved: -2,
  approvedMax: -20,
  /** The first repeat, then each further one, up to repeatedMax: floods post the same text. */
  repeated: 20,
  repeatedEach: 10,
  repeatedMax: 40,
  /** More than half capitals in a text of at least 20 letters. */
  capitals: 10,
  /** Per suspect word, up to suspectMax. */
  suspect: 10,
  suspectMax: 30,
  /**
   * The classifier, in proportion to its distance from 0.5: up to +classifierSpam when
   * certain the comment is like rejected ones, down to -classifierHam when certain it is
   * like approved ones. At 80 a certain verdict outweighs the best history (-20) and still
   * holds the comment: a trusted account may have been taken over. The downward weight is
   * smaller: a spammer can imitate ordinary prose far more easily than a newsroom's
   * rejected comments can look clean.
   */
  classifierSpam: 80,
  classifierHam: 20,
} as const;

interface Signal {
  points: number;
  reason: string;
}

const W = SCORE_WEIGHTS;
const BARE_URL = /\bhttps?:\/\/\S+/gi;

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A whole, non-negative count from a feature the caller computed. */
function count(n: number): number {
  return Number.isFinite(n) ? Math.max(0, Math.floor(n)) : 0;
}

function linkSignal(linkCount: number): Signal | null {
  const n = count(linkCount);
  return n ? { points: Math.min(W.linkMax, n * W.link), reason: plural(n, 'link', 'links') } : null;
}

function accountAgeSignal(accountAgeDays: number): Signal | null {
  const days = count(accountAgeDays);
  if (days < 1) return { points: W.accountToday, reason: 'new account (today)' };
  const reason = `new account (${plural(days, 'day', 'days')})`;
  if (days < 7) return { points: W.accountWeek, reason };
  if (days < 30) return { points: W.accountMonth, reason };
  return null;
}

function historySignals(approvedComments: number, rejectedComments: number): Signal[] {
  const signals: Signal[] = [];
  const rejected = count(rejectedComments);
  const approved = count(approvedComments);
  if (rejected) signals.push({ points: Math.min(W.rejectedMax, rejected * W.rejected), reason: `${rejected} rejected before` });
  if (approved) signals.push({ points: Math.max(W.approvedMax, approved * W.approved), reason: `${approved} approved before` });
  return signals;
}

function authorSignals(author: ScoreFeatures['author']): Signal[] {
  if (author.kind === 'guest') return [{ points: W.guest, reason: 'guest' }];
  const age = accountAgeSignal(author.accountAgeDays);
  return [...(age ? [age] : []), ...historySignals(author.approvedComments, author.rejectedComments)];
}

function repeatSignal(repeatedText: number): Signal | null {
  const n = count(repeatedText);
  if (!n) return null;
  const points = Math.min(W.repeatedMax, W.repeated + (n - 1) * W.repeatedEach);
  return { points, reason: `repeated text (${n === 1 ? 'once' : `${n} times`})` };
}

/** Shouting: judged on the words only, as lower-case URLs would dilute the capitals. */
function capitalsSignal(text: string): Signal | null {
  const words = commentPlainText(text).replace(BARE_URL, ' ');
  return isMostlyCapitals(words) ? { points: W.capitals, reason: 'mostly capitals' } : null;
}

function suspectSignal(suspectWords: number): Signal | null {
  const n = count(suspectWords);
  return n ? { points: Math.min(W.suspectMax, n * W.suspect), reason: plural(n, 'suspect word', 'suspect words') } : null;
}

function percent(p: number): string {
  return `${Math.round(p * 100)}%`;
}

function classifierSignal(classifier: ScoreFeatures['classifier']): Signal | null {
  if (!classifier || !Number.isFinite(classifier.probability)) return null;
  const p = Math.min(1, Math.max(0, classifier.probability));
  if (p > 0.5) {
    const points = Math.round(W.classifierSpam * (2 * p - 1));
    const why = classifier.tokens.length ? ` (${classifier.tokens.slice(0, 3).join(', ')})` : '';
    return points ? { points, reason: `classifier: ${percent(p)} like rejected comments${why}` } : null;
  }
  const points = -Math.round(W.classifierHam * (1 - 2 * p));
  return points ? { points, reason: `classifier: ${percent(1 - p)} like approved comments` } : null;
}

/** Every signal the comment shows; neutral features give none. */
function signals(f: ScoreFeatures): Signal[] {
  return [
    classifierSignal(f.classifier),
    linkSignal(f.linkCount),
    ...authorSignals(f.author),
    repeatSignal(f.repeatedText),
    capitalsSignal(f.text),
    suspectSignal(f.suspectWords),
  ].filter((s): s is Signal => s !== null && s.points !== 0);
}

/** The comment's score, 0..100, with the reasons behind it, heaviest first. */
export function scoreComment(f: ScoreFeatures): CommentScore {
  // The sort is stable, so equal weights keep the order above (classifier, links, author...).
  const found = signals(f).sort((a, b) => b.points - a.points);
  const total = found.reduce((sum, s) => sum + s.points, 0);
  return { score: Math.min(100, Math.max(0, Math.round(total))), reasons: found.map((s) => s.reason) };
}

/**
 * A naive Bayes classifier that learns from the newsroom's own decisions: comments a
 * moderator approved are "ham", comments they rejected are "spam" (spam or abuse). It is
 * pure: the per-token counts live in a table the service layer owns, which looks up the
 * counts for a comment's tokens and passes them in as plain data.
 *
 * Counts are per document, not per occurrence: `classifierTokens` returns each token once,
 * so `TokenCounts.spam` is "how many rejected comments contained this token". The
 * per-token probabilities follow Graham with Robinson's smoothing, and the evidence is
 * combined with Fisher's method (Robinson's chi-square, as in SpamBayes), which gives 0.5
 * when evidence is thin or contradictory instead of a confident wrong answer.
 */
import { commentLinks, commentPlainText } from './body.js';

export interface TokenCounts {
  /** Rejected comments that contained the token. */
  spam: number;
  /** Approved comments that contained the token. */
  ham: number;
}

export interface ClassifierTotals {
  /** Rejected comments trained on. */
  spamDocs: number;
  /** Approved comments trained on. */
  hamDocs: number;
}

export interface ClassifierVerdict {
  /** 0..1: how much the comment resembles rejected comments. */
  probability: number;
  /** Up to three tokens that pushed most towards "rejected", for the moderator. */
  tokens: string[];
}

/** Below this many decisions of either kind the classifier abstains: it would mostly echo noise. */
export const MIN_TRAINING_DOCS = 10;

/** A long comment should not produce an unbounded token lookup in the database. */
export const MAX_TOKENS = 200;

const MIN_TOKEN_LENGTH = 2;
const MAX_TOKEN_LENGTH = 30;

/** How many of the most decisive tokens are combined (Graham's 15). */
const MAX_CLUES = 15;

// Robinson's f(w): a token seen in n comments moves from the prior x towards its observed
// ratio as n grows; s is how many comments the prior is worth.
const PRIOR_STRENGTH = 1;
const PRIOR_PROBABILITY = 0.5;

// Tokens whose f(w) is within this of 0.5 say too little to be worth a clue (SpamBayes' default).
const MIN_CLUE_STRENGTH = 0.1;

const WORD = /[\p{L}\p{N}]+/gu;
const BARE_URL = /\bhttps?:\/\/[^\s<>"]+/giu;
// Spammers often drop the scheme so that the link is not clickable, and so not counted as a link.
const WWW_HOST = /\bwww\.[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/giu;

// ---------------------------------------------------------------------------------------
// Tokens

/** The host a link points to, lower case and without `www.`, or null for a malformed URL. */
function linkHost(href: string): string | null {
  try {
    const host = new URL(href).hostname.toLowerCase().replace(/\.$/, '');
    return host.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** Folds case and accents so that "Bogotá", "BOGOTA" and "bogota" are one token. */
function foldText(text: string): string {
  // Lower-case first: some capitals ("İ") lower-case to a letter plus a combining mark.
  return text.toLowerCase().normalize('NFKD').replace(/\p{M}+/gu, '');
}

function linkTokens(stored: string, plain: string): string[] {
  const hosts = commentLinks(stored).map(linkHost);
  for (const m of plain.matchAll(WWW_HOST)) hosts.push(m[0].toLowerCase().replace(/^www\./, ''));
  return hosts.filter((h): h is string => h !== null).map((h) => `link:${h}`);
}

/** True when more than half the letters of a text long enough to judge (20 letters) are capitals. */
export function isMostlyCapitals(text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const upper = text.match(/\p{Lu}/gu)?.length ?? 0;
  return letters >= 20 && upper * 2 > letters;
}

function digitCount(text: string): number {
  return text.match(/\d/g)?.length ?? 0;
}

/**
 * How a comment looks rather than what it says. Each is a token like any other, so the
 * classifier learns from the newsroom's decisions how much it matters.
 */
function shapeTokens(plain: string): string[] {
  const shapes: string[] = [];
  if (isMostlyCapitals(plain)) shapes.push('shape:caps');
  if (/!!/.test(plain)) shapes.push('shape:exclaim');
  // Prices and prizes ("$500", "50 €") are typical of offers.
  if (/[$€£¥]\s?\d|\d\s?[$€£¥]/u.test(plain)) shapes.push('shape:money');
  // A phone or messaging number: at least nine digits in one run of digits and separators.
  if ([...plain.matchAll(/\+?\d[\d\s().-]{7,}\d/g)].some((m) => digitCount(m[0]) >= 9)) shapes.push('shape:phone');
  return shapes;
}

function wordTokens(text: string): string[] {
  return (foldText(text).match(WORD) ?? []).filter((w) => {
    const length = [...w].length;
    return length >= MIN_TOKEN_LENGTH && length <= MAX_TOKEN_LENGTH;
  });
}

/**
 * The tokens the classifier learns from and scores, each once, at most MAX_TOKENS: link
 * hosts (`link:example.com`), shape tokens (`shape:caps`) and then the words, folded to
 * lower case without accents. Takes the stored comment text; formatting marks and link
 * targets are not words.
 */
export function classifierTokens(text: string): string[] {
  const plain = commentPlainText(text);
  // Link and shape tokens come first: they are few and among the most telling, so the cap never drops them.
  const links = linkTokens(text, plain);
  const prose = plain.replace(BARE_URL, ' ').replace(WWW_HOST, ' ');
  const tokens = new Set<string>([...links, ...shapeTokens(prose), ...wordTokens(prose)]);
  return [...tokens].slice(0, MAX_TOKENS);
}

// ---------------------------------------------------------------------------------------
// Probabilities

/** Whether enough decisions of both kinds have been recorded for the classifier to speak. */
export function isTrained(totals: ClassifierTotals): boolean {
  return totals.spamDocs >= MIN_TRAINING_DOCS && totals.hamDocs >= MIN_TRAINING_DOCS;
}

/**
 * Robinson's f(w): the probability that a comment containing the token is rejected,
 * smoothed towards 0.5 for rarely seen tokens. An unknown token is exactly 0.5 (neutral).
 */
function tokenProbability(c: TokenCounts | undefined, totals: ClassifierTotals): number {
  if (!c) return PRIOR_PROBABILITY;
  // Counts are clamped: a table updated out of step with the totals must not give ratios above 1.
  const spam = Math.max(0, Math.min(c.spam, totals.spamDocs));
  const ham = Math.max(0, Math.min(c.ham, totals.hamDocs));
  const n = spam + ham;
  if (n === 0) return PRIOR_PROBABILITY;
  // Ratios, not raw counts, so that having trained on more of one class does not bias every token.
  const spamRatio = spam / totals.spamDocs;
  const hamRatio = ham / totals.hamDocs;
  const p = spamRatio / (spamRatio + hamRatio);
  return (PRIOR_STRENGTH * PRIOR_PROBABILITY + n * p) / (PRIOR_STRENGTH + n);
}

interface Clue {
  token: string;
  probability: number;
}

/** The most decisive tokens (furthest from 0.5), at most MAX_CLUES, strongest first. */
function clues(tokens: readonly string[], totals: ClassifierTotals, counts: ReadonlyMap<string, TokenCounts>): Clue[] {
  return [...new Set(tokens)]
    .map((token) => ({ token, probability: tokenProbability(counts.get(token), totals) }))
    .filter((c) => Math.abs(c.probability - 0.5) >= MIN_CLUE_STRENGTH)
    .sort((a, b) => Math.abs(b.probability - 0.5) - Math.abs(a.probability - 0.5))
    .slice(0, MAX_CLUES);
}

/**
 * The chi-square survival function for an even number of degrees of freedom: the chance
 * that a chi-square variable exceeds x2. Closed form, so no numeric library is needed.
 */
function chi2Q(x2: number, degreesOfFreedom: number): number {
  const m = x2 / 2;
  let term = Math.exp(-m);
  let sum = term;
  for (let i = 1; i < degreesOfFreedom / 2; i++) {
    term *= m / i;
    sum += term;
  }
  return Math.min(sum, 1);
}

/**
 * Fisher's method on both tails, combined as Robinson's indicator. Sums of logarithms
 * stand in for products of probabilities, which would underflow with many tokens.
 */
function combine(probabilities: readonly number[]): number {
  if (probabilities.length === 0) return 0.5;
  const dof = 2 * probabilities.length;
  const spamLog = probabilities.reduce((sum, p) => sum + Math.log(1 - p), 0);
  const hamLog = probabilities.reduce((sum, p) => sum + Math.log(p), 0);
  const spamminess = 1 - chi2Q(-2 * spamLog, dof);
  const hamminess = 1 - chi2Q(-2 * hamLog, dof);
  return Math.min(1, Math.max(0, (1 + spamminess - hamminess) / 2));
}

/**
 * How much the comment's tokens resemble rejected rather than approved comments, 0..1;
 * null while the classifier has too few decisions of either kind to be trusted.
 * `counts` needs entries only for the comment's own tokens; missing ones count as unseen.
 */
export function spamProbability(tokens: readonly string[], totals: ClassifierTotals, counts: ReadonlyMap<string, TokenCounts>): number | null {
  if (!isTrained(totals)) return null;
  return combine(clues(tokens, totals, counts).map((c) => c.probability));
}

/** Up to `limit` tokens that pushed most towards "rejected", strongest first; none when untrained. */
export function strongestTokens(tokens: readonly string[], totals: ClassifierTotals, counts: ReadonlyMap<string, TokenCounts>, limit = 3): string[] {
  if (!isTrained(totals)) return [];
  return clues(tokens, totals, counts)
    .filter((c) => c.probability > 0.5)
    .slice(0, limit)
    .map((c) => c.token);
}

/** The probability and its explanation together, as `ScoreFeatures.classifier` takes them. */
export function classify(tokens: readonly string[], totals: ClassifierTotals, counts: ReadonlyMap<string, TokenCounts>): ClassifierVerdict | null {
  const probability = spamProbability(tokens, totals, counts);
  if (probability === null) return null;
  return { probability, tokens: strongestTokens(tokens, totals, counts) };
}

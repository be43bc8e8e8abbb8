/**
 * Word filters for comments. Banned words use the `obscenity` library: its maintained
 * English list plus the newsroom's own words, matched through its transformers, so that
 * variants, l33tspeak, confusable letters and s.p.a.c.e.d spellings are caught. Suspect
 * words (held, not refused) are the newsroom's own list, matched on whole words with
 * accents and case ignored.
 */
import { DataSet, RegExpMatcher, englishDataset, englishRecommendedTransformers, parseRawPattern } from 'obscenity';

export interface WordFilters {
  hasBannedWords: (text: string) => boolean;
  suspectWords: (text: string) => string[];
}

/** "f u c k", "s.h.i.t": runs of single characters joined, so the matcher sees the word. */
const collapseSpacedLetters = (s: string) => s.replace(/(?<![\p{L}\p{N}])[\p{L}\p{N}](?:[\s.*_-]+[\p{L}\p{N}](?![\p{L}\p{N}])){2,}/gu, (run) => run.replace(/[\s.*_-]+/g, ''));
/**
 * Numbers on their own are numbers: leetspeak reads "455" as "ass" and "717" as "tit", and
 * "455 people were evacuated" must not be refused. Digits inside words ("sh1t") stay.
 */
const dropStandaloneNumbers = (s: string) => s.replace(/(?<![\p{L}\p{N}])[\p{N}][\p{N}.,:/-]*(?![\p{L}\p{N}])/gu, ' ');
const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
// obscenity patterns treat these as syntax; the newsroom's words are plain words.
const patternSafe = (word: string) => fold(word).replace(/[^a-z0-9 ]/g, '').trim();

export function createWordFilters(lists: { bannedWords: readonly string[]; suspectWords: readonly string[] }): WordFilters {
  const dataset = new DataSet<{ originalWord: string }>().addAll(englishDataset);
  for (const word of lists.bannedWords.map(patternSafe).filter((w) => w.length >= 2)) {
    dataset.addPhrase((p) => p.setMetadata({ originalWord: word }).addPattern(parseRawPattern(word)));
  }
  const matcher = new RegExpMatcher({ ...dataset.build(), ...englishRecommendedTransformers });
  const suspects = lists.suspectWords.map(fold).filter((w) => w.length >= 2);
  return {
    hasBannedWords: (raw) => {
      const text = dropStandaloneNumbers(raw);
      return matcher.hasMatch(text) || matcher.hasMatch(fold(collapseSpacedLetters(text)));
    },
    suspectWords: (text) => {
      const words = new Set(fold(text).split(/[^\p{L}\p{N}]+/u));
      return suspects.filter((s) => (s.includes(' ') ? fold(text).includes(s) : words.has(s)));
    },
  };
}

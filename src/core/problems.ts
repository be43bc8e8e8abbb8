/**
 * What was wrong with a request, as something a reader can be told in their own language.
 * A service names each problem by a stable code, with the numbers its sentence needs, and
 * keeps its English sentence for the newsroom, the API and the logs; the reader site turns
 * the code into the edition's words (site/i18n/problems.ts). The codes are a closed list so
 * that a message file cannot lack the words for one (the site's map from code to message
 * key is typed against it).
 */
import type { z } from 'zod';

export const PROBLEM_CODES = [
  // Generic, from a schema: any field.
  'tooShort',
  'tooLong',
  'invalid',
  // Reader accounts.
  'email.invalid',
  'email.taken',
  'displayName.length',
  'displayName.characters',
  'displayName.tooFewLetters',
  'displayName.reserved',
  'displayName.staff',
  'displayName.taken',
  'link.dead',
  'link.used',
  // Comments.
  'comment.tooLong',
  'comment.signIn',
  'comment.membersOnly',
  'comment.parentGone',
  'comment.editWindow',
  'comment.ownLike',
  'report.reason',
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface Problem {
  /** The request field it is about ('email', 'displayName'), when it is about one. */
  field?: string;
  code: ProblemCode;
  /** What the sentence needs: limits, counts. */
  values?: Record<string, number>;
  /** The service's own English sentence. */
  text: string;
}

/** The English line a problem reads as where nothing translates it: `field: text`. */
export const problemLine = (p: Problem): string => (p.field ? `${p.field}: ${p.text}` : p.text);

/**
 * A schema's complaints as problems. Length limits keep their numbers, so the reader site
 * can say "at least 8 characters" in any language; an email that does not parse is
 * `email.invalid` whatever the field is called; anything else is `invalid`.
 *
 * `lengthRules`: fields whose schema caps the raw input more loosely than the real rule,
 * checked later (a display name, a comment before normalisation). A length complaint about
 * one is told as that rule, not as the schema's cap.
 */
export function problemsFromSchema(error: z.ZodError, lengthRules: Readonly<Record<string, Problem>> = {}): Problem[] {
  return error.issues.map((issue): Problem => {
    const field = issue.path.join('.') || undefined;
    const base = { ...(field ? { field } : {}), text: issue.message };
    const isLength = (issue.code === 'too_small' || issue.code === 'too_big') && issue.origin === 'string';
    const rule = isLength && field !== undefined && Object.hasOwn(lengthRules, field) ? lengthRules[field] : undefined;
    if (rule) return { ...rule, field };
    if (issue.code === 'too_small' && issue.origin === 'string') return { ...base, code: 'tooShort', values: { min: Number(issue.minimum) } };
    if (issue.code === 'too_big' && issue.origin === 'string') return { ...base, code: 'tooLong', values: { max: Number(issue.maximum) } };
    if (issue.code === 'invalid_format' && issue.format === 'email') return { ...base, code: 'email.invalid' };
    return { ...base, code: 'invalid' };
  });
}

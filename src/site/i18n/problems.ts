/**
 * What a service refused, in the reader's language. Services name problems by code
 * (core/problems.ts); this is where a code becomes a sentence of the edition, prefixed with
 * the field's label the reader sees on the form.
 */
import type { Problem, ProblemCode } from '../../core/problems.js';
import type { ValidationError } from '../../services/publishing.js';
import type { MessageKey, Translate } from './translate.js';

/** Typed against the closed list of codes: a new code does not compile without its words. */
const PROBLEM_MESSAGES: Record<ProblemCode, MessageKey> = {
  tooShort: 'problem.tooShort',
  tooLong: 'problem.tooLong',
  invalid: 'problem.invalid',
  'email.invalid': 'problem.email.invalid',
  'email.taken': 'problem.email.taken',
  'displayName.length': 'problem.displayName.length',
  'displayName.characters': 'problem.displayName.characters',
  'displayName.tooFewLetters': 'problem.displayName.tooFewLetters',
  'displayName.reserved': 'problem.displayName.reserved',
  'displayName.staff': 'problem.displayName.staff',
  'displayName.taken': 'problem.displayName.taken',
  'link.dead': 'problem.link.dead',
  'link.used': 'problem.link.used',
  'comment.tooLong': 'problem.comment.tooLong',
  'comment.signIn': 'problem.comment.signIn',
  'comment.membersOnly': 'problem.comment.membersOnly',
  'comment.parentGone': 'problem.comment.parentGone',
  'comment.editWindow': 'problem.comment.editWindow',
  'comment.ownLike': 'problem.comment.ownLike',
  'report.reason': 'problem.report.reason',
};

/** The labels of the fields a reader fills in, as the forms show them. */
const FIELD_LABELS: Record<string, MessageKey> = {
  displayName: 'account.field.displayName',
  email: 'account.field.email',
  password: 'account.field.password',
  link: 'account.field.link',
  name: 'comments.guestName',
};

const label = (t: Translate, field: string | undefined): string => {
  const key = field !== undefined && Object.hasOwn(FIELD_LABELS, field) ? FIELD_LABELS[field] : undefined;
  return key ? `${t(key)}: ` : '';
};

export const problemText = (t: Translate, problem: Problem): string => `${label(t, problem.field)}${t(PROBLEM_MESSAGES[problem.code], problem.values)}`;

/** One line of what to correct, and the form field it is about (a form links the line to it). */
export interface FormError {
  text: string;
  field?: string | undefined;
}

/**
 * Every problem of a refusal in the reader's words. A service that gave no codes (an older
 * path) still has its English lines shown, with the field's label translated.
 */
export function formErrors(t: Translate, err: ValidationError): FormError[] {
  if (err.problems.length > 0) return err.problems.map((p) => ({ text: problemText(t, p), field: p.field }));
  return err.issues.map((issue) => ({ text: issue.replace(/^(\w+): /, (whole, field: string) => label(t, field) || whole) }));
}

/** The same as lines of text (a JSON answer, a form that shows one message). */
export const refusalLines = (t: Translate, err: ValidationError): string[] => formErrors(t, err).map((e) => e.text);

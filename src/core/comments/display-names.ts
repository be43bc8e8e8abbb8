/**
 * The names readers comment under. Rules a reader can read on the sign-up form: 3 to 30
 * letters, digits, spaces, dots, hyphens or underscores; unique regardless of case, accents
 * and separators; and nothing that passes for the newsroom (staff names, "editor", "admin").
 */
export const DISPLAY_NAME = { min: 3, max: 30 } as const;

const ALLOWED = /^[\p{L}\p{N}][\p{L}\p{N} ._'-]*$/u;

/** Words only staff may appear as. Compared on the name key, so "Ad.min" is caught too. */
const RESERVED = ['admin', 'administrator', 'moderator', 'mod', 'editor', 'staff', 'newsdesk', 'newsroom', 'official', 'support', 'deleteduser', 'guest'];

/** The comparable form of a name: lower case, no accents, no separators ("José R." -> "joser"). */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '')
    .slice(0, 40);
}

export function cleanDisplayName(raw: string): string {
  return raw.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Why a name cannot be used: a code the reader site words in the edition's language, and the English. */
export interface NameProblem {
  code: 'displayName.length' | 'displayName.characters' | 'displayName.tooFewLetters' | 'displayName.reserved' | 'displayName.staff';
  values?: Record<string, number>;
  text: string;
}

/** A name too short or too long (a form may refuse an overlong one before the other rules run). */
export const NAME_LENGTH_PROBLEM: NameProblem = { code: 'displayName.length', values: { ...DISPLAY_NAME }, text: `Use ${DISPLAY_NAME.min} to ${DISPLAY_NAME.max} characters.` };

/**
 * Why a name cannot be used, or undefined when it can. `staffNames` are the newsroom's
 * people (staff accounts and bylines): a reader may not take one of their names.
 */
export function displayNameProblem(raw: string, staffNames: readonly string[] = []): NameProblem | undefined {
  const name = cleanDisplayName(raw);
  if (name.length < DISPLAY_NAME.min || name.length > DISPLAY_NAME.max) return NAME_LENGTH_PROBLEM;
  if (!ALLOWED.test(name)) return { code: 'displayName.characters', text: 'Use letters, digits, spaces, dots, hyphens, apostrophes or underscores, starting with a letter or digit.' };
  const key = nameKey(name);
  if (key.length < DISPLAY_NAME.min) return { code: 'displayName.tooFewLetters', values: { min: DISPLAY_NAME.min }, text: 'Use at least three letters or digits.' };
  // Prefixes too ("EditorJane", "Admin_2"), for words long enough not to catch ordinary names.
  if (RESERVED.some((word) => key === word || (word.length >= 5 && key.startsWith(word)))) return { code: 'displayName.reserved', text: 'That name is reserved for the newsroom.' };
  if (staffNames.some((staff) => nameKey(staff) === key)) return { code: 'displayName.staff', text: 'That name belongs to a member of our staff.' };
  return undefined;
}

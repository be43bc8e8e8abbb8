/** Newsroom staff and their roles. Readers (comments) are a separate population. */
export const STAFF_ROLES = ['contributor', 'author', 'editor', 'admin', 'moderator'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface StaffUser {
  id: number;
  email: string;
  name: string;
  role: StaffRole;
  /** The byline this account writes under, if any. */
  authorId: number | null;
  disabled: boolean;
}

export const ROLE_NAMES: Record<StaffRole, string> = {
  contributor: 'Contributor',
  author: 'Author',
  editor: 'Editor',
  admin: 'Administrator',
  moderator: 'Moderator',
};

export const isStaffRole = (value: string): value is StaffRole => (STAFF_ROLES as readonly string[]).includes(value);

/**
 * Form fields the newsroom's catalogue pages share (sections, tags, authors, channels,
 * programmes): a name with its slug, and the edition's language. One markup, so every form
 * labels, limits and checks them the same way.
 */
import type { ComponentChildren } from 'preact';

/** What the services accept as a slug (core/slugs.ts), for the browser to check first. */
const SLUG_PATTERN = '[a-z0-9]+(-[a-z0-9]+)*';

export const LANGUAGE_NAMES: Record<string, string> = { en: 'English', es: 'Spanish' };
export const languageName = (code: string): string => LANGUAGE_NAMES[code] ?? code;

interface NameAndSlugProps {
  /** Prefix of the inputs' ids: `section` makes `section-name` and `section-slug`. */
  idPrefix: string;
  name: { value: string; field?: 'name' | 'title'; label?: string; maxLength?: number };
  /** `label`: what goes in brackets after "Slug"; `hint`: shown under it, and read with it. */
  slug: { value: string; label: string; hint?: ComponentChildren };
}

/** The name and slug, each in a cell of the form's field grid. */
export function NameAndSlugFields({ idPrefix, name, slug }: NameAndSlugProps) {
  const field = name.field ?? 'name';
  const hintId = slug.hint ? `${idPrefix}-slug-hint` : undefined;
  return (
    <>
      <div>
        <label for={`${idPrefix}-${field}`}>{name.label ?? 'Name'}</label>
        <input id={`${idPrefix}-${field}`} name={field} required maxLength={name.maxLength ?? 120} value={name.value} />
      </div>
      <div>
        <label for={`${idPrefix}-slug`}>Slug ({slug.label})</label>
        <input id={`${idPrefix}-slug`} name="slug" maxLength={80} pattern={SLUG_PATTERN} value={slug.value} aria-describedby={hintId} />
        {slug.hint && (
          <p class="hint" id={hintId}>
            {slug.hint}
          </p>
        )}
      </div>
    </>
  );
}

/** A select of the editions' languages, named `language`. */
export function LanguageSelect({ id, value }: { id: string; value: string }) {
  return (
    <select id={id} name="language">
      {Object.entries(LANGUAGE_NAMES).map(([code, label]) => (
        <option key={code} value={code} selected={value === code}>
          {label}
        </option>
      ))}
    </select>
  );
}

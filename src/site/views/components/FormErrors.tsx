/**
 * What to correct, above a form (role=alert, so it is announced). A line about a field links
 * to that field, found by `inputs` (field name -> input id); `invalid` marks the field itself.
 */
import type { FormError } from '../../i18n/problems.js';

export function FormErrors({ errors, inputs, intro }: { errors?: readonly FormError[] | undefined; inputs: Readonly<Record<string, string>>; intro?: string }) {
  if (!errors || errors.length === 0) return null;
  return (
    <div class="form-errors" role="alert">
      {intro && <p>{intro}</p>}
      <ul>
        {errors.map((e) => {
          const input = e.field !== undefined && Object.hasOwn(inputs, e.field) ? inputs[e.field] : undefined;
          return <li key={e.text}>{input ? <a href={`#${input}`}>{e.text}</a> : e.text}</li>;
        })}
      </ul>
    </div>
  );
}

/** `aria-invalid` for a field some error is about, absent otherwise. */
export const invalid = (errors: readonly FormError[] | undefined, field: string): true | undefined => (errors?.some((e) => e.field === field) ? true : undefined);

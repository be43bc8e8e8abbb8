/**
 * A small ICU MessageFormat formatter for the comments island, so that it need not carry
 * intl-messageformat: the subset the site's messages use, with the same results
 * (src/site/i18n/messages.test.ts formats every island message both ways and compares).
 *
 * - `{name}`: the value as text; `{n, number}`: the number in the locale;
 * - `{n, plural, =0 {…} one {…} other {…}}` with `#` for the number; `{x, select, a {…} other {…}}`;
 * - tags, `<hidden>…</hidden>`: a function of their content (a DOM node in the island);
 * - apostrophe quoting as ICU has it: `''` is one apostrophe, `'{…}'` is literal text.
 *
 * No DOM here: the island binds it to the page in messages.ts.
 */

type Part = string | Argument | Pound | Tag | Choice;
interface Argument {
  kind: 'argument';
  name: string;
  number: boolean;
}
interface Pound {
  kind: 'pound';
}
interface Tag {
  kind: 'tag';
  name: string;
  children: Part[];
}
interface Choice {
  kind: 'plural' | 'select';
  name: string;
  options: Map<string, Part[]>;
}

export type Values = Record<string, string | number>;
/** A tag's content becomes one T (an element, in the island). */
export type Tags<T> = Record<string, (children: Array<string | T>) => T>;

export class MessageSyntaxError extends Error {
  constructor(message: string, source: string) {
    super(`${message} in message: ${source}`);
    this.name = 'MessageSyntaxError';
  }
}

class Parser {
  private i = 0;
  constructor(private readonly src: string) {}

  parse(): Part[] {
    const parts = this.parts(false, undefined);
    if (this.i < this.src.length) this.fail(`unexpected "${this.src[this.i] ?? ''}"`);
    return parts;
  }

  private fail(message: string): never {
    throw new MessageSyntaxError(message, this.src);
  }

  /** Text and arguments up to a closing `}` or `</` (left for the caller), or the end. */
  private parts(inPlural: boolean, inTag: string | undefined): Part[] {
    const out: Part[] = [];
    let text = '';
    const flush = () => {
      if (text) out.push(text);
      text = '';
    };
    while (this.i < this.src.length) {
      const c = this.src[this.i] ?? '';
      const next = this.src[this.i + 1] ?? '';
      if (c === '}') break;
      if (c === '{') {
        flush();
        out.push(this.argument());
      } else if (c === '#' && inPlural) {
        flush();
        out.push({ kind: 'pound' });
        this.i++;
      } else if (c === '<' && next === '/') {
        if (inTag === undefined) this.fail('a closing tag without its opening tag');
        break;
      } else if (c === '<' && /[a-zA-Z]/.test(next)) {
        flush();
        out.push(this.tag(inPlural));
      } else if (c === "'") {
        text += this.quoted(inPlural);
      } else {
        text += c;
        this.i++;
      }
    }
    flush();
    return out;
  }

  /** ICU apostrophes: '' is one; before a syntax character, quoted text up to the next lone one. */
  private quoted(inPlural: boolean): string {
    const next = this.src[this.i + 1] ?? '';
    if (next === "'") {
      this.i += 2;
      return "'";
    }
    const special = next !== '' && ('{}<>'.includes(next) || (inPlural && next === '#'));
    if (!special) {
      this.i++;
      return "'";
    }
    this.i++;
    let text = '';
    while (this.i < this.src.length) {
      const c = this.src[this.i] ?? '';
      if (c === "'") {
        if (this.src[this.i + 1] === "'") {
          text += "'";
          this.i += 2;
          continue;
        }
        this.i++;
        return text;
      }
      text += c;
      this.i++;
    }
    return text;
  }

  private space(): void {
    while (/\s/.test(this.src[this.i] ?? '')) this.i++;
  }

  private word(): string {
    const start = this.i;
    while (this.i < this.src.length && !/[\s,{}<>]/.test(this.src[this.i] ?? '')) this.i++;
    if (this.i === start) this.fail('a name was expected');
    return this.src.slice(start, this.i);
  }

  private expect(c: string): void {
    if (this.src[this.i] !== c) this.fail(`"${c}" was expected`);
    this.i++;
  }

  private argument(): Part {
    this.expect('{');
    this.space();
    const name = this.word();
    this.space();
    if (this.src[this.i] === '}') {
      this.i++;
      return { kind: 'argument', name, number: false };
    }
    this.expect(',');
    this.space();
    const type = this.word();
    this.space();
    if (type === 'number') {
      this.expect('}');
      return { kind: 'argument', name, number: true };
    }
    if (type !== 'plural' && type !== 'select') this.fail(`unsupported argument type "${type}"`);
    this.expect(',');
    const options = new Map<string, Part[]>();
    for (;;) {
      this.space();
      if (this.src[this.i] === '}') break;
      const selector = this.word();
      this.space();
      this.expect('{');
      options.set(selector, this.parts(type === 'plural', undefined));
      this.expect('}');
    }
    this.expect('}');
    if (!options.has('other')) this.fail(`{${name}, ${type}} needs an "other" option`);
    return { kind: type, name, options };
  }

  private tag(inPlural: boolean): Tag {
    this.expect('<');
    const name = this.word();
    this.expect('>');
    const children = this.parts(inPlural, name);
    const close = `</${name}>`;
    if (!this.src.startsWith(close, this.i)) this.fail(`${close} was expected`);
    this.i += close.length;
    return { kind: 'tag', name, children };
  }
}

const parsed = new Map<string, Part[]>();
const parse = (source: string): Part[] => {
  let parts = parsed.get(source);
  if (!parts) {
    parts = new Parser(source).parse();
    parsed.set(source, parts);
  }
  return parts;
};

/** Throws MessageSyntaxError when the source is not a message this formatter understands. */
export function checkMessage(source: string): void {
  parse(source);
}

const numberFormats = new Map<string, Intl.NumberFormat>();
export function formatNumber(n: number, locale: string): string {
  let f = numberFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale);
    numberFormats.set(locale, f);
  }
  return f.format(n);
}

function run<T>(parts: readonly Part[], values: Values, tags: Tags<T>, locale: string, pound: number | undefined): Array<string | T> {
  const out: Array<string | T> = [];
  const push = (item: string | T) => {
    const last = out[out.length - 1];
    if (typeof item === 'string' && typeof last === 'string') out[out.length - 1] = last + item;
    else if (item !== '') out.push(item);
  };
  for (const part of parts) {
    if (typeof part === 'string') {
      push(part);
      continue;
    }
    switch (part.kind) {
      case 'pound':
        push(pound === undefined ? '#' : formatNumber(pound, locale));
        break;
      case 'argument': {
        const value = values[part.name];
        push(value === undefined ? '' : part.number && typeof value === 'number' ? formatNumber(value, locale) : String(value));
        break;
      }
      case 'tag': {
        const children = run(part.children, values, tags, locale, pound);
        const wrap = tags[part.name];
        for (const item of wrap ? [wrap(children)] : children) push(item);
        break;
      }
      case 'plural': {
        const n = Number(values[part.name] ?? 0);
        const option = part.options.get(`=${n}`) ?? part.options.get(new Intl.PluralRules(locale).select(n)) ?? part.options.get('other') ?? [];
        for (const item of run(option, values, tags, locale, n)) push(item);
        break;
      }
      case 'select': {
        const option = part.options.get(String(values[part.name] ?? '')) ?? part.options.get('other') ?? [];
        for (const item of run(option, values, tags, locale, pound)) push(item);
        break;
      }
    }
  }
  return out;
}

/** The message as text and tag results: `formatParts('Edit<hidden> it</hidden>', {}, { hidden })`. */
export function formatParts<T>(source: string, locale: string, values: Values = {}, tags: Tags<T> = {}): Array<string | T> {
  return run(parse(source), values, tags, locale, undefined);
}

/** The message as plain text (tags keep only their content). */
export function formatText(source: string, locale: string, values: Values = {}): string {
  return formatParts<string>(source, locale, values, {}).join('');
}

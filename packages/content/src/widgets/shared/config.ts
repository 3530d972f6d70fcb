/**
 * Widget configurations are free-form in the content model (`widget.config`), so each widget
 * states its own shape here: the Node tests check the shipped content against it, and a widget
 * refuses a broken configuration with the same path-carrying `ContentError` as the core.
 *
 * A few small combinators rather than zod: the widgets ship as their own script, and the same
 * rules as the core's (`{ fr, en }` texts, ids) fit in a few lines.
 */
import { ContentError, type ContentIssue, type LocalizedText } from '@observatoire/core';

export type { LocalizedText };

/** Checks a value at a path, pushes issues, and returns it typed (meaningful only without issues). */
export type Shape<T> = (value: unknown, path: string, issues: ContentIssue[]) => T;

/** What a widget can report under each key: the closed list of values, or `null` for free text. */
export type ReportedValues = Record<string, readonly string[] | null>;

/** How a widget describes its configuration to the content checks. */
export interface WidgetSpec<T> {
  /** The custom element name used in `widget.name`. */
  name: string;
  shape: Shape<T>;
  /** Keys the widget reports and their possible values, for a given configuration. */
  reported(config: T): ReportedValues;
}

/**
 * Validate a widget configuration.
 *
 * @example
 * const config = parseWidgetConfig(clickSpec, { buttons: [{ id: 'ok', label: { fr: 'OK', en: 'OK' } }] });
 * @throws {ContentError} with paths such as `widget.config.buttons[1].label.en: must not be empty`.
 */
export function parseWidgetConfig<T>(spec: WidgetSpec<T>, config: unknown): T {
  const issues: ContentIssue[] = [];
  const value = spec.shape(config ?? {}, 'widget.config', issues);
  if (issues.length > 0) throw new ContentError(issues.map((i) => ({ ...i, message: `${spec.name}: ${i.message}` })));
  return value;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** A `{ fr, en }` text, both non-empty (the core's `LocalizedText`). */
export const text: Shape<LocalizedText> = (value, path, issues) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    issues.push({ path, message: 'must be a text in French and English ({ "fr": …, "en": … })' });
    return value as LocalizedText;
  }
  const record = value as Record<string, unknown>;
  for (const lang of ['fr', 'en'])
    if (typeof record[lang] !== 'string' || (record[lang] as string).trim() === '') issues.push({ path: `${path}.${lang}`, message: 'must not be empty' });
  for (const key of Object.keys(record)) if (key !== 'fr' && key !== 'en') issues.push({ path: `${path}.${key}`, message: `unknown field "${key}"` });
  return value as LocalizedText;
};

/** An identifier: letters, digits, `-` and `_` (the core's `Id`). */
export const id: Shape<string> = (value, path, issues) => {
  if (typeof value !== 'string' || !ID.test(value)) issues.push({ path, message: 'must be 1 to 64 letters, digits, "-" or "_"' });
  return value as string;
};

/** A non-empty string; `pattern` refines it. */
export function string(pattern?: RegExp, expected = 'a non-empty text'): Shape<string> {
  return (value, path, issues) => {
    if (typeof value !== 'string' || value.trim() === '' || (pattern && !pattern.test(value)))
      issues.push({ path, message: `must be ${expected}` });
    return value as string;
  };
}

/** An array of at least `min` items; `unique` names a key whose values must differ. */
export function array<T>(item: Shape<T>, min: number, unique?: keyof T & string): Shape<T[]> {
  return (value, path, issues) => {
    if (!Array.isArray(value) || value.length < min) {
      issues.push({ path, message: `must be a list of at least ${min} item(s)` });
      return [];
    }
    const items = value.map((v, i) => item(v, `${path}[${i}]`, issues));
    if (unique) {
      const seen = new Set<unknown>();
      items.forEach((it, i) => {
        const key = (it as Record<string, unknown> | null)?.[unique];
        if (seen.has(key)) issues.push({ path: `${path}[${i}].${unique}`, message: `duplicate ${unique} "${String(key)}"` });
        seen.add(key);
      });
    }
    return items;
  };
}

/** The pictures a target can carry (drawn by `shared/icons.ts`; docs/content.md, "The widgets"). */
export const ICON_NAMES = ['send', 'cancel', 'help', 'back', 'keyboard', 'undo', 'download', 'document'] as const;
export type IconName = (typeof ICON_NAMES)[number];

/** One of a closed list of names. */
export function oneOf<T extends string>(names: readonly T[]): Shape<T> {
  return (value, path, issues) => {
    if (typeof value !== 'string' || !(names as readonly string[]).includes(value))
      issues.push({ path, message: `must be one of ${names.map((n) => `"${n}"`).join(', ')}` });
    return value as T;
  };
}

/** An icon's name. */
export const iconName: Shape<IconName> = oneOf(ICON_NAMES);

/** May be left out. */
export function optional<T>(shape: Shape<T>): Shape<T | undefined> {
  return (value, path, issues) => (value === undefined ? undefined : shape(value, path, issues));
}

/** An object with exactly these fields (an unknown field is an error: it is usually a typo). */
export function object<T extends object>(fields: { [K in keyof T]: Shape<T[K]> }): Shape<T> {
  return (value, path, issues) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      issues.push({ path, message: 'must be an object' });
      return value as T;
    }
    const record = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(fields)) {
      const checked = fields[key as keyof T](record[key], path ? `${path}.${key}` : key, issues);
      if (checked !== undefined) out[key] = checked;
    }
    for (const key of Object.keys(record))
      if (!(key in fields)) issues.push({ path: path ? `${path}.${key}` : key, message: `unknown field "${key}"` });
    return out as T;
  };
}

/** Adds a rule on the whole value, checked only when its parts are sound. */
export function refine<T>(shape: Shape<T>, rule: (value: T) => boolean, message: string): Shape<T> {
  return (value, path, issues) => {
    const before = issues.length;
    const checked = shape(value, path, issues);
    if (issues.length === before && !rule(checked)) issues.push({ path, message });
    return checked;
  };
}

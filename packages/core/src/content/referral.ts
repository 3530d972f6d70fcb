/**
 * The next steps a structure offers on the referral sheet (docs/player.md, "<obs-referral-sheet>"):
 * its workshops, Aidants Connect, France Services. Given by the host page, so checked like
 * content: only web links reach an `href`, texts are short enough for one A4 page.
 */
import '../zod-config.js';
import * as z from 'zod/mini';
import type { ContentIssue } from '../errors.js';
import { toContentIssue } from './parse.js';
import { SafeUrl } from './schema.js';

/** At most this many links of the structure: the sheet stays one A4 page. */
export const MAX_REFERRAL_LINKS = 5;

const text = (max: number) => z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(max));

export const ReferralLink = z.strictObject({
  /** What it is, in the structure's words: « Atelier "Premiers pas" le mardi ». */
  title: text(80),
  url: SafeUrl,
  /** Where or when, in a few words: « Médiathèque, salle 2 ». */
  detail: z.optional(text(120)),
});

export type ReferralLink = z.output<typeof ReferralLink>;

/**
 * The structure's links that can be printed, and an issue (with its path) for each one that
 * cannot: a bad link is left out, the others are kept.
 *
 * @example
 * checkReferralLinks([{ title: 'Aidants Connect', url: 'https://aidantsconnect.beta.gouv.fr' }, { title: 'x', url: 'javascript:alert(1)' }]);
 * // { links: [{ title: 'Aidants Connect', … }], issues: [{ path: '[1].url', message: 'must be an http(s) or relative URL' }] }
 */
export function checkReferralLinks(json: unknown): { links: ReferralLink[]; issues: ContentIssue[] } {
  if (!Array.isArray(json)) return { links: [], issues: [{ path: '', message: 'must be an array of links' }] };
  const links: ReferralLink[] = [];
  const issues: ContentIssue[] = [];
  json.forEach((item: unknown, index) => {
    const result = ReferralLink.safeParse(item);
    if (!result.success) issues.push(...result.error.issues.map((issue) => toContentIssue({ ...issue, path: [index, ...issue.path] })));
    else if (links.length === MAX_REFERRAL_LINKS) issues.push({ path: `[${index}]`, message: `left out: at most ${MAX_REFERRAL_LINKS} links fit on the sheet` });
    else links.push(result.data);
  });
  return { links, issues };
}

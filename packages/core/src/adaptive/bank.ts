/**
 * The item bank of the adaptive test (docs/adaptive.md, "Item bank"): challenges of the same schema
 * as the courses, each with its 2PL (or 3PL) parameters and where they come from.
 */
import '../zod-config.js';
import * as z from 'zod/mini';
import { Challenge, Id, Link, LocalizedText } from '../content/schema.js';
import { ContentError, formatPath, type ContentIssue } from '../errors.js';
import type { AdaptiveItem } from './select.js';

/** Version of the bank model. */
export const BANK_SCHEMA_VERSION = 1;

export const ItemParametersSchema = z.strictObject({
  a: z.number().check(z.positive('a must be above 0'), z.lte(6, 'a above 6 is not plausible')),
  b: z.number().check(z.gte(-6), z.lte(6)),
  c: z.optional(z.number().check(z.gte(0), z.lt(1))),
});

/** `experts`: set by content experts until calibrated; `calibrated`: estimated from collected answers. */
export const ParametersSource = z.enum(['experts', 'calibrated']);

/**
 * Who wrote the bank and where its parameters come from, as a survey definition states its provenance
 * (docs/content.md, "Provenance"; docs/adaptive.md, "Item bank"): `parameters` is `experts` while any
 * item's parameters are the experts' provisional ones, `calibrated` once every item is calibrated.
 */
export const BankProvenance = z.strictObject({
  author: z.string().check(z.trim(), z.minLength(1, 'must not be empty')),
  status: z.enum(['reference', 'project']),
  parameters: ParametersSource,
  /** The same in words the reader of the profile reads. */
  description: LocalizedText,
});

export const BankItem = z.strictObject({
  challenge: Challenge,
  parameters: ItemParametersSchema,
  source: ParametersSource,
});

export const AdaptiveBankSchema = z.strictObject({
  schemaVersion: z.literal(BANK_SCHEMA_VERSION),
  id: Id,
  version: z.string().check(z.minLength(1)),
  title: LocalizedText,
  provenance: BankProvenance,
  items: z.array(BankItem).check(z.minLength(1)),
  /** Short tutorials per competence code (`4.1`…), shown with the profile to help progress. */
  tutorials: z.optional(z.record(z.string().check(z.regex(/^[1-5]\.[1-4]$/, 'must be a competence code such as "4.1"')), z.array(Link).check(z.minLength(1), z.maxLength(3)))),
});

export type BankItem = z.output<typeof BankItem>;
export type AdaptiveBank = z.output<typeof AdaptiveBankSchema>;

/**
 * Check a bank read from JSON: structure, then cross rules (unique ids; every challenge has a
 * skill with an area; a timer only where the platform allows it).
 *
 * @example
 * const bank = parseAdaptiveBank(await (await fetch('/adaptive/bank-2026.json')).json());
 * @throws {ContentError} with one issue per problem, e.g. `items[3].challenge.skill: required in a bank`.
 */
export function parseAdaptiveBank(input: unknown): AdaptiveBank {
  const parsed = AdaptiveBankSchema.safeParse(input);
  if (!parsed.success) throw new ContentError(parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })));
  const bank = parsed.data;
  const issues: ContentIssue[] = [];
  const seen = new Set<string>();
  for (const [i, item] of bank.items.entries()) {
    if (seen.has(item.challenge.id)) issues.push({ path: `items[${i}].challenge.id`, message: `duplicate id "${item.challenge.id}"` });
    seen.add(item.challenge.id);
    if (!item.challenge.skill) issues.push({ path: `items[${i}].challenge.skill`, message: 'required in a bank (area, competence and level)' });
    else if (!item.challenge.skill.competence) issues.push({ path: `items[${i}].challenge.skill.competence`, message: 'required in a bank' });
  }
  // The provenance tells the truth about the parameters: calibrated only when every item is.
  const byExperts = bank.items.findIndex((item) => item.source === 'experts');
  if (bank.provenance.parameters === 'calibrated' && byExperts >= 0)
    issues.push({ path: 'provenance.parameters', message: `"calibrated", but items[${byExperts}] has parameters set by experts` });
  if (bank.provenance.parameters === 'experts' && byExperts < 0)
    issues.push({ path: 'provenance.parameters', message: '"experts", but every item is calibrated' });
  if (issues.length > 0) throw new ContentError(issues);
  return bank;
}

/**
 * The bank's items as the adaptive engine sees them.
 *
 * @example
 * const pool = itemPool(adaptiveItems(bank));
 */
export function adaptiveItems(bank: AdaptiveBank): AdaptiveItem[] {
  return bank.items.map((item) => ({
    id: item.challenge.id,
    parameters: item.parameters,
    area: item.challenge.skill?.area ?? '',
    ...(item.challenge.skill?.competence ? { competence: item.challenge.skill.competence } : {}),
    timed: item.challenge.timer !== undefined,
  }));
}

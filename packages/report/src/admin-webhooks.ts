/**
 * `observatoire admin webhooks …`: a collector's webhook endpoints, their delivery log and replay
 * (docs/webhooks.md), through its API. Called by `runAdmin` with the parsed options.
 */
import { date, iso, UsageError } from './admin-errors.js';

export const WEBHOOKS_USAGE = `  webhooks add --url <https URL> --org <id> | --campaign <code>  [--events <event,…>] [--label <text>]
               events: questionnaire.validated, session.completed, session.left (default: all three)
  webhooks list
  webhooks disable <webhook id>
  webhooks deliveries <webhook id> [--limit <n>]
  webhooks replay <delivery id> | webhooks replay --webhook <webhook id> --since <date>`;

const ALL_EVENTS = ['questionnaire.validated', 'session.completed', 'session.left'];

export interface WebhookOptions {
  url?: string | undefined;
  org?: string | undefined;
  campaign?: string | undefined;
  events?: string | undefined;
  label?: string | undefined;
  limit?: string | undefined;
  webhook?: string | undefined;
  since?: string | undefined;
}

type Call = (method: string, path: string, body?: unknown) => Promise<unknown>;
type Print = (value: unknown, lines: () => string[]) => void;

interface Endpoint {
  id: string;
  organisation: string;
  campaign: string | null;
  url: string;
  events: string[];
  label: string | null;
  disabledAt: number | null;
}

interface Delivery {
  id: string;
  type: string;
  sessionId: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: number;
}

/**
 * Runs `webhooks <verb> [argument]`; throws `UsageError` on bad usage.
 *
 * @example
 * await runWebhooks(['add'], { url: 'https://coop.example.fr/hooks', org: 'mediatheque-de-vitre' }, call, print);
 */
export async function runWebhooks(args: readonly string[], values: WebhookOptions, call: Call, print: Print): Promise<void> {
  const [verb, argument, extra] = args;
  if (extra !== undefined) throw new UsageError(`"webhooks ${verb}" takes at most one argument`);
  const path = (id: string) => encodeURIComponent(id);
  if (verb === 'add' && argument === undefined) {
    if (!values.url) throw new UsageError('--url is required (https://…)');
    if (!values.org === !values.campaign) throw new UsageError('give either --org <id> or --campaign <code>');
    const made = (await call('POST', 'v1/webhooks', {
      url: values.url,
      events: values.events ? values.events.split(',').map((e) => e.trim()) : ALL_EVENTS,
      ...(values.org ? { organisation: values.org } : { campaign: values.campaign }),
      ...(values.label ? { label: values.label } : {}),
    })) as Endpoint & { secret: string };
    print(made, () => [`webhook ${made.id} created; its secret is shown this once, give it to the receiver now:`, made.secret]);
  } else if (verb === 'list' && argument === undefined) {
    const list = (await call('GET', 'v1/webhooks')) as Endpoint[];
    print(list, () =>
      list.map((w) => [w.id, w.organisation, w.campaign ?? '*', w.url, w.events.join(','), w.disabledAt === null ? 'active' : `disabled ${iso(w.disabledAt)}`, w.label ?? ''].join('\t')),
    );
  } else if (verb === 'disable') {
    if (argument === undefined) throw new UsageError('webhooks disable needs the webhook id (see "webhooks list")');
    await call('DELETE', `v1/webhooks/${path(argument)}`);
    print({ disabled: argument }, () => [`webhook ${argument} disabled`]);
  } else if (verb === 'deliveries') {
    if (argument === undefined) throw new UsageError('webhooks deliveries needs the webhook id (see "webhooks list")');
    const limit = values.limit ?? '100';
    if (!/^\d+$/.test(limit)) throw new UsageError(`--limit must be a whole number (got "${limit}")`);
    const list = (await call('GET', `v1/webhooks/${path(argument)}/deliveries?limit=${limit}`)) as Delivery[];
    print(list, () => list.map((d) => [d.id, d.type, d.sessionId, d.status, d.attempts, d.lastStatusCode ?? '', d.lastError ?? '', iso(d.createdAt)].join('\t')));
  } else if (verb === 'replay') {
    let result: { requeued: number };
    if (argument !== undefined) {
      if (values.webhook || values.since) throw new UsageError('give a delivery id, or --webhook and --since, not both');
      result = (await call('POST', `v1/webhook-deliveries/${path(argument)}/replay`, {})) as { requeued: number };
    } else {
      if (!values.webhook || !values.since) throw new UsageError('webhooks replay needs a delivery id, or --webhook <id> --since <date> for every failed one');
      result = (await call('POST', `v1/webhooks/${path(values.webhook)}/replay`, { since: date('--since', values.since) })) as { requeued: number };
    }
    print(result, () => [`${result.requeued} ${result.requeued === 1 ? 'delivery' : 'deliveries'} queued again, with the same webhook-id`]);
  } else throw new UsageError(`unknown admin command "webhooks ${args.join(' ')}"`.trimEnd());
}

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CreateWebhookBody, webhookUrlProblem } from './webhooks.js';

for (const [url, problem, reason] of [
  ['https://coop.example.fr/hooks/observatoire', null, 'https to any host'],
  ['http://127.0.0.1:8080/hook', null, 'http to this machine (IPv4 loopback)'],
  ['http://localhost/hook', null, 'http to localhost'],
  ['http://[::1]:9000/hook', null, 'http to the IPv6 loopback'],
  ['http://coop.example.fr/hook', 'must use https (http only for localhost)', 'http to another machine'],
  ['http://127.0.0.1.example.fr/hook', 'must use https (http only for localhost)', 'a host that only starts like the loopback'],
  ['ftp://coop.example.fr/hook', 'must use https (http only for localhost)', 'another scheme'],
  ['https://user:pass@coop.example.fr/hook', 'must not hold a user or password', 'credentials in the URL'],
  ['/hooks/observatoire', 'must be an absolute URL (https://…)', 'a relative path'],
  ['https://coop.example.fr/a b', 'must be an absolute URL (https://…)', 'a space'],
  ['HTTPS://Coop.Example.fr:8443/h?x=1', null, 'https in capitals, with a port and a query'],
  ['http://LOCALHOST:3000/', null, 'localhost in capitals'],
] as const) {
  test(`webhook URL: ${reason} is ${problem === null ? 'accepted' : 'refused'}`, () => assert.equal(webhookUrlProblem(url), problem));
}

for (const [body, path, reason] of [
  [{ url: 'http://coop.example.fr/h', events: ['session.completed'], organisation: 'o' }, 'url', 'an http URL to another machine'],
  [{ url: 'https://coop.example.fr/h', events: [], organisation: 'o' }, 'events', 'no event'],
  [{ url: 'https://coop.example.fr/h', events: ['session.completed', 'session.completed'], organisation: 'o' }, 'events', 'an event named twice'],
  [{ url: 'https://coop.example.fr/h', events: ['session.started'], organisation: 'o' }, 'events.0', 'an unknown event'],
  [{ url: 'https://coop.example.fr/h', events: ['session.left'], campaign: 'ABC2345' }, 'campaign', 'a campaign code of the wrong shape'],
] as const) {
  test(`webhook creation refuses ${reason}, on "${path}"`, () => {
    const result = CreateWebhookBody.safeParse(body);
    assert.equal(result.success, false);
    assert.ok(result.error!.issues.some((issue) => issue.path.join('.') === path), JSON.stringify(result.error!.issues));
  });
}

test('webhook creation takes an https URL, events and a campaign', () => {
  const result = CreateWebhookBody.safeParse({ url: 'https://coop.example.fr/h', events: ['questionnaire.validated', 'session.left'], campaign: 'KXR-482' });
  assert.equal(result.success, true);
});

/** How the outbox and the saved sessions write a collector's address (docs/outbox.md, "Per endpoint and per session"). */

/**
 * A collector's base URL as the outbox and the saved sessions know it: absolute (relative to `base`,
 * the page), without trailing slashes, so `https://collecte.example.fr/` and `https://collecte.example.fr`
 * are one collector.
 *
 * @example
 * collectorEndpoint('/collector/', 'https://site.example.fr/enquete/'); // 'https://site.example.fr/collector'
 */
export function collectorEndpoint(endpoint: string, base: string): string {
  return new URL(endpoint, base).href.replace(/\/+$/, '');
}

/** Define a custom element once: loading the bundle twice (npm + script tag) must not throw. */
export function define(name: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, constructor);
}

/** Every widget's configuration spec, by element name (no DOM: usable in Node to check content). */
import type { WidgetSpec } from './shared/config.js';
import { clickSpec } from './click/config.js';
import { typeSpec } from './type/config.js';
import { dragSpec } from './drag/config.js';
import { browserSpec } from './browser/config.js';
import { mailSpec } from './mail/config.js';
import { formSpec } from './form/config.js';
import { pageSpec } from './page/config.js';
import { downloadSpec } from './download/config.js';

export const widgetSpecs: Readonly<Record<string, WidgetSpec<unknown>>> = Object.fromEntries(
  [clickSpec, typeSpec, dragSpec, browserSpec, mailSpec, formSpec, pageSpec, downloadSpec].map((spec) => [spec.name, spec as WidgetSpec<unknown>]),
);
export { parseWidgetConfig, type WidgetSpec, type ReportedValues } from './shared/config.js';

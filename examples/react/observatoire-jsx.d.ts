// Lets TypeScript and the editor know the Observatoire tags in JSX (React 19), with their
// properties and `on<event>` handlers. Copy this file into a React app that uses the elements.
import type { HTMLAttributes, RefAttributes } from 'react';
import type { ObservatoireJSXElements } from '@observatoire/elements';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends ObservatoireJSXElements<HTMLAttributes<HTMLElement> & RefAttributes<HTMLElement>> {}
  }
}

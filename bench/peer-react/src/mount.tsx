// Mounting a React widget the way tradecover's JS API does: into an open shadow root of the
// host element (styles inside it), events dispatched on the host (bubbling, composed), a handle
// with `update(options)` (a `null` value removes an option) and `unmount()`.

import type { ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';

export interface Handle<Options> {
  update(options: Partial<Record<keyof Options, unknown>>): void;
  unmount(): void;
  readonly mounted: boolean;
}

export type Emit = (name: string, detail: unknown) => void;

export function emitter(host: HTMLElement): Emit {
  return (name, detail) => host.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}

function sheetFor(css: string): CSSStyleSheet | null {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    return sheet;
  } catch {
    return null;
  }
}

const sheets = new Map<string, CSSStyleSheet | null>();

export function mountWidget<Options extends object>(
  host: HTMLElement,
  options: Options | undefined,
  css: string,
  render: (options: Options, emit: Emit) => ReactNode,
): Promise<Handle<Options>> {
  const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  if (!sheets.has(css)) sheets.set(css, sheetFor(css));
  const sheet = sheets.get(css) ?? null;
  let style: HTMLStyleElement | null = null;
  if (sheet) {
    if (!shadow.adoptedStyleSheets.includes(sheet)) shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
  } else {
    style = document.createElement('style');
    style.textContent = css;
    shadow.append(style);
  }
  const container = document.createElement('div');
  container.setAttribute('part', 'root');
  shadow.append(container);
  const emit = emitter(host);
  let current = { ...(options ?? {}) } as Options;
  let root: Root | null = createRoot(container);
  // Rendered synchronously, so that the widget is in the DOM when the promise resolves (as
  // tradecover's mount functions).
  flushSync(() => root?.render(render(current, emit)));
  const handle: Handle<Options> = {
    update(changes) {
      if (!root) return;
      const merged = { ...current } as Record<string, unknown>;
      for (const [name, value] of Object.entries(changes ?? {})) {
        if (value === null) delete merged[name];
        else merged[name] = value;
      }
      current = merged as Options;
      root.render(render(current, emit));
    },
    unmount() {
      if (!root) return;
      root.unmount();
      root = null;
      container.remove();
      style?.remove();
      if (sheet) shadow.adoptedStyleSheets = shadow.adoptedStyleSheets.filter((each) => each !== sheet);
    },
    get mounted() {
      return root !== null;
    },
  };
  return Promise.resolve(handle);
}

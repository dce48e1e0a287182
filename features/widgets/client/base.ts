/**
 * What every Frontline element shares: an open shadow root styled with constructable stylesheets
 * (no inline style or script, so a strict CSP holds), a fixed block size (it reserves its space,
 * so nothing below it moves while it loads), a live region for announcements, the language, and
 * the error states.
 */
import { WidgetError, type Failure } from './api.ts';
import { fill, localeOf, messagesFor, type Messages } from './i18n.ts';

const BASE_CSS = `
:host{display:block;box-sizing:border-box;block-size:var(--frontline-height,20rem);font:var(--frontline-font,400 1rem/1.4 system-ui,sans-serif);color:var(--frontline-text,#1f2328);contain:layout paint}
:host([hidden]){display:none}
*{box-sizing:border-box}
section{display:flex;flex-direction:column;gap:.6rem;block-size:100%;padding:var(--frontline-padding,1rem);background:var(--frontline-background,#fff);border:1px solid var(--frontline-border,#d0d7de);border-radius:var(--frontline-radius,.75rem);overflow:hidden}
h2{margin:0;font-size:1.1em}
.body{flex:1;overflow:auto;min-block-size:0}
.body:focus-visible{outline:2px solid var(--frontline-accent,#0b6bcb)}
button,input,textarea,select{font:inherit;color:inherit}
button{cursor:pointer;border:1px solid var(--frontline-border,#d0d7de);border-radius:var(--frontline-radius,.75rem);background:var(--frontline-button-background,#f6f8fa);padding:.4rem .8rem;min-block-size:2.75rem}
button:hover{border-color:var(--frontline-accent,#0b6bcb)}
button[aria-pressed=true],button.primary{background:var(--frontline-accent,#0b6bcb);color:var(--frontline-accent-text,#fff);border-color:var(--frontline-accent,#0b6bcb)}
:focus-visible{outline:3px solid var(--frontline-focus,#0b6bcb);outline-offset:2px}
.status{margin:0;min-block-size:1.4em;font-size:.9em}
.error{margin:0;padding:.6rem;border-radius:.5rem;background:var(--frontline-error-background,#fff1f0);color:var(--frontline-error-text,#86181d)}
.muted{color:var(--frontline-muted,#57606a);font-size:.9em}
.sr{position:absolute;inline-size:1px;block-size:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
`;

let baseSheet: CSSStyleSheet | null = null;
/** One sheet object shared by every element on the page. */
export function sheet(css: string): CSSStyleSheet {
  const made = new CSSStyleSheet();
  made.replaceSync(css);
  return made;
}

type Child = Node | string | null | false | undefined;
type Props = Record<string, string | boolean | ((event: Event) => void) | undefined>;

/** Creates an element: `on*` props become listeners, `true` a bare attribute; never a style attribute. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, '');
    else if (typeof value === 'string') element.setAttribute(name, value);
  }
  for (const child of children) if (child) element.append(child);
  return element;
}

export abstract class FrontlineElement extends HTMLElement {
  protected t: Messages = messagesFor('en');
  protected locale = 'en';
  protected readonly root: ShadowRoot;
  private readonly section: HTMLElement;
  private readonly heading: HTMLHeadingElement;
  protected readonly body: HTMLDivElement;
  private readonly status: HTMLParagraphElement;

  constructor(css: string) {
    super();
    this.root = this.attachShadow({ mode: 'open' });
    baseSheet ??= sheet(BASE_CSS);
    this.root.adoptedStyleSheets = [baseSheet, sheet(css)];
    this.heading = h('h2', { id: 'title', part: 'title' });
    this.body = h('div', { class: 'body', part: 'body' });
    this.status = h('p', { class: 'status', part: 'status', role: 'status', 'aria-live': 'polite' });
    this.section = h('section', { part: 'container', 'aria-labelledby': 'title' }, this.heading, this.body, this.status);
    this.root.append(this.section);
  }

  connectedCallback(): void {
    this.locale = localeOf(this);
    this.t = messagesFor(this.locale);
    this.section.setAttribute('lang', this.locale);
    this.heading.textContent = this.getAttribute('heading') ?? this.titleText();
    void this.refresh();
  }

  /** The publishable key, from the `key` attribute. */
  protected get key(): string | null {
    return this.getAttribute('key');
  }

  /** The default heading, in the element's language (a `heading` attribute overrides it). */
  protected abstract titleText(): string;

  /** Loads the widget's data, showing progress, then the content or an error. */
  protected async refresh(): Promise<void> {
    this.section.setAttribute('aria-busy', 'true');
    this.setAttribute('data-state', 'loading');
    this.show(h('p', { class: 'muted' }, this.t.loading));
    try {
      await this.load();
      this.setAttribute('data-state', 'ready');
    } catch (error) {
      this.fail(error);
    } finally {
      this.section.setAttribute('aria-busy', 'false');
    }
  }

  protected abstract load(): Promise<void>;

  /** Replaces the body's content. */
  protected show(...children: Child[]): void {
    this.body.replaceChildren(...children.filter((child): child is Node | string => Boolean(child)));
  }

  protected announce(text: string, values: Record<string, string | number> = {}): void {
    this.status.textContent = fill(text, values);
  }

  /** The error state: what went wrong in words a visitor understands, and a retry where it helps. */
  protected fail(error: unknown): void {
    const kind: Failure = error instanceof WidgetError ? error.kind : 'server';
    this.setAttribute('data-state', `error-${kind}`);
    const text = {
      key: this.t.errorKey,
      origin: this.t.errorOrigin,
      network: this.t.errorNetwork,
      rate: this.t.errorRate,
      token: this.t.errorToken,
      server: this.t.errorServer,
    }[kind];
    const retry = kind === 'network' || kind === 'server' || kind === 'rate';
    this.show(
      h('p', { class: 'error', part: 'error', role: 'alert' }, text),
      retry && h('button', { type: 'button', part: 'button', onclick: () => void this.refresh() }, this.t.retry),
    );
  }
}

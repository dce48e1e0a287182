/** <frontline-kudos-wall key="fl_pk_…" [team="Team id"] [limit="10"]>: recent recognition and praise. */
import { run } from './api.ts';
import { FrontlineElement, h } from './base.ts';
import { fill } from './i18n.ts';

interface Kudos {
  kind: 'RECOGNITION' | 'PRAISE';
  message: string;
  value: string | null;
  people: string[];
  at: string;
}

const CSS = `
:host{--frontline-height:var(--frontline-kudos-height,24rem)}
ul{list-style:none;margin:0;padding:0;display:grid;gap:.6rem}
li{padding:.6rem;border-inline-start:4px solid var(--frontline-accent,#0b6bcb);background:var(--frontline-button-background,#f6f8fa);border-radius:.4rem}
blockquote{margin:0 0 .3rem}
`;

export class KudosWallElement extends FrontlineElement {
  constructor() {
    super(CSS);
  }

  protected titleText(): string {
    return this.t.kudosTitle;
  }

  protected async load(): Promise<void> {
    const first = Number(this.getAttribute('limit') ?? 10);
    const data = await run<{ widgetKudos: Kudos[] }>(this.key, 'KudosWall', { teamId: this.getAttribute('team'), first });
    if (data.widgetKudos.length === 0) return this.show(h('p', { class: 'muted' }, this.t.noKudos));
    const names = new Intl.ListFormat(this.locale, { type: 'conjunction' });
    const when = new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium' });
    const items = data.widgetKudos.map((item) =>
      h(
        'li',
        { part: 'item' },
        h('blockquote', {}, item.message),
        h(
          'p',
          { class: 'muted' },
          `${item.kind === 'PRAISE' ? this.t.customer : this.t.colleague} ${fill(this.t.forPeople, { names: names.format(item.people) })}`,
          item.value ? ` · ${item.value}` : '',
          ' · ',
          h('time', { datetime: item.at }, when.format(new Date(item.at))),
        ),
      ),
    );
    // The list scrolls inside the reserved box; tabindex lets keyboard users scroll it.
    this.body.setAttribute('tabindex', '0');
    this.show(h('ul', {}, ...items));
  }
}

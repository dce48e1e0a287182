/**
 * <frontline-feedback key="fl_pk_…" [team="Team id"]>: "who helped you today?". The customer picks
 * a person (native radio buttons: arrow keys move, Tab leaves), rates with one tap (saved at once),
 * may change the rating (the same tap id replaces it within 15 minutes) and may add a comment.
 * The tap id lives in this element's memory for the page view: no cookie, no storage.
 */
import { randomId, run } from './api.ts';
import { FrontlineElement, h } from './base.ts';
import { fill } from './i18n.ts';

interface Person {
  id: string;
  firstName: string;
  photoUrl: string | null;
}

interface SubmitResult {
  submitWidgetFeedback: { recorded: boolean; replaced: boolean; errors: { message: string }[] };
}

const CSS = `
:host{--frontline-height:var(--frontline-feedback-height,22rem)}
fieldset{border:0;margin:0;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(6.5rem,1fr));gap:.5rem}
legend{padding:0;margin-block-end:.5rem}
label.person{display:flex;flex-direction:column;align-items:center;gap:.3rem;padding:.5rem;border:1px solid var(--frontline-border,#d0d7de);border-radius:var(--frontline-radius,.75rem);cursor:pointer}
label.person:has(input:checked){border-color:var(--frontline-accent,#0b6bcb)}
label.person:has(input:focus-visible){outline:3px solid var(--frontline-focus,#0b6bcb)}
label.person input{position:absolute;opacity:0}
img,.initial{inline-size:3rem;block-size:3rem;border-radius:50%;object-fit:cover;background:var(--frontline-button-background,#f6f8fa);display:grid;place-items:center;font-weight:600}
.ratings{display:flex;gap:.3rem;flex-wrap:wrap;align-items:center;margin-block-end:.6rem}
.ratings button{min-inline-size:2.75rem;font-size:1.4em;line-height:1;color:var(--frontline-star,#9aa4ae);background:transparent;border-color:transparent}
.ratings button.on{color:var(--frontline-star-active,#d29922)}
.ratings button[aria-pressed=true]{border-color:var(--frontline-accent,#0b6bcb);background:transparent}
.chosen{margin-inline-start:.4rem;font-size:.95em}
textarea{inline-size:100%;min-block-size:4rem;resize:vertical;border:1px solid var(--frontline-border,#d0d7de);border-radius:.5rem;padding:.4rem}
.hp{position:absolute;inset-inline-start:-10000px}
.row{display:flex;gap:.5rem;flex-wrap:wrap;margin-block-start:.5rem}
`;

/** U+2605 BLACK STAR: in every common font, unlike emoji faces. */
const STAR = '★';

export class FeedbackElement extends FrontlineElement {
  /** One tap id per person chosen in this page view. */
  private readonly tapIds = new Map<string, string>();
  private people: Person[] = [];

  constructor() {
    super(CSS);
  }

  protected titleText(): string {
    return this.t.feedbackTitle;
  }

  protected async load(): Promise<void> {
    const data = await run<{ widgetEmployees: Person[] }>(this.key, 'FeedbackPeople', { teamId: this.getAttribute('team') });
    this.people = data.widgetEmployees;
    this.pickPerson();
  }

  private pickPerson(selected?: Person): void {
    if (this.people.length === 0) return this.show(h('p', { class: 'muted' }, this.t.nobody));
    const choices = this.people.map((person) =>
      h(
        'label',
        { class: 'person', part: 'person' },
        h('input', { type: 'radio', name: 'person', value: person.id, checked: person.id === selected?.id, onchange: () => this.rateStep(person) }),
        person.photoUrl ? h('img', { src: person.photoUrl, alt: '', part: 'photo' }) : h('span', { class: 'initial', 'aria-hidden': 'true' }, person.firstName.slice(0, 1)),
        person.firstName,
      ),
    );
    this.show(h('fieldset', {}, h('legend', { class: 'sr' }, this.t.feedbackTitle), ...choices));
  }

  private rateStep(person: Person): void {
    const tapId = this.tapIds.get(person.id) ?? randomId();
    this.tapIds.set(person.id, tapId);
    const heading = h('p', { id: 'rate-label' }, fill(this.t.rateTitle, { name: person.firstName }));
    const chosen = h('span', { class: 'chosen', 'aria-hidden': 'true' });
    const buttons = this.t.rating.map((label, index) =>
      h('button', { type: 'button', part: 'rating', 'aria-pressed': 'false', 'aria-label': fill(this.t.rate, { n: index + 1, label }), title: label, onclick: () => void this.rate(person, tapId, index + 1, buttons, chosen) }, STAR),
    );
    const comment = h('textarea', { id: 'comment', name: 'comment', maxlength: '1000', part: 'comment' });
    const honeypot = h('input', { class: 'hp', name: 'website', tabindex: '-1', autocomplete: 'off', 'aria-hidden': 'true' });
    const send = h('button', { type: 'button', part: 'button', class: 'primary', disabled: true, onclick: () => void this.sendComment(person, tapId, buttons, comment, honeypot) }, this.t.send);
    this.show(
      heading,
      h('div', { class: 'ratings', role: 'group', 'aria-labelledby': 'rate-label' }, ...buttons, chosen),
      h('label', { for: 'comment' }, this.t.commentLabel),
      comment,
      honeypot,
      h('div', { class: 'row' }, send, h('button', { type: 'button', part: 'button', onclick: () => this.pickPerson(person) }, this.t.someoneElse)),
    );
    buttons[0]?.focus();
  }

  private currentRating(buttons: HTMLButtonElement[]): number {
    return buttons.findIndex((button) => button.getAttribute('aria-pressed') === 'true') + 1;
  }

  private async rate(person: Person, tapId: string, rating: number, buttons: HTMLButtonElement[], chosen: HTMLElement): Promise<void> {
    buttons.forEach((button, index) => {
      button.setAttribute('aria-pressed', String(index + 1 === rating));
      button.classList.toggle('on', index < rating);
    });
    chosen.textContent = this.t.rating[rating - 1] ?? '';
    this.root.querySelector<HTMLButtonElement>('button.primary')?.removeAttribute('disabled');
    await this.submit(person, tapId, rating, null, '', (replaced) =>
      this.announce(replaced ? this.t.replaced : this.t.saved, { name: person.firstName, n: rating }),
    );
  }

  private async sendComment(person: Person, tapId: string, buttons: HTMLButtonElement[], comment: HTMLTextAreaElement, honeypot: HTMLInputElement): Promise<void> {
    const rating = this.currentRating(buttons);
    if (!rating || !comment.value.trim()) return;
    await this.submit(person, tapId, rating, comment.value, honeypot.value, () => this.announce(this.t.commentSaved));
  }

  private async submit(person: Person, tapId: string, rating: number, comment: string | null, honeypot: string, done: (replaced: boolean) => void): Promise<void> {
    try {
      const data = await run<SubmitResult>(this.key, 'SubmitFeedback', { input: { employeeId: person.id, rating, comment, tapId, honeypot } });
      const result = data.submitWidgetFeedback;
      if (result.errors.length) return this.announce(result.errors.map((error) => error.message).join(' '));
      this.setAttribute('data-state', 'saved');
      done(result.replaced);
    } catch (error) {
      this.fail(error);
    }
  }
}

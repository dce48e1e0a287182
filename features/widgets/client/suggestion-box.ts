/**
 * <frontline-suggestion-box key="fl_pk_…" token="fl_et_…">: an employee submits a suggestion
 * (optionally anonymous, showing the follow code once) or supports one of the most supported. The
 * token is an employee token with the SUGGESTIONS scope, minted by the partner's backend; set it as
 * the attribute or the `token` property.
 */
import { run } from './api.ts';
import { FrontlineElement, h } from './base.ts';
import { fill } from './i18n.ts';

interface Suggestion {
  id: string;
  title: string;
  voteCount: number;
  viewerHasVoted: boolean;
}

const CATEGORIES = ['REPEATED_QUESTION', 'AVOIDABLE_TASK', 'LONG_PROCESS', 'SERVICE_IDEA', 'COST_SAVING', 'OTHER'];

const CSS = `
:host{--frontline-height:var(--frontline-suggestion-height,34rem)}
form{display:grid;gap:.4rem}
input[type=text],textarea,select{inline-size:100%;border:1px solid var(--frontline-border,#d0d7de);border-radius:.5rem;padding:.4rem}
textarea{min-block-size:4rem}
ul{list-style:none;margin:.4rem 0 0;padding:0;display:grid;gap:.4rem}
li{display:flex;justify-content:space-between;align-items:center;gap:.5rem}
h3{margin:.8rem 0 0;font-size:1em}
code{font-weight:700}
`;

export class SuggestionBoxElement extends FrontlineElement {
  private tokenValue: string | null = null;

  constructor() {
    super(CSS);
  }

  get token(): string | null {
    return this.tokenValue ?? this.getAttribute('token');
  }

  set token(value: string | null) {
    this.tokenValue = value;
    if (this.isConnected) void this.refresh();
  }

  protected titleText(): string {
    return this.t.suggestTitle;
  }

  protected async load(): Promise<void> {
    const data = await run<{ suggestions: { edges: { node: Suggestion }[] } }>(this.key, 'SuggestionBoard', {}, this.token);
    this.render(data.suggestions.edges.map((edge) => edge.node));
  }

  private render(top: Suggestion[]): void {
    const title = h('input', { type: 'text', id: 's-title', name: 'title', required: true, maxlength: '200' });
    const body = h('textarea', { id: 's-body', name: 'body', required: true, maxlength: '5000' });
    const category = h('select', { id: 's-category', name: 'category' }, ...CATEGORIES.map((value, index) => h('option', { value }, this.t.categories[index] ?? value)));
    const anonymous = h('input', { type: 'checkbox', id: 's-anon', name: 'anonymous' });
    const form = h(
      'form',
      { part: 'form', onsubmit: (event) => { event.preventDefault(); void this.submit(title, body, category, anonymous); } },
      h('label', { for: 's-title' }, this.t.suggestionTitle), title,
      h('label', { for: 's-body' }, this.t.suggestionBody), body,
      h('label', { for: 's-category' }, this.t.category), category,
      h('label', {}, anonymous, ` ${this.t.anonymous}`),
      h('button', { type: 'submit', class: 'primary', part: 'button' }, this.t.submit),
    );
    const list = top.map((item) =>
      h(
        'li',
        { part: 'item' },
        h('span', {}, item.title, h('span', { class: 'muted' }, ` · ${fill(this.t.votes[item.voteCount === 1 ? 0 : 1] ?? '', { n: item.voteCount })}`)),
        h(
          'button',
          { type: 'button', part: 'button', 'aria-pressed': String(item.viewerHasVoted), 'aria-label': fill(this.t.vote, { title: item.title }), disabled: item.viewerHasVoted, onclick: () => void this.vote(item) },
          item.viewerHasVoted ? this.t.voted : '+1',
        ),
      ),
    );
    this.show(form, top.length > 0 && h('h3', {}, this.t.top), top.length > 0 && h('ul', {}, ...list));
  }

  private async submit(title: HTMLInputElement, body: HTMLTextAreaElement, category: HTMLSelectElement, anonymous: HTMLInputElement): Promise<void> {
    try {
      const data = await run<{ submitSuggestion: { followCode: string | null; errors: { message: string }[] } }>(
        this.key,
        'SubmitSuggestion',
        { input: { title: title.value, body: body.value, category: category.value, anonymous: anonymous.checked } },
        this.token,
      );
      const result = data.submitSuggestion;
      if (result.errors.length) return this.announce(result.errors.map((error) => error.message).join(' '));
      title.value = '';
      body.value = '';
      this.announce(result.followCode ? `${this.t.submitted} ${fill(this.t.followCode, { code: result.followCode })}` : this.t.submitted);
    } catch (error) {
      this.fail(error);
    }
  }

  private async vote(item: Suggestion): Promise<void> {
    try {
      await run(this.key, 'VoteForSuggestion', { input: { suggestionId: item.id } }, this.token);
      this.announce(this.t.voted);
      await this.load();
    } catch (error) {
      this.fail(error);
    }
  }
}

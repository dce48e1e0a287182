/** <frontline-goal-progress key="fl_pk_…" program="IncentiveProgram id">: a team goal this period. */
import { run } from './api.ts';
import { FrontlineElement, h } from './base.ts';
import { fill } from './i18n.ts';

interface Goal {
  name: string;
  target: number;
  value: number | null;
  ratio: number;
  achieved: boolean;
  periodEnd: string;
}

const CSS = `
:host{--frontline-height:var(--frontline-goal-height,13rem)}
.track{block-size:1rem;border-radius:1rem;background:var(--frontline-track,#eaeef2);overflow:hidden}
.bar{block-size:100%;inline-size:0;background:var(--frontline-accent,#0b6bcb)}
.name{margin:0 0 .4rem;font-weight:600}
p{margin:.3rem 0}
`;

export class GoalProgressElement extends FrontlineElement {
  constructor() {
    super(CSS);
  }

  protected titleText(): string {
    return this.t.goalTitle;
  }

  protected async load(): Promise<void> {
    const data = await run<{ widgetGoalProgress: Goal | null }>(this.key, 'GoalProgress', { programId: this.getAttribute('program') ?? '' });
    const goal = data.widgetGoalProgress;
    if (!goal) return this.show(h('p', { class: 'muted' }, this.t.noGoal));
    const number = new Intl.NumberFormat(this.locale, { maximumFractionDigits: 1 });
    const percent = Math.round(goal.ratio * 100);
    const label = fill(this.t.goalOf, { value: number.format(goal.value ?? 0), target: number.format(goal.target) });
    const bar = h('div', { class: 'bar', part: 'bar' });
    // CSSOM, not a style attribute: allowed under a CSP without 'unsafe-inline'.
    bar.style.inlineSize = `${percent}%`;
    this.show(
      h('p', { class: 'name', id: 'goal-name' }, goal.name),
      h('div', { class: 'track', role: 'progressbar', 'aria-labelledby': 'goal-name', 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': String(percent), 'aria-valuetext': label }, bar),
      h('p', {}, goal.achieved ? `${this.t.achieved} ${label}` : label),
      h('p', { class: 'muted' }, fill(this.t.until, { date: new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium' }).format(new Date(new Date(goal.periodEnd).getTime() - 1)) })),
    );
  }
}

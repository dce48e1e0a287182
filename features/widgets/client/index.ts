/**
 * frontline.js: defines the Frontline custom elements. No framework; each element renders into its
 * own shadow root. Loading it twice is harmless.
 */
import { FeedbackElement } from './feedback.ts';
import { GoalProgressElement } from './goal-progress.ts';
import { KudosWallElement } from './kudos-wall.ts';
import { SuggestionBoxElement } from './suggestion-box.ts';

const ELEMENTS: [string, CustomElementConstructor][] = [
  ['frontline-feedback', FeedbackElement],
  ['frontline-kudos-wall', KudosWallElement],
  ['frontline-goal-progress', GoalProgressElement],
  ['frontline-suggestion-box', SuggestionBoxElement],
];

for (const [name, element] of ELEMENTS) if (!customElements.get(name)) customElements.define(name, element);

/**
 * The CSS a partner puts in their own stylesheet so each widget's box has its final size before the
 * script defines the element: nothing on the page moves when the widgets load. The sizes match the
 * elements' defaults (`--frontline-*-height`); change both together.
 */
export const RESERVATION_CSS = `frontline-feedback,frontline-kudos-wall,frontline-goal-progress,frontline-suggestion-box{display:block}
frontline-feedback:not(:defined){block-size:22rem}
frontline-kudos-wall:not(:defined){block-size:24rem}
frontline-goal-progress:not(:defined){block-size:13rem}
frontline-suggestion-box:not(:defined){block-size:34rem}
`;

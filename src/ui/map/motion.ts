// Animation budget for the map: moves are animated (animate:flip) only in small boxes and never
// when the user asked for reduced motion. flip and Svelte's fade/scale read layout or computed
// style per chip, which at 1,000 pods costs whole frames; big boxes get a CSS-only entry instead.

const reduced = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/** Chips in one box above which moves and exits are not animated. */
export const ANIMATE_MAX = 40;

/** Whether a box holding `count` chips animates moves and exits. */
export function animateBox(count: number): boolean {
  return !reduced && count <= ANIMATE_MAX;
}

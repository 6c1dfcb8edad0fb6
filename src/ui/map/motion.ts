// Animation budget for the map: chips animate (entry, animate:flip moves, fade-out, the
// ContainerCreating pulse) only in small boxes and never when the user asked for reduced motion.
// flip and Svelte's fade read layout or computed style per chip; CSS entry and pulse animations,
// even composited ones, give each chip its own layer: with a rollout of 1,000 pods that is hundreds
// of layers re-layerized and committed per frame (ui.map_fps_1k_pods_rolling 21 -> 50 fps without).
// Big boxes draw the same states still.

const reduced = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/** Chips in one box above which moves and exits are not animated. */
export const ANIMATE_MAX = 40;

/** Whether a box holding `count` chips animates moves and exits. */
export function animateBox(count: number): boolean {
  return !reduced && count <= ANIMATE_MAX;
}

// ImageLocality (plugins/imagelocality): favours nodes that already have the pod's images, scaled
// by how widely each image is spread so one node with the image does not attract every pod.

import type { ScorePlugin } from '../types';
import { MAX_NODE_SCORE } from '../types';

const MB = 1024 * 1024;
const MIN_THRESHOLD = 23 * MB;
const MAX_CONTAINER_THRESHOLD = 1000 * MB;

/**
 * calculatePriority: the summed image score clamped to [23MB, 1000MB * containers] and mapped to
 * 0..100. Example: one container, a 500MB image on 2 of 4 nodes -> 250MB ->
 * 100 * (250-23) / (1000-23) = 23.
 */
export function imagePriority(sumScores: number, numContainers: number): number {
  const max = MAX_CONTAINER_THRESHOLD * numContainers;
  const s = Math.min(Math.max(sumScores, MIN_THRESHOLD), max);
  return Math.trunc((MAX_NODE_SCORE * (s - MIN_THRESHOLD)) / (max - MIN_THRESHOLD));
}

export const imageLocality: ScorePlugin = {
  name: 'ImageLocality',
  weight: 1,
  score(state, node) {
    if (state.pod.numContainers === 0) return 0;
    if (node.images.size === 0) return imagePriority(0, state.pod.numContainers);
    const total = state.cache.numNodes;
    let sum = 0;
    for (const img of state.pod.images) {
      const size = node.images.get(img);
      if (size === undefined) continue;
      // scaledImageScore: size * (nodes with the image / all nodes), truncated to an integer.
      sum += Math.trunc(size * ((state.cache.imageNodes.get(img) ?? 0) / total));
    }
    return imagePriority(sum, state.pod.numContainers);
  },
};

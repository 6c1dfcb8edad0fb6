// Server-renders a UI component with a Playground in context (no DOM needed in Vitest's Node).
import { render } from 'svelte/server';
import type { Component } from 'svelte';
import Harness from './Harness.svelte';
import { Playground } from '../../../src/ui/state/playground.svelte';
import type { ObjectView, PlaygroundApi } from '../../../src/worker/protocol';

export function playgroundWith(objects: ObjectView[], api: Partial<PlaygroundApi> = {}): Playground {
  const pg = new Playground(api as never);
  pg.applyBatch({ reset: true, clock: { now: 0, speed: 1, paused: false }, upserts: objects, deletes: [] });
  return pg;
}

export function renderWith(component: Component<any>, pg: Playground, props: Record<string, unknown> = {}): string {
  return render(Harness, { props: { playground: pg, component, props } }).body;
}

/** Every value of attribute `name` in document order. */
export function attrs(html: string, name: string): string[] {
  return [...html.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'g'))].map((m) => m[1]);
}

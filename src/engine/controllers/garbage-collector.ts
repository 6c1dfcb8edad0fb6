// The garbage collector (pkg/controller/garbagecollector): keeps an owner -> dependents graph
// from every resource's watch; deletes dependents whose owners are gone (Background), deletes
// dependents before their owner (Foreground, finalizer `foregroundDeletion`), or releases them
// (Orphan, finalizer `orphan`) and then removes the owner's finalizer.

import type { ResourceType } from '../api/registry';
import type { KObject, OwnerReference } from '../api/types';
import type { EngineClient } from '../client/client';
import type { Informer } from '../client/informer';
import type { InformerFactory } from '../client/informer-factory';
import { WorkQueue } from '../client/workqueue';
import type { Clock } from '../clock';
import { FOREGROUND_FINALIZER, ORPHAN_FINALIZER } from '../apiserver/handlers/delete';

interface Node {
  type: ResourceType;
  obj: KObject;
}

/**
 * Resources the collector never watches (garbagecollector config's DefaultIgnoredResources):
 * Events are many and short-lived, and nothing owns them.
 */
const IGNORED = new Set(['/events', 'events.k8s.io/events']);

export class GarbageCollector {
  private byUid = new Map<string, Node>();
  /** owner uid -> dependent uids */
  private dependents = new Map<string, Set<string>>();
  private queue: WorkQueue;
  private informers: Informer[] = [];

  constructor(
    private readonly client: EngineClient,
    informers: InformerFactory,
    clock: Clock,
    types: readonly ResourceType[],
  ) {
    this.queue = new WorkQueue(clock, (k) => this.sync(k));
    for (const t of types) {
      if (!t.verbs.includes('watch') || !t.verbs.includes('delete') || IGNORED.has(`${t.group}/${t.plural}`)) continue;
      const inf = informers.informerFor(t);
      inf.addHandlers({
        add: (o) => this.upsert(t, o, undefined),
        update: (old, o) => this.upsert(t, o, old),
        delete: (o) => this.remove(o),
      });
      this.informers.push(inf);
    }
  }

  start(): void {
    for (const i of this.informers) i.start();
  }

  private upsert(type: ResourceType, obj: KObject, old: KObject | undefined): void {
    const uid = obj.metadata.uid;
    if (!uid) return;
    this.byUid.set(uid, { type, obj });
    // Index loops: every object event of every kind comes through here.
    const oldRefs = old?.metadata.ownerReferences;
    if (oldRefs) for (let i = 0; i < oldRefs.length; i++) this.dependents.get(oldRefs[i].uid)?.delete(uid);
    const refs = obj.metadata.ownerReferences;
    if (refs) {
      for (let i = 0; i < refs.length; i++) {
        const r = refs[i];
        let set = this.dependents.get(r.uid);
        if (!set) this.dependents.set(r.uid, (set = new Set()));
        set.add(uid);
        if (!this.byUid.has(r.uid)) this.queue.add(`dep:${uid}`);
      }
    }
    if (obj.metadata.deletionTimestamp) {
      const f = obj.metadata.finalizers ?? [];
      if (f.includes(ORPHAN_FINALIZER) || f.includes(FOREGROUND_FINALIZER)) this.queue.add(`owner:${uid}`);
    }
    // A dependent of an owner waiting for its dependents: the owner may now be done.
    if (refs) for (let i = 0; i < refs.length; i++) if (this.isWaitingForDependents(refs[i].uid)) this.queue.add(`owner:${refs[i].uid}`);
  }

  private remove(obj: KObject): void {
    const uid = obj.metadata.uid;
    if (!uid) return;
    this.byUid.delete(uid);
    for (const r of obj.metadata.ownerReferences ?? []) {
      this.dependents.get(r.uid)?.delete(uid);
      if (this.isWaitingForDependents(r.uid)) this.queue.add(`owner:${r.uid}`);
    }
    for (const d of this.dependents.get(uid) ?? []) this.queue.add(`dep:${d}`);
  }

  private isWaitingForDependents(uid: string): boolean {
    const n = this.byUid.get(uid);
    return !!n?.obj.metadata.deletionTimestamp && (n.obj.metadata.finalizers ?? []).includes(FOREGROUND_FINALIZER);
  }

  private sync(key: string): void {
    const [kind, uid] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
    if (kind === 'dep') this.attemptToDelete(uid);
    else this.processOwner(uid);
  }

  /** A dependent: delete it when none of its owners exist any more, else drop the dangling references. */
  private attemptToDelete(uid: string): void {
    const node = this.byUid.get(uid);
    if (!node) return;
    // Already on its way out (graceful deletion, finalizers): nothing more to ask of it.
    if (node.obj.metadata.deletionTimestamp) return;
    const refs = node.obj.metadata.ownerReferences ?? [];
    if (refs.length === 0) return;
    const dangling: OwnerReference[] = [];
    const solid: OwnerReference[] = [];
    const waiting: OwnerReference[] = [];
    for (const r of refs) {
      const owner = this.byUid.get(r.uid);
      if (!owner) dangling.push(r);
      else if (this.isWaitingForDependents(r.uid)) waiting.push(r);
      else solid.push(r);
    }
    const m = node.obj.metadata;
    if (solid.length > 0) {
      if (dangling.length === 0) return;
      const keep = refs.filter((r) => !dangling.includes(r));
      this.client.patch(node.type, m.namespace, m.name!, { metadata: { ownerReferences: keep, uid: m.uid } });
      return;
    }
    if (dangling.length === 0 && waiting.length === 0) return;
    // Owners are gone or being deleted in the foreground: the dependent goes too, and blocks its
    // owner in the foreground case until its own dependents are gone.
    const blocking = waiting.some((r) => r.blockOwnerDeletion);
    this.client.delete(node.type, m.namespace, m.name!, { propagationPolicy: blocking ? 'Foreground' : 'Background', uid: m.uid });
  }

  /** An owner being deleted with the orphan or foregroundDeletion finalizer. */
  private processOwner(uid: string): void {
    const node = this.byUid.get(uid);
    if (!node || !node.obj.metadata.deletionTimestamp) return;
    const m = node.obj.metadata;
    const finalizers = m.finalizers ?? [];
    const deps = [...(this.dependents.get(uid) ?? [])].map((d) => this.byUid.get(d)).filter((d): d is Node => !!d);
    if (finalizers.includes(ORPHAN_FINALIZER)) {
      for (const d of deps) {
        const keep = (d.obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
        this.client.patch(d.type, d.obj.metadata.namespace, d.obj.metadata.name!, {
          metadata: { ownerReferences: keep.length ? keep : null, uid: d.obj.metadata.uid },
        });
      }
      this.removeFinalizer(node, ORPHAN_FINALIZER);
      return;
    }
    if (finalizers.includes(FOREGROUND_FINALIZER)) {
      if (deps.length === 0) {
        this.removeFinalizer(node, FOREGROUND_FINALIZER);
        return;
      }
      for (const d of deps) if (!d.obj.metadata.deletionTimestamp) this.queue.add(`dep:${d.obj.metadata.uid}`);
    }
  }

  private removeFinalizer(node: Node, f: string): void {
    const m = node.obj.metadata;
    const rest = (m.finalizers ?? []).filter((x) => x !== f);
    this.client.patch(node.type, m.namespace, m.name!, { metadata: { finalizers: rest.length ? rest : null } });
  }
}

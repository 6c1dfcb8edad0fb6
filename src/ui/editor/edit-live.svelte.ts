// "Edit live object": how the cluster map, details panel or the terminal's `kubectl edit` ask the
// editor to open an object as YAML. The layout can watch `liveEdits.pending` to show the editor.
import type { ObjectRef } from '../../worker/protocol';

class LiveEditRequests {
  /** The latest request not yet taken by an EditorPane (undefined once it opened it). */
  pending = $state.raw<ObjectRef | undefined>(undefined);

  /** Takes the pending request (the EditorPane calls this when it opens the object). */
  take(): ObjectRef | undefined {
    const ref = this.pending;
    this.pending = undefined;
    return ref;
  }
}

/** The page's one queue of edit requests (there is one editor per page). */
export const liveEdits = new LiveEditRequests();

/** Opens `ref` as YAML in the editor; saving it applies it, conflicts are shown. */
export function openLiveObject(ref: ObjectRef): void {
  liveEdits.pending = { kind: ref.kind, namespace: ref.namespace, name: ref.name };
}

// Persistent volume binding and kind's local-path provisioning (see controller.ts).

export { VolumeController, volumeControllerFactory, PV_RESYNC_MS, PROVISION_DELAY_MS, RECLAIM_DELAY_MS } from './controller';
export * from './reconcile';

// The EndpointSlice controller.
export { EndpointSliceController, endpointSliceControllerFactory } from './controller';
export { reconcileSlices, MAX_ENDPOINTS_PER_SLICE } from './reconcile';

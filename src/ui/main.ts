// Browser entry point: starts the engine worker, mounts the playground, registers the service
// worker (offline use) in production builds.
import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { createPlayground } from './boot';
import { playgroundContext } from './state/context';
import { registerOffline } from './offline';

const target = document.getElementById('app');
if (target) mount(App, { target, context: playgroundContext(createPlayground()) });
registerOffline();

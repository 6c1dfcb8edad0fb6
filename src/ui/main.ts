// Browser entry point: mounts the Svelte app. The worker-backed playground arrives with the browser issue.
import { mount } from 'svelte';
import App from './App.svelte';

const target = document.getElementById('app');
if (target) mount(App, { target });

// The image catalog as data: one row per repository with its tags (compressed size, version),
// ENTRYPOINT/CMD, exposed ports, shell and programs on PATH, the behaviour its main binary runs
// and its resource profile. Sizes are the amd64 compressed sizes registries report (rounded).

import type { ImageDef, Program, TagInfo } from './types';
import { nginxProgram } from './nginx';
import { hpaExampleProgram, httpdProgram } from './apache';
import { echoserverProgram, helloAppProgram, httpEchoProgram, whoamiProgram } from './small-servers';
import { mongoProgram, mysqlProgram, postgresProgram, redisProgram } from './databases';
import { certManagerProgram, nodeProgram, pythonProgram, rubyProgram, stressProgram } from './runtimes';
import { SYSTEM_IMAGES, SYSTEM_PROGRAMS } from './system';

const MB = 1024 * 1024;
const Mi = MB;

/** Behaviours by name; rows point at them through `mains`. */
export const PROGRAMS: Record<string, Program> = {
  nginx: nginxProgram,
  httpd: httpdProgram,
  hpa: hpaExampleProgram,
  echoserver: echoserverProgram,
  helloApp: helloAppProgram,
  httpEcho: httpEchoProgram,
  whoami: whoamiProgram,
  mysql: mysqlProgram,
  postgres: postgresProgram,
  redis: redisProgram,
  mongo: mongoProgram,
  node: nodeProgram,
  python: pythonProgram,
  ruby: rubyProgram,
  certManager: certManagerProgram,
  stress: stressProgram,
  ...SYSTEM_PROGRAMS,
};

const COREUTILS = ['sh', 'cat', 'ls', 'sleep', 'date', 'env', 'printenv', 'hostname', 'whoami', 'id', 'uname', 'mkdir', 'touch', 'rm', 'tee', 'head', 'tail', 'wc', 'sort', 'uniq', 'tr', 'cut', 'seq', 'basename', 'dirname', 'grep', 'nproc', 'echo', 'printf', 'test', '[', 'true', 'false', 'kill'];
/** Debian/Ubuntu base: dash as sh, bash, coreutils; no curl, wget or nslookup. */
const DEBIAN = [...COREUTILS, 'bash'];
/** busybox applets (busybox and alpine): wget and nslookup included. */
const BUSYBOX = [...COREUTILS, 'ash', 'wget', 'nslookup'];

const t = (sizeMB: number, version: string, alpine?: boolean): TagInfo => ({ sizeBytes: Math.round(sizeMB * MB), version, alpine });

const shellImage = (repository: string, flavor: 'ash' | 'dash', cmd: string[], tags: Record<string, TagInfo>, programs: string[]): ImageDef => ({
  repository,
  tags,
  entrypoint: [],
  cmd,
  exposedPorts: [],
  shell: flavor,
  programs,
  mains: {},
  profile: { idleCpuMillicores: 0, idleMemoryBytes: 0.4 * Mi },
});

export const IMAGES: ImageDef[] = [
  {
    repository: 'docker.io/library/nginx',
    tags: {
      '1.7.9': t(39.9, '1.7.9'), '1.14.2': t(42.6, '1.14.2'), '1.19': t(51.1, '1.19.10'), '1.21': t(54.1, '1.21.6'),
      '1.23': t(54.2, '1.23.4'), '1.25': t(67.3, '1.25.5'), '1.26': t(69.9, '1.26.3'), '1.27': t(69.9, '1.27.4'), '1.27.4': t(69.9, '1.27.4'),
      stable: t(69.9, '1.26.3'), mainline: t(69.9, '1.27.4'), latest: t(69.9, '1.27.4'),
      alpine: t(20.4, '1.27.4', true), '1.27-alpine': t(20.4, '1.27.4', true), 'stable-alpine': t(20.2, '1.26.3', true),
    },
    entrypoint: ['/docker-entrypoint.sh'],
    cmd: ['nginx', '-g', 'daemon off;'],
    env: { NGINX_VERSION: '1.27.4' },
    exposedPorts: [80],
    shell: 'dash',
    programs: [...DEBIAN, 'curl', 'nginx'],
    mains: { 'docker-entrypoint.sh': 'nginx', nginx: 'nginx' },
    profile: { idleCpuMillicores: 1, idleMemoryBytes: 3 * Mi, cpuMsPerRequest: 0.2 },
  },
  {
    repository: 'docker.io/library/httpd',
    tags: { latest: t(58.2, '2.4.63'), '2.4': t(58.2, '2.4.63'), '2.4.63': t(58.2, '2.4.63'), '2.4.62': t(58.2, '2.4.62'), alpine: t(22.4, '2.4.63', true), '2.4-alpine': t(22.4, '2.4.63', true) },
    entrypoint: [],
    cmd: ['httpd-foreground'],
    exposedPorts: [80],
    shell: 'dash',
    programs: [...DEBIAN, 'httpd-foreground', 'httpd'],
    mains: { 'httpd-foreground': 'httpd', httpd: 'httpd' },
    profile: { idleCpuMillicores: 1, idleMemoryBytes: 9 * Mi, cpuMsPerRequest: 0.3 },
  },
  shellImage('docker.io/library/busybox', 'ash', ['sh'], { latest: t(2.1, '1.37.0'), '1.37': t(2.1, '1.37.0'), '1.36': t(2.1, '1.36.1'), '1.36.1': t(2.1, '1.36.1'), '1.35': t(2.1, '1.35.0'), '1.28': t(0.7, '1.28.4'), stable: t(2.1, '1.36.1'), musl: t(0.9, '1.37.0'), glibc: t(2.1, '1.37.0') }, BUSYBOX),
  shellImage('docker.io/library/alpine', 'ash', ['/bin/sh'], { latest: t(3.5, '3.21.3'), '3': t(3.5, '3.21.3'), '3.21': t(3.5, '3.21.3'), '3.20': t(3.5, '3.20.6'), '3.19': t(3.3, '3.19.7'), '3.18': t(3.3, '3.18.12') }, BUSYBOX),
  shellImage('docker.io/library/ubuntu', 'dash', ['/bin/bash'], { latest: t(28.3, '24.04'), '24.04': t(28.3, '24.04'), noble: t(28.3, '24.04'), '22.04': t(28.2, '22.04'), jammy: t(28.2, '22.04'), '20.04': t(26.3, '20.04'), focal: t(26.3, '20.04') }, DEBIAN),
  shellImage('docker.io/library/debian', 'dash', ['bash'], { latest: t(46.9, '12'), '12': t(46.9, '12'), bookworm: t(46.9, '12'), 'bookworm-slim': t(27.1, '12'), '11': t(51.6, '11'), bullseye: t(51.6, '11'), 'bullseye-slim': t(29.2, '11') }, DEBIAN),
  {
    repository: 'docker.io/library/redis',
    tags: { latest: t(44.9, '7.4.2'), '7': t(44.9, '7.4.2'), '7.4': t(44.9, '7.4.2'), '7.2': t(41.2, '7.2.7'), '6': t(38.5, '6.2.17'), alpine: t(17.2, '7.4.2', true), '7-alpine': t(17.2, '7.4.2', true) },
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['redis-server'],
    exposedPorts: [6379],
    shell: 'dash',
    programs: [...DEBIAN, 'redis-server', 'redis-cli', 'docker-entrypoint.sh'],
    mains: { 'docker-entrypoint.sh': 'redis', 'redis-server': 'redis' },
    profile: { idleCpuMillicores: 2, idleMemoryBytes: 3 * Mi, cpuMsPerRequest: 0.05 },
  },
  {
    repository: 'docker.io/library/mysql',
    tags: { latest: t(168.4, '9.2.0'), '9': t(168.4, '9.2.0'), '8': t(163.6, '8.4.4'), '8.4': t(163.6, '8.4.4'), '8.0': t(170.3, '8.0.41'), '5.7': t(137.4, '5.7.44'), lts: t(163.6, '8.4.4') },
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['mysqld'],
    exposedPorts: [3306, 33060],
    shell: 'dash',
    programs: [...DEBIAN, 'mysqld', 'mysql', 'docker-entrypoint.sh'],
    mains: { 'docker-entrypoint.sh': 'mysql', mysqld: 'mysql' },
    profile: { idleCpuMillicores: 5, idleMemoryBytes: 400 * Mi, cpuMsPerRequest: 1 },
  },
  {
    repository: 'docker.io/library/postgres',
    tags: { latest: t(150.7, '17.4'), '17': t(150.7, '17.4'), '16': t(150.1, '16.8'), '15': t(148.3, '15.12'), '14': t(147.5, '14.17'), alpine: t(103.5, '17.4', true), '16-alpine': t(102.9, '16.8', true) },
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['postgres'],
    exposedPorts: [5432],
    shell: 'dash',
    programs: [...DEBIAN, 'postgres', 'psql', 'docker-entrypoint.sh'],
    mains: { 'docker-entrypoint.sh': 'postgres', postgres: 'postgres' },
    profile: { idleCpuMillicores: 2, idleMemoryBytes: 40 * Mi, cpuMsPerRequest: 1 },
  },
  {
    repository: 'docker.io/library/mongo',
    tags: { latest: t(269.8, '8.0.5'), '8': t(269.8, '8.0.5'), '7': t(258.9, '7.0.17'), '6': t(242.1, '6.0.21') },
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['mongod'],
    exposedPorts: [27017],
    shell: 'dash',
    programs: [...DEBIAN, 'mongod', 'mongosh', 'docker-entrypoint.sh'],
    mains: { 'docker-entrypoint.sh': 'mongo', mongod: 'mongo' },
    profile: { idleCpuMillicores: 8, idleMemoryBytes: 160 * Mi, cpuMsPerRequest: 1 },
  },
  runtimeImage('docker.io/library/node', 'node', ['node'], { latest: t(390.6, '23.9.0'), '22': t(390.6, '22.14.0'), lts: t(390.6, '22.14.0'), '20': t(385.2, '20.18.3'), '18': t(380.4, '18.20.7'), alpine: t(56.4, '23.9.0', true), '20-alpine': t(43.5, '20.18.3', true), slim: t(77.2, '23.9.0') }, 'docker-entrypoint.sh'),
  runtimeImage('docker.io/library/python', 'python', ['python3'], { latest: t(372.4, '3.13.2'), '3': t(372.4, '3.13.2'), '3.13': t(372.4, '3.13.2'), '3.12': t(371.9, '3.12.9'), '3.11': t(375.1, '3.11.11'), slim: t(43.4, '3.13.2'), '3.12-slim': t(43.7, '3.12.9'), alpine: t(16.9, '3.13.2', true) }),
  runtimeImage('docker.io/library/ruby', 'ruby', ['irb'], { latest: t(370.2, '3.4.2'), '3': t(370.2, '3.4.2'), '3.4': t(370.2, '3.4.2'), '3.3': t(369.5, '3.3.7'), alpine: t(46.9, '3.4.2', true), slim: t(69.9, '3.4.2') }),
  {
    repository: 'registry.k8s.io/hpa-example',
    aliases: ['k8s.gcr.io/hpa-example', 'gcr.io/google_containers/hpa-example'],
    tags: { latest: t(181.9, '1.0') },
    entrypoint: [],
    cmd: ['apache2-foreground'],
    exposedPorts: [80],
    shell: 'dash',
    programs: [...DEBIAN, 'apache2-foreground', 'php'],
    mains: { 'apache2-foreground': 'hpa' },
    // Each request computes a million square roots: ~40 ms of CPU, so a load generator sending
    // ~12 requests/s keeps one pod near 500m (the walkthrough's 250% of a 200m request).
    profile: { idleCpuMillicores: 1, idleMemoryBytes: 10 * Mi, cpuMsPerRequest: 40 },
  },
  {
    repository: 'registry.k8s.io/echoserver',
    aliases: ['k8s.gcr.io/echoserver', 'gcr.io/google_containers/echoserver'],
    tags: { '1.4': t(44.6, '1.4'), '1.10': t(46.3, '1.10') },
    entrypoint: [],
    cmd: ['/usr/local/bin/run.sh'],
    exposedPorts: [8080],
    shell: 'dash',
    programs: [...DEBIAN, 'run.sh', 'nginx'],
    mains: { 'run.sh': 'echoserver', nginx: 'echoserver' },
    profile: { idleCpuMillicores: 1, idleMemoryBytes: 4 * Mi, cpuMsPerRequest: 0.3 },
  },
  {
    repository: 'gcr.io/google-samples/hello-app',
    aliases: ['us-docker.pkg.dev/google-samples/containers/gke/hello-app'],
    tags: { '1.0': t(4.2, '1.0.0'), '2.0': t(4.2, '2.0.0') },
    entrypoint: ['/hello-app'],
    cmd: [],
    exposedPorts: [8080],
    programs: ['hello-app'],
    mains: { 'hello-app': 'helloApp' },
    profile: { idleCpuMillicores: 0, idleMemoryBytes: 1.5 * Mi, cpuMsPerRequest: 0.1 },
  },
  {
    repository: 'docker.io/hashicorp/http-echo',
    tags: { latest: t(3.8, '1.0.0'), '1.0': t(3.8, '1.0.0'), '1.0.0': t(3.8, '1.0.0'), '0.2.3': t(2.5, '0.2.3') },
    entrypoint: ['/http-echo'],
    cmd: [],
    exposedPorts: [5678],
    programs: ['http-echo'],
    mains: { 'http-echo': 'httpEcho' },
    profile: { idleCpuMillicores: 0, idleMemoryBytes: 1.2 * Mi, cpuMsPerRequest: 0.05 },
  },
  {
    repository: 'docker.io/traefik/whoami',
    tags: { latest: t(3.1, '1.11.0'), 'v1.11': t(3.1, '1.11.0'), 'v1.10': t(2.9, '1.10.3'), 'v1.10.1': t(2.9, '1.10.1') },
    entrypoint: ['/whoami'],
    cmd: [],
    exposedPorts: [80],
    programs: ['whoami'],
    mains: { whoami: 'whoami' },
    profile: { idleCpuMillicores: 0, idleMemoryBytes: 1.4 * Mi, cpuMsPerRequest: 0.05 },
  },
  {
    repository: 'quay.io/jetstack/cert-manager-controller',
    tags: { 'v1.17.1': t(21.8, 'v1.17.1'), 'v1.17.0': t(21.8, 'v1.17.0'), 'v1.16.3': t(21.2, 'v1.16.3'), 'v1.16.2': t(21.2, 'v1.16.2'), 'v1.15.3': t(20.4, 'v1.15.3'), 'v1.14.4': t(19.9, 'v1.14.4') },
    entrypoint: ['/app/cmd/controller/controller'],
    cmd: [],
    exposedPorts: [9402],
    programs: ['controller'],
    mains: { controller: 'certManager' },
    profile: { idleCpuMillicores: 2, idleMemoryBytes: 30 * Mi },
  },
  {
    repository: 'docker.io/polinux/stress',
    tags: { latest: t(4.2, '1.0.4') },
    entrypoint: [],
    cmd: ['stress'],
    exposedPorts: [],
    shell: 'ash',
    programs: [...BUSYBOX, 'stress'],
    mains: { stress: 'stress' },
    profile: { idleCpuMillicores: 0, idleMemoryBytes: 1 * Mi },
  },
  ...SYSTEM_IMAGES,
];

function runtimeImage(repository: string, main: string, cmd: string[], tags: Record<string, TagInfo>, entry?: string): ImageDef {
  return {
    repository,
    tags,
    entrypoint: entry ? [entry] : [],
    cmd,
    exposedPorts: [],
    shell: 'dash',
    programs: [...DEBIAN, main, 'python3', 'irb', 'curl', 'wget', ...(entry ? [entry] : [])],
    mains: { [main]: main, ...(main === 'python' ? { python3: 'python' } : {}), ...(main === 'ruby' ? { irb: 'ruby' } : {}), ...(entry ? { [entry]: main } : {}) },
    profile: { idleCpuMillicores: 0, idleMemoryBytes: 8 * Mi, cpuMsPerRequest: 1 },
  };
}

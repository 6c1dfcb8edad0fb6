// A small image catalog for kubelet tests: nginx (a server answering 200 on / and 404 elsewhere),
// busybox (understands `echo X`, `exit N`, `sleep N` separated by `;`) and a memory hog.

import type { ImageCatalog, ImageInfo, ProcessEvent, ProcessSpec, SimProcess } from '../../../src/engine/kubelet/process';

const IMAGES: Record<string, ImageInfo> = {
  nginx: { repository: 'docker.io/library/nginx', tag: '1.27', digest: `sha256:${'a'.repeat(64)}`, sizeBytes: 72_100_000, exposedPorts: [80] },
  busybox: { repository: 'docker.io/library/busybox', tag: 'latest', digest: `sha256:${'b'.repeat(64)}`, sizeBytes: 2_150_000, exposedPorts: [] },
  hog: { repository: 'docker.io/library/hog', tag: 'latest', digest: `sha256:${'c'.repeat(64)}`, sizeBytes: 1_000_000, exposedPorts: [] },
};

function script(cmd: string[]): ProcessEvent[] {
  const text = cmd[0] === 'sh' && cmd[1] === '-c' ? cmd[2] : cmd.join(' ');
  const out: ProcessEvent[] = [];
  let at = 10;
  for (const part of text.split(';').map((s) => s.trim())) {
    let m: RegExpExecArray | null;
    if ((m = /^echo (.*)$/.exec(part))) out.push({ at, kind: 'stdout', text: `${m[1].replace(/^"|"$/g, '')}\n` });
    else if ((m = /^sleep (\d+)$/.exec(part))) at += Number(m[1]) * 1000;
    else if ((m = /^exit (\d+)$/.exec(part))) {
      out.push({ at, kind: 'exit', code: Number(m[1]) });
      return out;
    }
  }
  out.push({ at, kind: 'exit', code: 0 });
  return out;
}

export function fakeCatalog(opts: { healthyUntilMs?: number } = {}): ImageCatalog {
  return {
    resolve(ref) {
      const name = ref.split(':')[0].replace(/^docker\.io\/library\//, '');
      const info = IMAGES[name];
      if (!info) return { message: 'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed' };
      return info;
    },
    start(spec: ProcessSpec): SimProcess {
      const name = spec.image.repository.split('/').pop();
      const events: ProcessEvent[] =
        name === 'busybox' ? script([...(spec.command ?? []), ...(spec.args ?? [])])
        : name === 'nginx' ? [{ at: 400, kind: 'stdout', text: '/docker-entrypoint.sh: Configuration complete; ready for start up\n' }]
        : [];
      let i = 0;
      const server = name === 'nginx';
      return {
        next: () => events[i++],
        listensAfterMs: server ? 500 : undefined,
        http(req, since) {
          if (!server || since < 500 || req.port !== 80) return 'refused';
          if (opts.healthyUntilMs !== undefined && since > opts.healthyUntilMs) return { status: 500, headers: {}, body: '' };
          return req.path === '/' ? { status: 200, headers: {}, body: 'Welcome to nginx!' } : { status: 404, headers: {}, body: 'not found' };
        },
        tcp: (port, since) => server && port === 80 && since >= 500,
        exec(command) {
          if (command[0] === 'env') return { stdout: Object.entries(spec.env).map(([k, v]) => `${k}=${v}\n`).join(''), stderr: '', exitCode: 0 };
          if (command[0] === 'cat') {
            const f = spec.files[command[1]];
            return f !== undefined ? { stdout: f, stderr: '', exitCode: 0 } : { stdout: '', stderr: `cat: can't open '${command[1]}': No such file or directory\n`, exitCode: 1 };
          }
          return { stdout: '', stderr: '', exitCode: 0 };
        },
        usage: (since) => ({ cpuMillicores: 1, memoryBytes: name === 'hog' ? since * 1000 : 5_000_000 }),
      };
    },
  };
}

// Database images: mysql and postgres refuse to initialise without a password setting and exit 1
// with the entrypoints' real error lines (so they crash-loop); redis and mongo start and listen.

import type { Behaviour, Program } from './types';
import { formatDate } from '../shell/index';

type Ev = Behaviour['events'][number];
const line = (at: number, kind: 'stdout' | 'stderr', text: string): Ev => ({ at, kind, text: text + '\n' });

/** docker-library mysql entrypoint: `2024-08-14 12:00:00+00:00 [Note] [Entrypoint]: ...` */
export const mysqlProgram: Program = ({ spec, tag, env }) => {
  const start = spec.startedAtMs ?? 0;
  const ts = (at: number) => formatDate(start + at, '%Y-%m-%d %H:%M:%S+00:00');
  const iso = (at: number) => formatDate(start + at, '%Y-%m-%dT%H:%M:%S.') + String(((start + at) % 1000) * 1000).padStart(6, '0') + 'Z';
  const v = tag.version;
  const build = v.startsWith('5.') ? `${v}-1.el7` : `${v}-1.el9`;
  const note = (at: number, msg: string) => line(at, 'stdout', `${ts(at)} [Note] [Entrypoint]: ${msg}`);
  const events: Ev[] = [
    note(100, `Entrypoint script for MySQL Server ${build} started.`),
    note(150, "Switching to dedicated user 'mysql'"),
    note(200, `Entrypoint script for MySQL Server ${build} started.`),
  ];
  if (!env.MYSQL_ROOT_PASSWORD && !env.MYSQL_ALLOW_EMPTY_PASSWORD && !env.MYSQL_RANDOM_ROOT_PASSWORD) {
    events.push(
      line(300, 'stderr', `${ts(300)} [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n    You need to specify one of the following as an environment variable:\n    - MYSQL_ROOT_PASSWORD\n    - MYSQL_ALLOW_EMPTY_PASSWORD\n    - MYSQL_RANDOM_ROOT_PASSWORD`),
      { at: 300, kind: 'exit', code: 1, reason: 'Error' },
    );
    return { events };
  }
  events.push(
    note(400, 'Initializing database files'),
    line(6000, 'stdout', `${ts(6000)} [Note] [Entrypoint]: Database files initialized`),
    note(6100, 'Starting temporary server'),
    note(9000, 'Temporary server started.'),
  );
  if (env.MYSQL_RANDOM_ROOT_PASSWORD) {
    const pw = spec.random.string(32, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
    events.push(note(9500, `GENERATED ROOT PASSWORD: ${pw}`));
  }
  if (env.MYSQL_DATABASE) events.push(note(9600, `Creating database ${env.MYSQL_DATABASE}`));
  if (env.MYSQL_USER && env.MYSQL_PASSWORD) events.push(note(9700, `Creating user ${env.MYSQL_USER}`));
  const ready = 13000;
  events.push(
    note(10000, 'Stopping temporary server'),
    note(12000, 'Temporary server stopped'),
    line(12000, 'stdout', ''),
    note(12100, 'MySQL init process done. Ready for start up.'),
    line(12100, 'stdout', ''),
    line(12500, 'stdout', `${iso(12500)} 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld ${v}) starting as process 1`),
    line(ready, 'stdout', `${iso(ready)} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '${v}'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`),
  );
  return { events, listen: { ports: [3306, 33060], afterMs: ready } };
};

/** docker-library postgres entrypoint: refuses without POSTGRES_PASSWORD (or trust auth). */
export const postgresProgram: Program = ({ spec, tag, env }) => {
  const start = spec.startedAtMs ?? 0;
  if (!env.POSTGRES_PASSWORD && env.POSTGRES_HOST_AUTH_METHOD !== 'trust') {
    const text = [
      'Error: Database is uninitialized and superuser password is not specified.',
      '       You must specify POSTGRES_PASSWORD to a non-empty value for the',
      '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".',
      '',
      '       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all',
      '       connections without a password. This is *not* recommended.',
      '',
      '       See PostgreSQL documentation about "trust":',
      '       https://www.postgresql.org/docs/current/auth-trust.html',
    ].join('\n');
    return { events: [line(100, 'stderr', text), { at: 100, kind: 'exit', code: 1, reason: 'Error' }] };
  }
  const ts = (at: number) => formatDate(start + at, '%Y-%m-%d %H:%M:%S.') + String((start + at) % 1000).padStart(3, '0') + ' UTC';
  const ready = 4000;
  const events: Ev[] = [
    line(100, 'stdout', 'The files belonging to this database system will be owned by user "postgres".\nThis user must also own the server process.\n'),
    line(100, 'stdout', 'The database cluster will be initialized with locale "en_US.utf8".\nThe default database encoding has accordingly been set to "UTF8".\nThe default text search configuration will be set to "english".\n\nData page checksums are disabled.\n'),
    line(2000, 'stdout', 'Success. You can now start the database server using:\n\n    pg_ctl -D /var/lib/postgresql/data -l logfile start\n'),
    line(3000, 'stdout', 'PostgreSQL init process complete; ready for start up.\n'),
    line(ready, 'stderr', `${ts(ready)} [1] LOG:  starting PostgreSQL ${tag.version} on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`),
    line(ready, 'stderr', `${ts(ready)} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432`),
    line(ready, 'stderr', `${ts(ready)} [1] LOG:  database system is ready to accept connections`),
  ];
  return { events, listen: { ports: [5432], afterMs: ready } };
};

/** redis-server with no config file. */
export const redisProgram: Program = ({ spec, tag }) => {
  const start = spec.startedAtMs ?? 0;
  const ts = (at: number) => formatDate(start + at, '%d %b %Y %H:%M:%S.') + String((start + at) % 1000).padStart(3, '0');
  const at = 100;
  const c = (m: string) => line(at, 'stdout', `1:C ${ts(at)} ${m}`);
  const m = (s: string) => line(at, 'stdout', `1:M ${ts(at)} ${s}`);
  return {
    events: [
      c('* oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo'),
      c(`* Redis version=${tag.version}, bits=64, commit=00000000, modified=0, pid=1, just started`),
      c('# Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf'),
      m('* monotonic clock: POSIX clock_gettime'),
      m('* Running mode=standalone, port=6379.'),
      m('* Server initialized'),
      m('* Ready to accept connections tcp'),
    ],
    listen: { ports: [6379], afterMs: at },
  };
};

/** mongod: structured JSON log lines, then waiting for connections on 27017. */
export const mongoProgram: Program = ({ spec }) => {
  const start = spec.startedAtMs ?? 0;
  const at = 1500;
  const d = formatDate(start + at, '%Y-%m-%dT%H:%M:%S.') + String((start + at) % 1000).padStart(3, '0') + '+00:00';
  const j = (c: string, id: number, ctx: string, msg: string, attr?: string) =>
    line(at, 'stdout', `{"t":{"$date":"${d}"},"s":"I",  "c":"${c}",${' '.repeat(Math.max(1, 9 - c.length))}"id":${id},${' '.repeat(Math.max(1, 8 - String(id).length))}"ctx":"${ctx}","msg":"${msg}"${attr ? `,"attr":${attr}` : ''}}`);
  return {
    events: [
      j('CONTROL', 23285, 'main', 'Automatically disabling TLS 1.0, to force-enable TLS 1.0 specify --sslDisabledProtocols \'none\''),
      j('NETWORK', 4915701, 'main', 'Initialized wire specification'),
      j('NETWORK', 23015, 'listener', 'Listening on', '{"address":"0.0.0.0"}'),
      j('NETWORK', 23016, 'listener', 'Waiting for connections', '{"port":27017,"ssl":"off"}'),
    ],
    listen: { ports: [27017], afterMs: at },
  };
};

// SPDY/3.1 framing and the server session: frame encode/parse, header blocks, the dictionary,
// SYN_STREAM -> SYN_REPLY with zlib header blocks, PING echo, data, FIN and RST_STREAM.
import { constants as zc, createDeflate, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  decodeHeaderBlock,
  encodeControl,
  encodeData,
  encodeHeaderBlock,
  FLAG_FIN,
  parseSpdyFrames,
  SPDY3_DICTIONARY,
  SpdySession,
  type SpdyFrame,
  type SpdyStream,
  TYPE_PING,
  TYPE_RST_STREAM,
  TYPE_SYN_REPLY,
  TYPE_SYN_STREAM,
} from '../../src/server/spdy';

describe('frames', () => {
  const rows: { name: string; input: Buffer; want: SpdyFrame }[] = [
    { name: 'data', input: encodeData(1, 0, Buffer.from('hi')), want: { control: false, streamId: 1, flags: 0, data: Buffer.from('hi') } },
    { name: 'data FIN empty', input: encodeData(3, FLAG_FIN, Buffer.alloc(0)), want: { control: false, streamId: 3, flags: 1, data: Buffer.alloc(0) } },
    { name: 'ping', input: encodeControl(TYPE_PING, 0, Buffer.from([0, 0, 0, 1])), want: { control: true, version: 3, type: 6, flags: 0, payload: Buffer.from([0, 0, 0, 1]) } },
    { name: 'rst', input: encodeControl(TYPE_RST_STREAM, 0, Buffer.from([0, 0, 0, 5, 0, 0, 0, 5])), want: { control: true, version: 3, type: 3, flags: 0, payload: Buffer.from([0, 0, 0, 5, 0, 0, 0, 5]) } },
  ];
  for (const r of rows) {
    it(r.name, () => {
      expect(parseSpdyFrames(r.input)).toEqual({ frames: [r.want], rest: Buffer.alloc(0) });
      // Split anywhere, the first part is held back until the frame is whole.
      const cut = parseSpdyFrames(r.input.subarray(0, r.input.length - 1));
      expect(cut.frames).toEqual([]);
      expect(cut.rest.length).toBe(r.input.length - 1);
    });
  }

  it('control header bytes: version 3, type, flags, 24-bit length', () => {
    expect([...encodeControl(TYPE_SYN_REPLY, 1, Buffer.alloc(4)).subarray(0, 8)]).toEqual([0x80, 0x03, 0x00, 0x02, 0x01, 0, 0, 4]);
  });
});

describe('header blocks', () => {
  const rows: { input: Record<string, string[]>; want: Record<string, string[]> }[] = [
    { input: {}, want: {} },
    { input: { streamType: ['error'], port: ['80'], requestID: ['0'] }, want: { streamtype: ['error'], port: ['80'], requestid: ['0'] } },
    { input: { a: ['1', '2'] }, want: { a: ['1', '2'] } },
  ];
  for (const r of rows) it(JSON.stringify(r.input), () => expect(decodeHeaderBlock(encodeHeaderBlock(r.input))).toEqual(r.want));
  it('a truncated block throws', () => expect(() => decodeHeaderBlock(encodeHeaderBlock({ a: ['1'] }).subarray(0, 9))).toThrow('truncated'));
  it('the dictionary has SPDY/3 size and ends', () => {
    expect(SPDY3_DICTIONARY.length).toBe(1423);
    expect(SPDY3_DICTIONARY.subarray(0, 11).toString('latin1')).toBe('\0\0\0\x07options');
    expect(SPDY3_DICTIONARY.subarray(-6).toString('latin1')).toBe('enq=0.');
  });
});

/** A client's header compressor: one zlib context for the session, sync-flushed per block. */
function clientDeflate(): (b: Buffer) => Promise<Buffer> {
  const z = createDeflate({ dictionary: SPDY3_DICTIONARY });
  const out: Buffer[] = [];
  z.on('data', (c: Buffer) => out.push(c));
  return (b) =>
    new Promise((resolve) => {
      z.write(b);
      z.flush(zc.Z_SYNC_FLUSH, () => setImmediate(() => resolve(Buffer.concat(out.splice(0)))));
    });
}

async function synStream(compress: (b: Buffer) => Promise<Buffer>, id: number, headers: Record<string, string[]>, flags = 0): Promise<Buffer> {
  const head = Buffer.alloc(10);
  head.writeUInt32BE(id);
  return encodeControl(TYPE_SYN_STREAM, flags, Buffer.concat([head, await compress(encodeHeaderBlock(headers))]));
}

const tick = () => new Promise((r) => setTimeout(r, 20));

describe('session', () => {
  it('answers SYN_STREAM with SYN_REPLY, echoes PING, delivers data and FIN, writes data', async () => {
    const sent: Buffer[] = [];
    const session = new SpdySession((b) => void sent.push(b));
    const streams: SpdyStream[] = [];
    const got: string[] = [];
    session.onStream((s) => {
      streams.push(s);
      s.onData((d) => got.push(`${s.id}:${d.toString()}`));
      s.onEnd(() => got.push(`${s.id}:end`));
    });
    const compress = clientDeflate();
    session.receive(await synStream(compress, 1, { streamType: ['error'], port: ['80'], requestID: ['0'] }));
    session.receive(await synStream(compress, 3, { streamType: ['data'], port: ['80'], requestID: ['0'] }));
    session.receive(Buffer.concat([encodeControl(TYPE_PING, 0, Buffer.from([0, 0, 0, 1])), encodeData(3, 0, Buffer.from('GET')), encodeData(1, FLAG_FIN, Buffer.alloc(0))]));
    await tick();
    expect(streams.map((s) => [s.id, s.header('streamType'), s.header('port'), s.header('requestid')])).toEqual([
      [1, 'error', '80', '0'],
      [3, 'data', '80', '0'],
    ]);
    expect(got).toEqual(['3:GET', '1:end']);
    streams[1].write('answer');
    streams[1].end();
    streams[0].reset();
    await tick();
    const frames = parseSpdyFrames(Buffer.concat(sent)).frames;
    const summary = frames.map((f) => (f.control ? `c${f.type}` : `d${f.streamId}:${f.data.toString()}:${f.flags}`));
    expect(summary).toEqual(['c2', 'c2', 'c6', 'd3:answer:0', 'd3::1', 'c3']);
    // Both SYN_REPLY header blocks inflate, in one context, to an empty header set.
    const blocks = frames.filter((f): f is Extract<SpdyFrame, { control: true }> => f.control && f.type === TYPE_SYN_REPLY).map((f) => f.payload.subarray(4));
    const plain = inflateSync(Buffer.concat(blocks), { dictionary: SPDY3_DICTIONARY, finishFlush: zc.Z_SYNC_FLUSH });
    expect(decodeHeaderBlock(plain.subarray(0, 4))).toEqual({});
    expect(plain.length).toBe(8);
    session.shutdown();
  });

  it('data for an unknown stream is answered with RST_STREAM INVALID_STREAM', async () => {
    const sent: Buffer[] = [];
    const session = new SpdySession((b) => void sent.push(b));
    session.receive(encodeData(7, 0, Buffer.from('x')));
    await tick();
    const [f] = parseSpdyFrames(Buffer.concat(sent)).frames;
    expect(f).toEqual({ control: true, version: 3, type: TYPE_RST_STREAM, flags: 0, payload: Buffer.from([0, 0, 0, 7, 0, 0, 0, 2]) });
    session.shutdown();
  });

  it('a garbled header block ends the session', async () => {
    let why = '';
    const session = new SpdySession(() => {}, (w) => (why = w));
    const head = Buffer.alloc(10);
    head.writeUInt32BE(1);
    session.receive(encodeControl(TYPE_SYN_STREAM, 0, Buffer.concat([head, Buffer.from('not zlib')])));
    await tick();
    expect(why).not.toBe('');
  });
});

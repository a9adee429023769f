// A minimal authoritative DNS server over UDP on 127.0.0.1, answering TXT queries from an
// in-memory zone, for handle resolution tests. It speaks just enough of RFC 1035: one question
// per query, answers with a name pointer to the question, no EDNS.
import { createSocket } from 'node:dgram';

import type { RemoteInfo } from 'node:dgram';

const HEADER_LENGTH = 12;
const TYPE_TXT = 16;
const CLASS_IN = 1;
const RCODE_NXDOMAIN = 3;
const NAME_POINTER_TO_QUESTION = 0xc00c;
const CHARACTER_STRING_MAX = 255;
const TTL_SECONDS = 60;

/** A loopback DNS server with a zone of TXT records that tests may change between lookups. */
export interface DnsServer {
  /** `127.0.0.1:<port>`, as `Resolver.setServers` takes it. */
  readonly address: string;
  /** TXT records by lower-case name; a name missing here answers NXDOMAIN. */
  readonly zone: Map<string, string[]>;
  /** Every name asked, in arrival order, as sent. */
  readonly queries: string[];
  /** When set, queries are counted and dropped, never answered. */
  silent: boolean;
  close(): Promise<void>;
}

interface Question {
  name: string;
  type: number;
  /** Offset just past the question section. */
  end: number;
}

function readQuestion(message: Buffer): Question {
  const labels: string[] = [];
  let offset = HEADER_LENGTH;

  for (let length = message[offset] ?? 0; length > 0; length = message[offset] ?? 0) {
    labels.push(message.toString('latin1', offset + 1, offset + 1 + length));
    offset += length + 1;
  }

  return { name: labels.join('.'), type: message.readUInt16BE(offset + 1), end: offset + 5 };
}

function encodeTxt(value: string): Buffer {
  const bytes = Buffer.from(value, 'utf8');
  const strings: Buffer[] = [];

  for (let start = 0; start < bytes.length || start === 0; start += CHARACTER_STRING_MAX) {
    const chunk = bytes.subarray(start, start + CHARACTER_STRING_MAX);

    strings.push(Buffer.from([chunk.length]), chunk);
  }

  return Buffer.concat(strings);
}

function encodeAnswer(value: string): Buffer {
  const data = encodeTxt(value);
  const fixed = Buffer.alloc(12);

  fixed.writeUInt16BE(NAME_POINTER_TO_QUESTION, 0);
  fixed.writeUInt16BE(TYPE_TXT, 2);
  fixed.writeUInt16BE(CLASS_IN, 4);
  fixed.writeUInt32BE(TTL_SECONDS, 6);
  fixed.writeUInt16BE(data.length, 10);

  return Buffer.concat([fixed, data]);
}

function buildResponse(query: Buffer, question: Question, records: string[] | undefined): Buffer {
  const answers = question.type === TYPE_TXT ? (records ?? []) : [];
  const header = Buffer.alloc(HEADER_LENGTH);
  const recursionDesired = (query[2] ?? 0) & 0x01;

  header.writeUInt16BE(query.readUInt16BE(0), 0);
  header[2] = 0x84 | recursionDesired;
  header[3] = 0x80 | (records === undefined ? RCODE_NXDOMAIN : 0);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(answers.length, 6);

  const questionSection = query.subarray(HEADER_LENGTH, question.end);

  return Buffer.concat([header, questionSection, ...answers.map(encodeAnswer)]);
}

/** Starts a DNS server on 127.0.0.1 and a random UDP port, serving `records` as TXT records. */
export async function startDnsServer(records: Record<string, string[]> = {}): Promise<DnsServer> {
  const socket = createSocket('udp4');
  const zone = new Map(Object.entries(records));
  const queries: string[] = [];

  const answer = (message: Buffer, peer: RemoteInfo): void => {
    const question = readQuestion(message);

    queries.push(question.name);

    if (server.silent) return;

    const response = buildResponse(message, question, zone.get(question.name.toLowerCase()));

    socket.send(response, peer.port, peer.address);
  };

  socket.on('message', answer);
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));

  const { port } = socket.address();
  const close = (): Promise<void> => new Promise((resolve) => socket.close(() => resolve()));
  const server: DnsServer = { address: `127.0.0.1:${port}`, zone, queries, silent: false, close };

  return server;
}

// SPDX-License-Identifier: MPL-2.0
"use strict";
/*
 * A libzmq peer for zenmq's interop tests, run by node with the npm package zeromq 6.8.0 (libzmq
 * 4.3.5 built with the draft API). It speaks the same line protocol as peer.py (see there: one
 * reply line per command on stdout, frames as lowercase hex joined by commas, "READY <version>"
 * first, exit when stdin closes), so LibzmqPeer drives either, plus the draft types' metadata:
 *
 *     socket TYPE                  also SERVER, CLIENT, SCATTER, GATHER (zeromq/draft); PEER and
 *                                  CHANNEL for setopt only (zeromq.js cannot send or receive on them)
 *     send HEX,... [KEY=VALUE...]  routing=ID sends a SERVER message to that routing id
 *     recv TIMEOUT_MS           -> MSG HEX,... [routing=ID]   (the routing id of a SERVER message)
 *     sendn N SIZE [KEY=VALUE...]   as send, for each numbered message
 *     echo N TIMEOUT_MS            a SERVER answers each message to its routing id
 *     setopt NUMBER KIND VALUE  -> OK   any option by libzmq's number; KIND int, int64 or bytes (hex)
 *
 * KEY=VALUE words are the draft send options and received metadata; METADATA below lists them,
 * so a new one (a group, say) is one more row. zap is not offered.
 */
const crypto = require("crypto");
const readline = require("readline");
const zmq = require("zeromq");

process.removeAllListeners("warning"); // zeromq/draft warns on stderr that drafts are experimental
const draft = require("zeromq/draft");

const DEFAULT_LINGER_MS = 2000;
const DEFAULT_SNDTIMEO_MS = 10000;

/** zeromq.js has no PEER or CHANNEL class: a bare socket of libzmq's type takes options only. */
class BarePeer extends zmq.Socket {
  constructor() {
    super(19);
  }
}
class BareChannel extends zmq.Socket {
  constructor() {
    super(20);
  }
}

const TYPES = {
  PAIR: zmq.Pair, PUB: zmq.Publisher, SUB: zmq.Subscriber, REQ: zmq.Request, REP: zmq.Reply,
  DEALER: zmq.Dealer, ROUTER: zmq.Router, PULL: zmq.Pull, PUSH: zmq.Push, XPUB: zmq.XPublisher,
  XSUB: zmq.XSubscriber, STREAM: zmq.Stream,
  SERVER: draft.Server, CLIENT: draft.Client, GATHER: draft.Gather, SCATTER: draft.Scatter,
  RADIO: draft.Radio, DISH: draft.Dish, DGRAM: draft.Datagram, PEER: BarePeer, CHANNEL: BareChannel,
};

/** Options by libzmq name: a socket property of zeromq.js, or [number, kind] for a raw one. */
const OPTIONS = {
  LINGER: "linger", SNDTIMEO: "sendTimeout", RCVTIMEO: "receiveTimeout",
  SNDHWM: "sendHighWaterMark", RCVHWM: "receiveHighWaterMark", IMMEDIATE: ["immediate", "bool"],
  CONFLATE: ["conflate", "bool"], RECONNECT_IVL: "reconnectInterval",
  ROUTING_ID: ["routingId", "bytes"], SUBSCRIBE: [6, "bytes"], UNSUBSCRIBE: [7, "bytes"],
  HELLO_MSG: [110, "bytes"], DISCONNECT_MSG: [111, "bytes"], HICCUP_MSG: [114, "bytes"],
};

/** Per-message metadata: the word's key, the zeromq.js option, and how the value is written. */
const METADATA = {
  routing: { option: "routingId", parse: (text) => Number.parseInt(text, 10), print: (value) => String(value) },
};

let sock = null;

function decode(text) {
  return text.split(",").map((frame) => Buffer.from(frame, "hex"));
}

function encode(frames) {
  return frames.map((frame) => Buffer.from(frame).toString("hex")).join(",");
}

function numbered(index, size) {
  const message = Buffer.alloc(Math.max(4, size));
  message.writeUInt32BE(index >>> 0, 0);
  for (let i = 4; i < message.length; i++) {
    message[i] = (i - 4) & 0xff;
  }
  return message.subarray(0, size);
}

function absorb(digest, frames) {
  const word = Buffer.alloc(4);
  word.writeUInt32BE(frames.length, 0);
  digest.update(word);
  for (const frame of frames) {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(frame.length, 0);
    digest.update(length);
    digest.update(frame);
  }
}

/** Parses KEY=VALUE words into zeromq.js send options. */
function sendOptions(words) {
  const options = {};
  for (const word of words) {
    const at = word.indexOf("=");
    const meta = METADATA[word.substring(0, at)];
    if (at < 0 || meta === undefined) {
      throw new Error("unknown send option " + word);
    }
    options[meta.option] = meta.parse(word.substring(at + 1));
  }
  return options;
}

/** Splits what receive() resolved to into frames and a metadata object (or null). */
function split(received) {
  const parts = Array.from(received);
  const last = parts[parts.length - 1];
  const meta = last !== undefined && !Buffer.isBuffer(last) ? parts.pop() : null;
  return { frames: parts, meta };
}

function metaWords(meta) {
  if (meta === null) {
    return "";
  }
  let words = "";
  for (const [key, spec] of Object.entries(METADATA)) {
    if (meta[spec.option] !== undefined) {
      words += " " + key + "=" + spec.print(meta[spec.option]);
    }
  }
  return words;
}

async function send(frames, options) {
  if (Object.keys(options).length > 0) {
    await sock.send(frames.length === 1 ? frames[0] : frames, options);
  } else {
    await sock.send(frames.length === 1 && sock instanceof draft.Server ? frames[0] : frames);
  }
}

/** Receives one message, or returns null once the timeout passes. */
async function receive(timeoutMs) {
  sock.receiveTimeout = Math.max(0, timeoutMs);
  try {
    return split(await sock.receive());
  } catch (error) {
    if (error.code === "EAGAIN") {
      return null;
    }
    throw error;
  }
}

const COMMANDS = {
  async socket(type) {
    if (sock !== null) {
      sock.linger = 0;
      sock.close();
    }
    const Type = TYPES[type.toUpperCase()];
    if (Type === undefined) {
      throw new Error("unknown socket type " + type);
    }
    sock = new Type();
    sock.linger = DEFAULT_LINGER_MS;
    if ("sendTimeout" in sock) {
      sock.sendTimeout = DEFAULT_SNDTIMEO_MS; // receive-only types have no such option
    }
    return "OK";
  },
  async setsockopt(name, value = "") {
    const option = OPTIONS[name.toUpperCase()];
    if (option === undefined) {
      throw new Error("unknown option " + name);
    }
    if (typeof option === "string") {
      sock[option] = Number.parseInt(value, 10);
    } else if (option[1] === "bool") {
      sock[option[0]] = Number.parseInt(value, 10) !== 0;
    } else if (typeof option[0] === "string") {
      sock[option[0]] = Buffer.from(value, "hex");
    } else {
      sock.setStringOption(option[0], Buffer.from(value, "hex"));
    }
    return "OK";
  },
  async setopt(number, kind, value = "") {
    const option = Number.parseInt(number, 10);
    if (kind === "int") {
      sock.setInt32Option(option, Number.parseInt(value, 10));
    } else if (kind === "int64") {
      sock.setInt64Option(option, Number.parseInt(value, 10));
    } else if (kind === "bytes") {
      sock.setStringOption(option, Buffer.from(value, "hex"));
    } else {
      throw new Error("unknown option kind " + kind);
    }
    return "OK";
  },
  async bind(endpoint) {
    await sock.bind(endpoint);
    return "OK " + sock.lastEndpoint;
  },
  async unbind(endpoint) {
    await sock.unbind(endpoint);
    return "OK";
  },
  async connect(endpoint) {
    sock.connect(endpoint);
    return "OK";
  },
  async disconnect(endpoint) {
    sock.disconnect(endpoint);
    return "OK";
  },
  async send(frames = "", ...words) {
    await send(decode(frames), sendOptions(words));
    return "OK";
  },
  async recv(timeoutMs) {
    const message = await receive(Number.parseInt(timeoutMs, 10));
    return message === null ? "TIMEOUT" : "MSG " + encode(message.frames) + metaWords(message.meta);
  },
  async recvn(count, timeoutMs) {
    const deadline = Date.now() + Number.parseInt(timeoutMs, 10);
    const digest = crypto.createHash("sha256");
    let received = 0;
    while (received < Number.parseInt(count, 10)) {
      const message = await receive(deadline - Date.now());
      if (message === null) {
        break;
      }
      absorb(digest, message.frames);
      received++;
    }
    return "DIGEST " + received + " " + digest.digest("hex");
  },
  async sendn(count, size, ...words) {
    const options = sendOptions(words);
    for (let i = 0; i < Number.parseInt(count, 10); i++) {
      await send([numbered(i, Number.parseInt(size, 10))], options);
    }
    return "OK " + Number.parseInt(count, 10);
  },
  async echo(count, timeoutMs) {
    const deadline = Date.now() + Number.parseInt(timeoutMs, 10);
    let echoed = 0;
    while (echoed < Number.parseInt(count, 10)) {
      const message = await receive(deadline - Date.now());
      if (message === null) {
        break;
      }
      const options = message.meta !== null && message.meta.routingId !== undefined
        ? { routingId: message.meta.routingId } : {};
      try {
        await send(message.frames, options);
      } catch (error) {
        error.message = "after " + echoed + " echoed: " + error.message;
        throw error;
      }
      echoed++;
    }
    return "OK " + echoed;
  },
  async keypair() {
    const pair = zmq.curveKeyPair();
    return "OK " + pair.publicKey + " " + pair.secretKey;
  },
  async close() {
    if (sock !== null) {
      sock.close();
      sock = null;
    }
    return "OK";
  },
};

function answer(line) {
  process.stdout.write(line + "\n");
}

async function main() {
  answer("READY " + zmq.version);
  const lines = readline.createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    const words = line.replace(/[\r\n]+$/, "").split(" ");
    if (words[0] === "quit") {
      answer("OK");
      break;
    }
    const handler = Object.prototype.hasOwnProperty.call(COMMANDS, words[0]) ? COMMANDS[words[0]] : undefined;
    try {
      if (handler === undefined) {
        throw new Error("unknown command '" + words[0] + "'");
      }
      answer(await handler(...words.slice(1)));
    } catch (error) {
      const code = typeof error.code === "string" ? error.code : error.name;
      answer("ERR " + code + " " + String(error.message).split(/\s+/).join(" "));
    }
  }
  if (sock !== null) {
    sock.close();
  }
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack) + "\n");
  process.exit(1);
});

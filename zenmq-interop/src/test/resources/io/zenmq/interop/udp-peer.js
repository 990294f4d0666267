// SPDX-License-Identifier: MPL-2.0
// libzmq 4.3.5 (npm zeromq 6.8.0, draft API) as a RADIO, DISH or DGRAM peer for zenmq's udp
// interop tests and bench/udp/run.sh. Usage:
//   node udp-peer.js radio|dish|dgram bind|connect ENDPOINT [join=g1,g2] [hops=N] [loop=0|1]
// "{port}" in ENDPOINT becomes a free udp port (libzmq cannot bind port 0 and tell which it got).
// Prints "ready ENDPOINT", then answers one line per command read from stdin:
//   send GROUP N TEXT      RADIO: N messages "TEXT-i" to GROUP            -> "sent N"
//   blast GROUP N SIZE     RADIO: N messages of SIZE bytes, as fast as possible -> "sent N SECONDS"
//   dsend ADDRESS TEXT     DGRAM: one message [ADDRESS][TEXT]             -> "sent 1"
//   recv N MILLIS          up to N messages, waiting at most MILLIS for each:
//                          "msg FIRST BODY" per message (FIRST: group or address), then "done COUNT"
//   count MILLIS           counts messages (the first awaited up to 30 s) until none came for
//                          MILLIS -> "done COUNT SECONDS" (SECONDS: first to last message)
//   echo N MILLIS          DGRAM: replies [address]["echo:" + body] to N messages -> "done COUNT"
//   join GROUP / leave GROUP                                              -> "ok"
//   quit
"use strict";
process.removeAllListeners("warning");
const zmq = require("zeromq/draft");
const dgram = require("dgram");
const readline = require("readline");

function freePort(host) {
  return new Promise((resolve, reject) => {
    const probe = dgram.createSocket(host.includes(":") ? "udp6" : "udp4");
    probe.on("error", reject);
    probe.bind(0, host === "*" ? undefined : host, () => {
      const port = probe.address().port;
      probe.close(() => resolve(port));
    });
  });
}

// Polls instead of waiting in receive(): zeromq.js watches a thread-safe socket through a
// zmq_poller fd, and a receive() waiting on it has been seen to miss messages that arrive.
async function receiveOne(socket, millis) {
  socket.receiveTimeout = 0;
  const deadline = Date.now() + millis;
  for (;;) {
    try {
      return await socket.receive();
    } catch (e) {
      if (e.code !== "EAGAIN") throw e;
      if (Date.now() >= deadline) return null;
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }
}

async function main() {
  const [role, mode, given, ...rest] = process.argv.slice(2);
  const opts = Object.fromEntries(rest.map((kv) => kv.split("=")));
  const socket = role === "radio" ? new zmq.Radio() : role === "dish" ? new zmq.Dish() : new zmq.Datagram();
  if (opts.hops) socket.multicastHops = Number(opts.hops);
  if (opts.loop !== undefined) socket.multicastLoop = opts.loop === "1";
  if (opts.join) for (const g of opts.join.split(",")) socket.join(g);
  let endpoint = given;
  if (endpoint.includes("{port}")) {
    const address = endpoint.replace(/^udp:\/\//, "").replace(/:\{port\}$/, "");
    const host = address.includes(";") ? "*" : address.replace(/^\[|\]$/g, "");
    const bindHost = /^(22[4-9]|23\d)\./.test(host) ? "*" : host;
    endpoint = endpoint.replace("{port}", String(await freePort(bindHost)));
  }
  if (mode === "bind") await socket.bind(endpoint); else socket.connect(endpoint);
  // libzmq reports a tcp port it chose, but not a udp one
  console.log("ready " + (mode === "bind" && endpoint.startsWith("tcp://") ? socket.lastEndpoint : endpoint));

  const lines = readline.createInterface({ input: process.stdin });
  for await (const line of lines) {
    const words = line.trim().split(" ");
    const command = words[0];
    if (command === "quit" || command === "") break;
    if (command === "send") {
      const [group, n, text] = [words[1], Number(words[2]), words.slice(3).join(" ")];
      for (let i = 0; i < n; i++) await socket.send(text + "-" + i, { group });
      console.log("sent " + n);
    } else if (command === "blast") {
      const [group, n, size] = [words[1], Number(words[2]), Number(words[3])];
      const body = Buffer.alloc(size, 97);
      const start = process.hrtime.bigint();
      for (let i = 0; i < n; i++) await socket.send(body, { group });
      console.log("sent " + n + " " + Number(process.hrtime.bigint() - start) / 1e9);
    } else if (command === "dsend") {
      await socket.send([words[1], words.slice(2).join(" ")]);
      console.log("sent 1");
    } else if (command === "recv" || command === "echo") {
      const [n, millis] = [Number(words[1]), Number(words[2])];
      let count = 0;
      while (count < n) {
        const frames = await receiveOne(socket, millis);
        if (frames === null) break;
        count++;
        if (role === "dgram") {
          const [address, body] = frames;
          if (command === "echo") await socket.send([address, "echo:" + body.toString()]);
          // libzmq's address frame ends in a NUL byte
          else console.log("msg " + address.toString().replace(/\0$/, "") + " " + body.toString());
        } else {
          // a Dish hands out [body, {group}]
          const [body, meta] = frames;
          console.log("msg " + meta.group.toString() + " " + body.toString());
        }
      }
      console.log("done " + count);
    } else if (command === "count") {
      const millis = Number(words[1]);
      let count = 0;
      let first = 0n;
      let last = 0n;
      for (;;) {
        const frames = await receiveOne(socket, count === 0 ? 30000 : millis);
        if (frames === null) break;
        last = process.hrtime.bigint();
        if (count === 0) first = last;
        count++;
      }
      console.log("done " + count + " " + Number(last - first) / 1e9);
    } else if (command === "join") {
      socket.join(words[1]);
      console.log("ok");
    } else if (command === "leave") {
      socket.leave(words[1]);
      console.log("ok");
    } else {
      console.log("error unknown command " + command);
    }
  }
  // what a RADIO queued still goes out, as the zenmq peer's context lingers too
  socket.linger = 1000;
  socket.close();
  process.exit(0);
}

main().catch((e) => {
  console.log("error " + e.message);
  process.exit(1);
});

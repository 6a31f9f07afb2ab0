// Drives two live-room nodes with the official socket.io JavaScript client (socket.io-client 4.8).
// Input: env SCENARIO = JSON {nodeA, nodeB, sessionId, hostToken, viewerToken, viewerId, expiredToken, flashSkuId}.
// The flash sale started here is bought out by the Java test (as mall-api takes units) once it appears in Redis.
// Output: one JSON line {ok, checks, error?}; LiveRoomTwoNodeTest asserts on it.
"use strict";
const { io } = require("socket.io-client");

const cfg = JSON.parse(process.env.SCENARIO);
const sessionId = cfg.sessionId;
const WAIT_MS = 20000; // generous: CI machines have 2 cores and run MariaDB, Redis and two nodes at once
const checks = {};

function connect(url, token) {
  return new Promise((resolve, reject) => {
    // WebSocket from the start: this scenario is about rooms across nodes. The polling->WebSocket
    // upgrade has its own tests (LiveRoomSocketTest); an unexplained connect stall of this client
    // during the upgrade (once in five full runs) is recorded as open in the issue note.
    const socket = io(url, { auth: token ? { token } : {}, forceNew: true, reconnection: false, transports: ["websocket"] });
    const timer = setTimeout(() => reject(new Error("connect timeout " + url)), WAIT_MS);
    socket.on("connect", () => { clearTimeout(timer); resolve(track(socket)); });
    socket.on("connect_error", (err) => {
      clearTimeout(timer);
      socket.close();
      reject(Object.assign(new Error("connect_error: " + err.message), { data: err.data }));
    });
  });
}

// remembers the last payload of every event, so a wait can be satisfied by what already arrived
function track(socket) {
  socket.last = {};
  socket.onAny((event, payload) => { socket.last[event] = payload; });
  return socket;
}

function request(socket, event, payload) {
  return socket.timeout(WAIT_MS).emitWithAck(event, payload);
}

// the next event of that name matching pred (register before triggering it)
function next(socket, event, pred = () => true) {
  return new Promise((resolve, reject) => {
    const handler = (payload) => {
      if (pred(payload)) { clearTimeout(timer); socket.off(event, handler); resolve(payload); }
    };
    const timer = setTimeout(() => { socket.off(event, handler); reject(new Error("no matching " + event)); }, WAIT_MS);
    socket.on(event, handler);
  });
}

// the last event of that name if it matches, else the next one that does
function latest(socket, event, pred) {
  const last = socket.last[event];
  return last !== undefined && pred(last) ? Promise.resolve(last) : next(socket, event, pred);
}

function hasText(text) {
  return (batch) => batch.messages.some((m) => m.text === text);
}

// An expired token must be refused with TOKEN_INVALID (connect_error carries the code).
async function expiredTokenOutcome() {
  try {
    const socket = await connect(cfg.nodeA, cfg.expiredToken);
    socket.close();
    return "accepted";
  } catch (err) {
    return err.data ? err.data.code : "error: " + err.message;
  }
}

async function main() {
  const host = await connect(cfg.nodeA, cfg.hostToken);
  const viewer = await connect(cfg.nodeB, cfg.viewerToken);
  const anonymous = await connect(cfg.nodeB, null);
  checks.expiredToken = await expiredTokenOutcome();
  checks.hostRole = (await request(host, "join", { sessionId })).role;
  checks.viewerRole = (await request(viewer, "join", { sessionId })).role;
  checks.anonymousJoined = (await request(anonymous, "join", { sessionId })).ok;
  checks.anonymousChat = (await request(anonymous, "chat", { sessionId, text: "游客说话" })).code;

  // chat accepted on node B reaches the host on node A, filtered
  let arrived = next(host, "chat", hasText("黄皮 *** 好甜"));
  const sent = await request(viewer, "chat", { sessionId, text: "黄皮 加微信 好甜" });
  checks.chatFromBOnA = (await arrived).messages.find((m) => m.id === sent.id).text;

  // and the other way round
  arrived = next(anonymous, "chat", hasText("欢迎来到直播间"));
  await request(host, "chat", { sessionId, text: "欢迎来到直播间" });
  checks.chatFromAOnB = (await arrived).messages.find((m) => m.text === "欢迎来到直播间").role;

  // host-only events
  const card = { id: 7, name: "从江椪柑", priceFen: 3990, unit: "斤" };
  checks.viewerExplain = (await request(viewer, "explain", { sessionId, product: card })).code;
  arrived = next(viewer, "explaining");
  await request(host, "explain", { sessionId, product: card });
  checks.explainingOnB = (await arrived).product.name;

  // a flash sale started on node A reaches node B; its sell-out reaches viewers on both nodes
  checks.viewerFlashStart = (await request(viewer, "flash_start",
    { sessionId, skuId: cfg.flashSkuId, units: 3, priceFen: 990, durationSeconds: 600, role: "HOST" })).code;
  const announced = next(anonymous, "flash_sale");
  const soldOutOnB = next(viewer, "flash_sale_sold_out");
  const soldOutOnA = next(host, "flash_sale_sold_out");
  const flash = await request(host, "flash_start",
    { sessionId, skuId: cfg.flashSkuId, units: 3, priceFen: 990, durationSeconds: 600 });
  const sale = await announced;
  checks.flashSaleOnB = sale.flashSaleId === flash.flashSaleId ? sale.units + "@" + sale.priceFen : "wrong sale";
  checks.flashSoldOutOnB = (await soldOutOnB).flashSaleId === flash.flashSaleId;
  checks.flashSoldOutOnA = (await soldOutOnA).remaining;

  // moderation from node A applies on node B
  arrived = next(viewer, "muted");
  checks.muteAck = (await request(host, "mute", { sessionId, userId: cfg.viewerId, minutes: 1 })).ok;
  await arrived;
  checks.mutedChat = (await request(viewer, "chat", { sessionId, text: "还能说吗" })).code;
  arrived = next(viewer, "unmuted");
  await request(host, "unmute", { sessionId, userId: cfg.viewerId });
  await arrived;
  const doomed = await request(viewer, "chat", { sessionId, text: "这条会被删" });
  arrived = next(anonymous, "chat_deleted");
  await request(host, "delete", { sessionId, messageId: doomed.id });
  checks.deletedOnB = (await arrived).messageId === doomed.id;

  checks.unknownEvent = (await request(viewer, "no_such_event", { sessionId })).code;
  checks.online = (await latest(host, "stats", (s) => s.online === 3)).online;

  arrived = next(viewer, "kicked");
  await request(host, "kick", { sessionId, userId: cfg.viewerId, reason: "测试" });
  checks.kickedReason = (await arrived).reason;
  checks.rejoin = (await request(viewer, "join", { sessionId })).code;

  for (const socket of [host, viewer, anonymous]) {
    socket.close();
  }
  console.log(JSON.stringify({ ok: true, checks }));
}

main().catch((err) => {
  console.log(JSON.stringify({ ok: false, error: String((err && err.stack) || err), checks }));
  process.exit(1);
});

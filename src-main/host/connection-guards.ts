// Every socket and stream of the headless host has its 'error' handled. In Node an 'error'
// event without a listener ends the process: one client sending garbage (an unmasked
// WebSocket frame, a broken request line) would otherwise stop the host for everyone.
import http from 'node:http';
import type net from 'node:net';
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';

const ignore = (): void => undefined;

/** The answer to a request Node's parser refused; 400 unless the cause has its own code. */
const PARSER_ERROR_STATUS: Record<string, number> = {
  HPE_HEADER_OVERFLOW: 431,
  HPE_CHUNK_EXTENSIONS_OVERFLOW: 413,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
};

/** The server's own errors, and the requests its parser cannot read (`clientError`). */
export function guardServer(server: http.Server, log: (line: string) => void): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) =>
    refuseUnparsable(error, socket as net.Socket),
  );
  // After listening (e.g. too many open files): said, and the server keeps serving.
  server.on('error', (error) => log(`[postier host] ${error.message}`));
}

function refuseUnparsable(error: NodeJS.ErrnoException, socket: net.Socket): void {
  socket.on('error', ignore);
  // Nothing to answer on a connection already reset or half-answered: close it.
  if (error.code === 'ECONNRESET' || !socket.writable || socket.bytesWritten > 0) {
    socket.destroy();
    return;
  }
  const status = PARSER_ERROR_STATUS[error.code ?? ''] ?? 400;
  socket.end(
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
    () => socket.destroy(),
  );
}

/** A client leaving mid-request or mid-answer only ends its own exchange. */
export function guardExchange(request: http.IncomingMessage, response: http.ServerResponse): void {
  request.on('error', ignore);
  response.on('error', ignore);
}

/** The upgrade socket before the WebSocket handshake, which ws only guards during it. */
export function guardUpgradeSocket(socket: Duplex): void {
  socket.on('error', () => socket.destroy());
}

/** A broken frame (unmasked, too large, bad UTF-8) closes that WebSocket; ws says why. */
export function guardWebSocket(ws: WebSocket): void {
  ws.on('error', () => ws.terminate());
}

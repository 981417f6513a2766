import http from 'node:http';
import http2 from 'node:http2';
import type { AnyRequest, AnyResponse } from './dual-server';
import { endResponse } from './response-io';

/**
 * Ends a response early while the client is still sending a streaming body (a bad line on
 * /inserts-stream): once the response is handed to the transport, the HTTP/1.1 connection is
 * closed after flushing (its unread body makes it unusable for another request) and an HTTP/2
 * stream is closed with NO_ERROR, which tells the client to stop sending.
 */
export function endAndStopReading(req: AnyRequest, res: AnyResponse, last?: string): void {
  res.once('finish', () => {
    if (req instanceof http.IncomingMessage) req.socket.end();
    else if (req instanceof http2.Http2ServerRequest && !req.stream.closed) {
      req.stream.close(http2.constants.NGHTTP2_NO_ERROR);
    }
  });
  endResponse(res, last);
}

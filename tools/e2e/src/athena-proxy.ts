import { createServer, type IncomingHttpHeaders, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A StartQueryExecution that went through the proxy, with moto's answer. */
export interface StartedQuery {
  sql: string;
  queryId: string;
  workGroup: string | undefined;
  outputLocation: string | undefined;
}

/** An HTTP proxy in front of `moto_server` that lets a test act for Athena's SQL engine. */
export interface AthenaProxy {
  /** `http://127.0.0.1:<port>`: give it to the jobs as `aws.endpoint`. */
  endpoint: string;
  /** Every StartQueryExecution seen, in order. */
  started: StartedQuery[];
  close(): Promise<void>;
}

/**
 * Starts a proxy that forwards every AWS call to `target` (moto) unchanged and, after moto answers a
 * StartQueryExecution, awaits `onStart` before replying: moto runs no SQL, so the test plants what Athena
 * would have written (UNLOAD Parquet files and their manifest) before the job polls for the result. The jobs
 * run as separate processes with their own clients, so this is the one place to stand between them and moto.
 */
export async function startAthenaProxy(options: {
  target: string;
  onStart: (query: StartedQuery) => Promise<void>;
}): Promise<AthenaProxy> {
  const target = new URL(options.target);
  const started: StartedQuery[] = [];
  const server = createServer(async (incoming, outgoing) => {
    try {
      const body = await readAll(incoming);
      const headers: IncomingHttpHeaders = { ...incoming.headers, host: target.host };
      delete headers.expect;
      delete headers.connection;
      const answer = await forward(target, incoming.method ?? 'GET', incoming.url ?? '/', headers, body);
      if (incoming.headers['x-amz-target'] === 'AmazonAthena.StartQueryExecution' && answer.status === 200) {
        const input = JSON.parse(body.toString('utf8')) as {
          QueryString: string;
          WorkGroup?: string;
          ResultConfiguration?: { OutputLocation?: string };
        };
        const query: StartedQuery = {
          sql: input.QueryString,
          queryId: (JSON.parse(answer.body.toString('utf8')) as { QueryExecutionId: string })
            .QueryExecutionId,
          workGroup: input.WorkGroup,
          outputLocation: input.ResultConfiguration?.OutputLocation,
        };
        started.push(query);
        await options.onStart(query);
      }
      outgoing.writeHead(answer.status, answer.headers);
      outgoing.end(answer.body);
    } catch (error) {
      outgoing.writeHead(500, { 'content-type': 'text/plain' });
      outgoing.end(`athena proxy: ${(error as Error).message}`);
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    started,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => done(Buffer.concat(chunks)));
    stream.on('error', fail);
  });
}

function forward(
  target: URL,
  method: string,
  path: string,
  headers: IncomingHttpHeaders,
  body: Buffer,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((done, fail) => {
    const req = request({ host: target.hostname, port: target.port, method, path, headers }, async (res) => {
      const answer = await readAll(res);
      const { connection: _c, 'transfer-encoding': _t, ...rest } = res.headers;
      done({
        status: res.statusCode ?? 502,
        headers: { ...rest, 'content-length': String(answer.length) },
        body: answer,
      });
    });
    req.on('error', fail);
    req.end(body);
  });
}

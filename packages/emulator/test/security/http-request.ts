import { request } from 'node:http';

export interface PlainResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  json: { result: unknown; status: string; message: string } | null;
}

/**
 * An HTTP request with every header as given, `Host` and `Origin` included (fetch may rewrite or refuse them), as a
 * browser page or a rebinding attacker would send it.
 */
export function plainRequest(
  baseUrl: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<PlainResponse> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, method, path, headers, setHost: !('host' in headers) },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: PlainResponse['json'] = null;
          try {
            json = JSON.parse(text) as PlainResponse['json'];
          } catch (cause) {
            void cause; // not JSON: json stays null
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, json });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

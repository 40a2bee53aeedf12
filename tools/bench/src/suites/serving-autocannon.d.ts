// The part of autocannon's API the serving suite uses (autocannon ships no types).
declare module 'autocannon' {
  interface AutocannonRequest {
    method: 'GET' | 'POST';
    headers?: Record<string, string>;
    body?: string;
  }
  interface AutocannonOptions {
    url: string;
    connections: number;
    /** Total requests to send (instead of a duration). */
    amount?: number;
    duration?: number;
    requests?: AutocannonRequest[];
  }
  interface AutocannonResult {
    errors: number;
    timeouts: number;
    non2xx: number;
    /** Latency percentiles, ms. */
    latency: { p50: number; p90: number; p99: number; average: number; max: number };
    requests: { total: number; average: number };
  }
  function autocannon(options: AutocannonOptions): Promise<AutocannonResult>;
  export default autocannon;
}

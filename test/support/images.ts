/**
 * The address of an image that cannot be loaded: a port nothing listens on,
 * so the request fails at once, however busy the test server is (a 404 from
 * the test server once took longer than a wait allowed on the 2-core CI
 * machine).
 */
export function deadImageUrl(name: string): string {
  return `http://127.0.0.1:9/no-such-${name}.png`;
}

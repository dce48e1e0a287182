/**
 * The port `wrangler dev` will listen on, read from the arguments `npm start -- ...` passes it
 * (`--port 8790`, `--port=8790`), so the start banner names the real address. Pure, so it is tested.
 */
export const DEFAULT_DEV_PORT = 8787;

export function devPortFrom(args: readonly string[]): number {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = arg === '--port' ? args[i + 1] : arg.startsWith('--port=') ? arg.slice('--port='.length) : undefined;
    if (value !== undefined && /^\d{1,5}$/.test(value)) return Number(value);
  }
  return DEFAULT_DEV_PORT;
}

/** The browser player: see types.ts for the API, browser-player.ts for the wiring. */
export { createBrowserPlayer } from './browser-player.ts';
export type { BrowserPlayerOptions, PlayedEvent, Player, SwapMode } from './types.ts';

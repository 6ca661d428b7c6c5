export { createSlackPlatform, type SlackPlatformOptions } from './platform.js';
export { SLACK_EVENTS_PATH, slackManifest, type ManifestOptions } from './manifest.js';
export { renderParts } from './render.js';
export { LIMITS as SLACK_LIMITS, type SlackPayload } from './blocks.js';

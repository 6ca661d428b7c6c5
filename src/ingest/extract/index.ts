export { extract } from './extract.js';
export { parseBriefingText, type BriefingText } from './briefing-format.js';
export { compileTopics } from './topics.js';

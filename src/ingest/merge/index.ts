export { findMatch, matchScore, DATE_SLACK_DAYS, PUBLICATION_WINDOW_DAYS, type MatchDoc } from './find-match.js';
export { mergeInto, type MergeDoc } from './merge-into.js';
export { dayNumber } from './dates.js';
export { meetingTopics, type TopicSource } from './meeting-topics.js';

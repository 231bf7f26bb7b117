// Pages where Selge's content script runs. Start narrow: the help-desk and mail composers
// customers' replies are written in. Match patterns, see
// https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns
export const CONTENT_MATCHES = [
  'https://mail.google.com/*',
  'https://*.zendesk.com/*',
  'https://outlook.office.com/*',
  'https://outlook.live.com/*',
];

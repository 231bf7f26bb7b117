// The badge at each checked field's corner and its panel (see badges.ts).
export { createBadges, type BadgeOptions, type Badges } from './badges';
export { BADGES_TAG } from './host';

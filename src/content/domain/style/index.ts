export { applyStyleIssues, checkStyle } from './check-style';
export {
  GLOSSARY_LIMITS,
  glossaryKey,
  matchGlossary,
  normalizeForGlossary,
  validateGlossary,
  type GlossaryEntry,
} from './glossary';
export { MAX_STYLE_ISSUES, STYLE_RULES, type StyleIssue, type StyleReport, type StyleRule } from './style-issue';

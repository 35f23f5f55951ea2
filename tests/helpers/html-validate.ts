import { HtmlValidate, type RuleConfig } from 'html-validate';
import { HTML_VALIDATE_WAIVERS } from '../../src/model/accessibility';

/** html-validate as every HTML check runs it: the recommended and document presets, and exactly the waivers the accessibility statement publishes. */
export const siteValidator = () =>
  new HtmlValidate({
    extends: ['html-validate:recommended', 'html-validate:document'],
    rules: Object.fromEntries(HTML_VALIDATE_WAIVERS.map((w) => [w.rule, w.setting])) as RuleConfig,
  });

import { defineElement } from '../../core/define.js';
import { IopCoverageExplainer } from './coverage-explainer.js';

defineElement('iop-coverage-explainer', IopCoverageExplainer);

declare global {
  interface HTMLElementTagNameMap {
    'iop-coverage-explainer': IopCoverageExplainer;
  }
}

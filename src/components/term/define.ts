import { defineElement } from '../../core/define.js';
import { IopTerm } from './term.js';

defineElement('iop-term', IopTerm);

declare global {
  interface HTMLElementTagNameMap {
    'iop-term': IopTerm;
  }
}

import { defineElement } from '../../core/define.js';
import { IopCrisisConnect } from './crisis-connect.js';

defineElement('iop-crisis-connect', IopCrisisConnect);

declare global {
  interface HTMLElementTagNameMap {
    'iop-crisis-connect': IopCrisisConnect;
  }
}

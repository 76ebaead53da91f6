import { defineElement } from '../../core/define.js';
import { IopCheckIn } from './check-in.js';

defineElement('iop-check-in', IopCheckIn);

declare global {
  interface HTMLElementTagNameMap {
    'iop-check-in': IopCheckIn;
  }
}
